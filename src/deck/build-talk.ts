// A whole deck: the talk's model with its slides, for an audience. Every page and file made from the talk (the
// deck's page, the text version, the handout, the PowerPoint, the replay) starts here, so none of them needs the
// build tool to get a deck.
import { loadTalk, type TalkModel } from '../data/load-data.ts';
import type { TimedSlide } from '../layout/slide.ts';
import { forAudience, type Audience } from '../slides/audience.ts';
import { buildDeck } from '../slides/build-deck.ts';

export interface BuiltDeck {
  model: TalkModel;
  slides: TimedSlide[];
}

/**
 * The talk's slides for an audience: 'public' (the default: everything built for sharing) holds no private notes, and
 * no notes at all when the talk says `publishNotes: false`; 'speaker' (the dev server) holds every note.
 */
export async function buildTalk(root: string, audience: Audience = 'public'): Promise<BuiltDeck> {
  return (await buildTalkFor(root))[audience];
}

/** The talk read and its slides made once, for both audiences: what a build publishes, and what the speaker sees. */
export async function buildTalkFor(root: string): Promise<Record<Audience, BuiltDeck>> {
  const model = loadTalk({ root });
  const slides = await buildDeck(model);
  const { publishNotes } = model.talk;
  return {
    public: { model, slides: forAudience(slides, 'public', publishNotes, model.words) },
    speaker: { model, slides: forAudience(slides, 'speaker', publishNotes, model.words) },
  };
}
