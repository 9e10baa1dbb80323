// Who a build is for. What is published (the built deck, the single file, the text version, the handout, the PDFs,
// the PowerPoint) never holds a speaker's private notes, nor any note when the talk says `publishNotes: false`;
// the speaker's own view (the dev server, and the presenter of `npm run present`) holds everything.
import { basename, dirname, join } from 'node:path';
import { html, raw, unwrap } from '../html/escape.ts';
import type { Words } from '../locale/words.ts';
import type { TimedSlide } from '../layout/slide.ts';

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

/**
 * The notes only the speaker may see, slide by slide (every note of a slide whose notes differ from what is published):
 * for the presenter of `npm run present`, who is sent them after the relay has checked the presenter's secret.
 * Empty when nothing is held back.
 */
export function speakerOnlyNotes(speaker: readonly TimedSlide[], published: readonly TimedSlide[]): Record<string, string> {
  const out: Record<string, string> = {};
  speaker.forEach((s, i) => {
    if (unwrap(s.notes) !== unwrap(published[i]?.notes ?? raw(''))) out[s.id] = unwrap(s.notes);
  });
  return out;
}

/**
 * Where a build into `dist` keeps the speaker-only notes: beside it, never in it (`dist-private/speaker-notes.json`),
 * so copying dist/ to a website never copies them; `dist-*` is in .gitignore.
 */
export function speakerNotesFile(dist: string): string {
  return join(dirname(dist), `${basename(dist)}-private`, 'speaker-notes.json');
}
