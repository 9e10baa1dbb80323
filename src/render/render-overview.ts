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
<thead><tr><th scope="col">Study</th><th scope="col">Design</th><th scope="col">Size</th><th scope="col">Improved</th><th scope="col">No clear change or mixed</th></tr></thead>
<tbody>
${rows.map(row)}
</tbody>
</table>`),
      notes: markdownBlock(
        [
          page === 0
            ? `${studies.intro} Here are the ${countWord(list.length)} studies side by side, ${ROWS_PER_SLIDE} to a slide; we will take each one in turn after this.`
            : `And the other ${countWord(rows.length)}.`,
          ...rows.map((s, i) => `${s.shortTitle} (${designLabel(s).toLowerCase()}${sizeSaid(s)}): ${s.meaning}`),
          page === 0 ? 'On the slide, a triangle pointing up means improved, a dot means no clear change, and a diamond means mixed.' : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
      ),
    };
  });
}

function row(s: Study): Raw {
  const improved = outcomes(s, (d) => d === 'improved');
  const unchanged = outcomes(s, (d) => d === 'no change');
  const mixed = outcomes(s, (d) => d === 'mixed');
  const marked = (direction: Study['results'][number]['direction'], list: string[]) =>
    list.length ? html`<span class="marked">${directionMark(direction)} ${list.join(', ')}</span>` : '';
  return html`<tr><th scope="row">${s.shortTitle}</th><td>${designLabel(s)}</td><td>${sizeLabel(s)}</td>
<td>${improved.length ? marked('improved', improved) : '—'}</td>
<td>${unchanged.length || mixed.length ? html`${marked('no change', unchanged)}${unchanged.length && mixed.length ? html`<br>` : ''}${marked('mixed', mixed)}` : '—'}</td></tr>`;
}

/** ", 48 people" as the speaker says it; nothing when the sources give no number. */
function sizeSaid(s: Study): string {
  const p = s.participants;
  if (p?.count === undefined) return '';
  return `, ${p.count} ${p.of}${p.source === 'paper' ? ' according to the paper' : ''}`;
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
function countWord(n: number): string {
  return WORDS[n] ?? String(n);
}

function outcomes(s: Study, keep: (d: Study['results'][number]['direction']) => boolean): string[] {
  return [...new Set(s.results.filter((r) => keep(r.direction)).map((r) => r.outcome))];
}
