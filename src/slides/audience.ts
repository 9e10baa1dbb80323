// Who a build is for. What is published (the built deck, the single file, the text version, the handout, the PDFs,
// the PowerPoint) never holds a speaker's private notes, nor any note when the talk says `publishNotes: false`;
// the speaker's own view (the dev server, and the presenter of `npm run present`) holds everything.
import { html, raw, unwrap } from '../html/escape.ts';
import type { Words } from '../locale/words.ts';
import type { TimedSlide } from './slide.ts';

export type Audience = 'public' | 'speaker';

export function forAudience(slides: readonly TimedSlide[], audience: Audience, publishNotes: boolean, w: Words): TimedSlide[] {
  return slides.map(({ privateNotes, ...slide }) => {
    if (audience === 'public') return publishNotes ? slide : { ...slide, notes: raw('') };
    return privateNotes ? { ...slide, notes: withPrivate(slide.notes, privateNotes, w) } : slide;
  });
}

/** The notes with the private part after them, marked so the speaker knows it is theirs alone. */
export function withPrivate(notes: TimedSlide['notes'], privateNotes: TimedSlide['notes'], w: Words): TimedSlide['notes'] {
  return raw(`${unwrap(notes)}${unwrap(html`<div class="private-notes"><p><strong>${w.text('deck.privateNotes')}</strong></p>${privateNotes}</div>`)}`);
}
