// Tips and takeaways: short points, each naming what it rests on.
import type { TalkModel } from '../data/load-data.ts';
import { html, raw } from '../html/escape.ts';
import { markdownBlock, markdownInline } from '../markdown/render-markdown.ts';
import type { Slide } from '../slides/slide.ts';

type Point = TalkModel['takeaways']['tips'][number];

export function renderTips(model: TalkModel): Slide[] {
  const t = model.takeaways;
  return [points(model, 'tips', t.tipsTitle, t.tipsLead, t.tips, t.tipsNotes, 2)];
}

export function renderTakeaways(model: TalkModel): Slide[] {
  return [points(model, 'takeaways', 'Takeaways', undefined, model.takeaways.takeaways, model.takeaways.takeawaysNotes, 2)];
}

function points(model: TalkModel, id: string, title: string, lead: string | undefined, list: Point[], notes: string, weight: number): Slide {
  const names = sourceNames(model);
  return {
    id,
    title,
    kind: 'points',
    weight,
    body: raw(html`<h2>${title}</h2>
${lead ? html`<p class="lead">${lead}</p>` : ''}
<ul class="points">
${list.map((p) => html`<li>${markdownInline(p.text)}</li>`)}
</ul>`),
    notes: raw(
      html`${markdownBlock(notes)}<p>What each point rests on:</p><ul>${list.map(
        (p) => html`<li>${markdownInline(p.text)} (${p.basis.map((id) => names.get(id) ?? id).join('; ')})</li>`,
      )}</ul>`,
    ),
  };
}

/** Readable names for study and quote ids, for "rests on" lines. */
export function sourceNames({ studies, quotes }: TalkModel): Map<string, string> {
  return new Map([
    ...studies.studies.map((s) => [s.id, `${s.citation.authors.split(/[ ,]/)[0]}${s.citation.year ? ` ${s.citation.year}` : ''}: ${s.shortTitle}`] as const),
    ...quotes.quotes.map((q) => [q.id, `${q.person}, ${q.credential}`] as const),
    ...(quotes.clinic ? [[quotes.clinic.id, quotes.clinic.name] as const] : []),
  ]);
}
