// A list over as many slides as it needs: the same heading with "(2 of 3)" and "continued", the items shared out so
// no slide overflows, the speaker notes of each slide about its own items, and the time shared by the items.
import { html, type Raw } from '../html/escape.ts';
import type { Words } from '../locale/words.ts';
import { CONTENT_HEIGHT, headingHeight, pack } from '../layout/fit.ts';
import type { Overfull, Slide } from '../layout/slide.ts';
import { continuedId } from '../layout/slide-ids.ts';
import { partTitle } from './words.ts';

export interface ListSlides<T> {
  id: string;
  title: string;
  kind: string;
  /** The time the whole list takes, relative to other slides (shared out by the number of items on each). */
  weight: number;
  items: readonly T[];
  /** The item's height in pixels on the slide (see fit.ts). */
  height: (item: T) => number;
  /** The list's HTML for the items on one slide, and their index of the first. */
  list: (items: readonly T[], first: number) => Raw;
  /** HTML under the heading on the first slide only (a lead line), and its height. */
  lead?: { html: Raw; height: number };
  /** The speaker notes for the items on one slide; `page` counts from 0. */
  notes: (items: readonly T[], page: number, pages: number) => Raw;
  /** The words to use. */
  words: Words;
  /** The bottom margin each item's height counts: the last item's may hang below the slide's content box. */
  margin: number;
  /** Where an item is written, to report one too long for any slide. */
  where: (item: T, index: number) => Pick<Overfull, 'source' | 'path'>;
}

export function listSlides<T>(spec: ListSlides<T>): Slide[] {
  const w = spec.words;
  const budget = CONTENT_HEIGHT + spec.margin - headingHeight(`${spec.title} (${w.text('deck.continued')})`);
  const leadHeight = spec.lead?.height ?? 0;
  // The lead sits on the first slide only: the budget is the same for every page, less the lead everywhere, which
  // wastes a little room on later pages but keeps the packing simple and never lets the first page overflow.
  const pages = pack(spec.items, spec.height, budget - leadHeight);
  const overfull: Overfull[] = spec.items.flatMap((item, i) =>
    spec.height(item) > budget - leadHeight
      ? [{ ...spec.where(item, i), message: tooLong(spec.title) }]
      : [],
  );
  let first = 0;
  return pages.map((items, page) => {
    const heading = partTitle(spec.title, page + 1, pages.length, w);
    const start = first;
    first += items.length;
    return {
      id: continuedId(spec.id, page),
      title: heading,
      kind: spec.kind,
      weight: (spec.weight * Math.max(1, items.length)) / Math.max(1, spec.items.length),
      body: html`<h2>${spec.title}${page > 0 ? html`<span class="continued">${w.text('deck.continued')}</span>` : ''}</h2>
${page === 0 && spec.lead ? spec.lead.html : ''}
${spec.list(items, start)}`,
      notes: spec.notes(items, page, pages.length),
      overfull: page === 0 ? overfull : undefined,
    };
  });
}

/** The message for an item too long for a slide of its own. */
export function tooLong(where: string): string {
  return `too long to fit on a slide ("${where}"), even on a slide of its own: shorten it, or move the detail to the speaker notes`;
}
