// Turns the validated talk into the ordered, timed list of slides.
import type { TalkModel } from '../data/load-data.ts';
import type { OrderEntry } from '../schema/index.ts';
import { renderAcknowledgements } from '../render/render-acknowledgements.ts';
import { renderClinic } from '../render/render-clinic.ts';
import { renderMarkdownSlide } from '../render/render-markdown-slide.ts';
import { renderOverview } from '../render/render-overview.ts';
import { renderTakeaways, renderTips } from '../render/render-points.ts';
import { renderQuestions } from '../render/render-questions.ts';
import { renderQuotes } from '../render/render-quotes.ts';
import { renderReferences, renderResources } from '../render/render-resources.ts';
import { renderStudies } from '../render/render-study.ts';
import { renderTitle } from '../render/render-title.ts';
import { DataError } from '../data/data-error.ts';
import type { Slide, TimedSlide } from '../layout/slide.ts';
import { assignTimings } from '../layout/timing.ts';
import { DECK_ATTRIBUTES, DECK_TAGS } from '../html/allowlist.ts';
import { outsideAllowList } from '../html/check-allowlist.ts';
import { unwrap } from '../html/escape.ts';

type Generator = (model: TalkModel) => Slide[] | Promise<Slide[]>;

const GENERATORS: Record<Exclude<OrderEntry, `${string}.md`>, Generator> = {
  title: renderTitle,
  acknowledgements: renderAcknowledgements,
  overview: renderOverview,
  studies: renderStudies,
  quotes: renderQuotes,
  clinic: renderClinic,
  tips: renderTips,
  takeaways: renderTakeaways,
  resources: renderResources,
  references: renderReferences,
  questions: renderQuestions,
};

export async function buildDeck(model: TalkModel): Promise<TimedSlide[]> {
  const groups = await Promise.all(
    model.order.slides.map(async (entry): Promise<Slide[]> => {
      const md = model.markdown.get(entry);
      if (md) return [renderMarkdownSlide(md, model.words)];
      const generate = GENERATORS[entry as keyof typeof GENERATORS];
      if (!generate) throw new Error(`no slide file or generated slides named "${entry}"`);
      return generate(model);
    }),
  );
  const slides = groups.flat();
  // Text too long for any slide is reported where it is written, as a data problem, rather than shown cut off.
  const overfull = slides.flatMap((s) => s.overfull ?? []);
  if (overfull.length) throw new DataError(overfull.map((o) => ({ ...model.where(o.source, o.path), message: o.message })));
  // Two slides with one address would make one unreachable. The data check foresees this from the ids' scheme;
  // here the ids the slides really have are held to it, whatever a renderer does.
  const owner = new Map<string, string>();
  const clashes = groups.flatMap((group, i) => {
    const entry = model.order.slides[i]!;
    return group.flatMap((slide) => {
      const other = owner.get(slide.id);
      owner.set(slide.id, entry);
      return other === undefined ? [] : [{ ...model.where('order', ['slides', i]), message: `slide id "${slide.id}" in ${entry} is also used by ${other}: give one of them another id` }];
    });
  });
  if (clashes.length) throw new DataError(clashes);
  holdToAllowList(slides);
  return assignTimings(slides, model.talk.lengthMinutes);
}

/**
 * Every slide and its notes hold only what src/html/allowlist.ts names. Data cannot get past it (text is escaped,
 * Markdown cleaned to its own list), so anything outside is the generator's fault: the build stops and says where,
 * rather than publish it.
 */
export function holdToAllowList(slides: readonly Slide[]): void {
  const faults = slides.flatMap((slide) =>
    (['body', 'notes', 'privateNotes'] as const).flatMap((part) => {
      const value = slide[part];
      const outside = value === undefined ? [] : outsideAllowList(unwrap(value), DECK_TAGS, DECK_ATTRIBUTES);
      return outside.length ? [`slide "${slide.id}" (${part}): ${outside.join(', ')}`] : [];
    }),
  );
  if (faults.length) {
    throw new Error(`The deck's generator wrote what its allow-list (src/html/allowlist.ts) does not allow, so nothing was built:\n${faults.join('\n')}\nThis is a fault in the code, not in the talk's files.`);
  }
}
