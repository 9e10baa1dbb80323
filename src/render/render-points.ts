// Tips and takeaways: short points, each naming what it rests on (or saying it is the speaker's own view), over as
// many slides as they need.
import type { TalkModel } from '../data/load-data.ts';
import { html, raw } from '../html/escape.ts';
import { markdownBlock, markdownInline } from '../markdown/render-markdown.ts';
import { CONTENT_WIDTH, textHeight } from '../layout/fit.ts';
import type { Slide } from '../layout/slide.ts';
import { listSlides } from './list-slides.ts';

type Point = TalkModel['takeaways']['tips'][number];

/** Points at 34 px (deck.css: section.points), after the bullet's indent, with their margin. */
export const pointHeight = (text: string) => textHeight(text, 34, CONTENT_WIDTH - 46) + 14;
/** The lead line under the tips' title: 30 px italic. */
export const leadHeight = (text: string) => textHeight(text, 30, CONTENT_WIDTH, { bold: true }) + 10;

export function renderTips(model: TalkModel): Slide[] {
  const t = model.takeaways;
  return points(model, 'tips', t.tipsTitle ?? model.words.text('tips.title'), t.tipsLead, t.tips, t.tipsNotes, 2);
}

export function renderTakeaways(model: TalkModel): Slide[] {
  return points(model, 'takeaways', model.words.text('takeaways.title'), undefined, model.takeaways.takeaways, model.takeaways.takeawaysNotes, 2);
}

function points(model: TalkModel, id: string, title: string, lead: string | undefined, list: Point[], notes: string | undefined, weight: number): Slide[] {
  // No points, no slide (npm run check says when the running order names a slide with nothing to show).
  if (!list.length) return [];
  const names = sourceNames(model);
  const w = model.words;
  return listSlides({
    id,
    title,
    kind: 'points',
    weight,
    words: w,
    margin: 14,
    items: list,
    where: (_p, i) => ({ source: 'takeaways', path: [id, i, 'text'] }),
    height: (p) => pointHeight(p.own ? `${w.text('claims.ownLabel')} ${p.text}` : p.text),
    lead: lead ? { html: html`<p class="lead">${lead}</p>`, height: leadHeight(lead) } : undefined,
    list: (items) => html`<ul class="points">
${items.map((p) => html`<li>${p.own ? html`<strong class="own-view">${w.text('claims.ownLabel')}</strong> ` : ''}${markdownInline(p.text)}</li>`)}
</ul>`,
    notes: (items, page) =>
      raw(
        html`${page === 0 ? markdownBlock(notes ?? '') : ''}<p>${w.text('takeaways.restsOn')}</p><ul>${items.map(
          (p) => html`<li>${markdownInline(p.text)} (${[...(p.own ? [w.text('claims.ownRestsOn')] : []), ...(p.basis ?? []).map((id) => names.get(id) ?? id)].join('; ')})</li>`,
        )}</ul>`,
      ),
  });
}

/** Readable names for study and quote ids, for "rests on" lines. */
export function sourceNames({ studies, quotes, words: w }: TalkModel): Map<string, string> {
  return new Map([
    ...studies.studies.map((s) => [s.id, `${s.citation.authors.split(/[ ,]/)[0]}${s.citation.year ? ` ${s.citation.year}` : ''}: ${s.shortTitle}`] as const),
    ...quotes.quotes.map((q) => [q.id, w.text('quotes.attribution', { person: q.person, credential: q.credential })] as const),
    ...(quotes.clinic ? [[quotes.clinic.id, quotes.clinic.name] as const] : []),
  ]);
}
