// The evidence at a glance: one table row per study, direction in words and symbols.
import type { TalkModel } from '../data/load-data.ts';
import type { Study } from '../schema/index.ts';
import { html, raw, type Raw } from '../html/escape.ts';
import { markdownBlock } from '../markdown/render-markdown.ts';
import type { Slide } from '../slides/slide.ts';
import { designLabel, directionMark, sizeLabel } from './words.ts';

const ROWS_PER_SLIDE = 3;

export function renderOverview({ studies }: TalkModel): Slide[] {
  const list = studies.studies;
  const pages = Math.ceil(list.length / ROWS_PER_SLIDE);
  return Array.from({ length: pages }, (_, page) => {
    const rows = list.slice(page * ROWS_PER_SLIDE, (page + 1) * ROWS_PER_SLIDE);
    const title = pages > 1 ? `The evidence at a glance (${page + 1} of ${pages})` : 'The evidence at a glance';
    return {
      id: page === 0 ? 'overview' : `overview-${page + 1}`,
      title,
      kind: 'overview',
      weight: 1.5,
      body: raw(html`<h2>${title}</h2>
<table class="evidence">
<caption class="visually-hidden">${title}: each study's design, size, what improved and what did not</caption>
<thead><tr><th scope="col">Study</th><th scope="col">Design</th><th scope="col">Size</th><th scope="col">Improved</th><th scope="col">No clear change</th></tr></thead>
<tbody>
${rows.map(row)}
</tbody>
</table>`),
      notes: markdownBlock(
        (page === 0 ? `${studies.intro} Here are the six studies side by side. ` : 'And the other three. ') +
          rows.map((s) => `${s.shortTitle}: a ${designLabel(s).toLowerCase()}, size ${sizeLabel(s)}. ${s.meaning}`).join(' ') +
          ' An up-pointing triangle means improved; a dot means no clear change.',
      ),
    };
  });
}

function row(s: Study): Raw {
  const improved = outcomes(s, (d) => d === 'improved');
  const notImproved = outcomes(s, (d) => d !== 'improved');
  return html`<tr><th scope="row">${s.shortTitle}</th><td>${designLabel(s)}</td><td>${sizeLabel(s)}</td>
<td>${improved.length ? html`${directionMark('improved')} ${improved.join(', ')}` : '—'}</td>
<td>${notImproved.length ? html`${directionMark('no change')} ${notImproved.join(', ')}` : '—'}</td></tr>`;
}

function outcomes(s: Study, keep: (d: Study['results'][number]['direction']) => boolean): string[] {
  return [...new Set(s.results.filter((r) => keep(r.direction)).map((r) => r.outcome))];
}
