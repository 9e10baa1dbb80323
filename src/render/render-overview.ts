// The evidence at a glance: one table row per study, direction in words and symbols, over as many slides as the
// rows need.
import type { TalkModel } from '../data/load-data.ts';
import type { Study } from '../schema/index.ts';
import { html, type Raw } from '../html/escape.ts';
import type { Words } from '../locale/words.ts';
import { markdownBlock } from '../markdown/render-markdown.ts';
import { CONTENT_HEIGHT, CONTENT_WIDTH, headingHeight, pack, textHeight } from '../layout/fit.ts';
import type { Overfull, Slide } from '../layout/slide.ts';
import { continuedId } from '../layout/slide-ids.ts';
import { tooLong } from './list-slides.ts';
import { designLabel, directionMark, directionWord, partTitle, sizeLabel } from './words.ts';
import { claimText } from '../schema/common.ts';
import { Direction as Directions } from '../schema/studies.ts';

type Direction = Study['results'][number]['direction'];

/** Column widths as deck.css sets them (table-layout: fixed), in hundredths of the table. */
export const COLUMNS = [19, 15, 16, 21, 29] as const;
export const CELL_PX = 26;
export const CELL_PADDING = 24;
const ROW_EXTRA = 20 + 3;

export function renderOverview({ studies, words: w }: TalkModel): Slide[] {
  const list = studies.studies;
  const title = w.text('overview.title');
  const otherHeading = w.text('overview.other');
  const headings = [w.text('overview.study'), w.text('overview.design'), w.text('overview.size'), w.text('overview.improved'), otherHeading];
  const budget = CONTENT_HEIGHT - headingHeight(partTitle(title, 9, 9, w)) - rowHeight(headings.map((h) => [h]), true);
  // A study with many or long outcomes has them counted in its row rather than listed (its own slides list them).
  const counted = new Set(list.filter((s) => rowHeight(cells(s, w, false), false) > budget));
  const pages = pack(list, (s) => rowHeight(cells(s, w, counted.has(s)), false), budget);
  const present = new Set(list.flatMap((s) => s.results.map((r) => r.direction)));
  const overfull: Overfull[] = list.flatMap((s, i) =>
    rowHeight(cells(s, w, true), false) > budget ? [{ source: 'studies' as const, path: ['studies', i, 'shortTitle'], message: tooLong(title) }] : [],
  );
  return pages.map((rows, page) => {
    const heading = partTitle(title, page + 1, pages.length, w);
    return {
      id: continuedId('overview', page),
      title: heading,
      kind: 'overview',
      weight: 1.5 * (rows.length / Math.max(1, list.length)) * Math.min(pages.length, 2),
      overfull: page === 0 ? overfull : undefined,
      body: html`<h2>${heading}</h2>
<table class="evidence">
<caption class="visually-hidden">${w.text('overview.caption', { title: heading })}</caption>
<thead><tr>${headings.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>
${rows.map((s) => row(s, w, counted.has(s)))}
</tbody>
</table>`,
      notes: markdownBlock(
        [
          page === 0 ? `${studies.intro} ${w.text('overview.notesFirst', { count: list.length })}` : w.text('overview.notesMore', { count: rows.length }),
          ...rows.map((s) => w.text('overview.notesRow', { study: s.shortTitle, design: designLabel(s, w).toLocaleLowerCase(w.lang), size: sizeSaid(s, w), meaning: claimText(s.meaning) })),
          page === 0 ? legend(present, w) : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
      ),
    };
  });
}

/** The directions shown in the last column, in this order, each named: all but a measured improvement. */
const OTHERS = Directions.options.filter((d) => d !== 'improved');

/** The words of a row's cells, for estimating its height; a cell of several directions has one line-start each. */
function cells(s: Study, w: Words, counted: boolean): string[][] {
  const improved = outcomeList(s, 'improved', w, counted);
  const others = OTHERS.flatMap((d) => {
    const list = outcomeList(s, d, w, counted);
    return list ? [`M ${directionWord(d, w)}: ${list}`] : [];
  });
  return [[s.shortTitle], [designLabel(s, w)], [sizeLabel(s, w)], improved ? [`M ${improved}`] : [], others];
}

/** A direction's outcomes as the row shows them: named, or counted when the row would not fit. */
function outcomeList(s: Study, direction: Direction, w: Words, counted: boolean): string | undefined {
  const list = outcomes(s, (d) => d === direction);
  if (!list.length) return undefined;
  return counted ? w.text('overview.outcomeCount', { count: list.length }) : list.join(', ');
}

/** The pixels a row takes: its tallest cell (each piece of a cell starting on a line of its own). */
function rowHeight(cells: readonly (readonly string[])[], bold: boolean): number {
  return Math.max(
    ...cells.map((pieces, i) => {
      const width = (CONTENT_WIDTH * COLUMNS[i]!) / 100 - CELL_PADDING;
      return pieces.reduce((sum, t) => sum + textHeight(t, CELL_PX, width, { bold: bold || i === 0, lineHeight: 1.25 }), 0);
    }),
  ) + ROW_EXTRA;
}

function row(s: Study, w: Words, counted: boolean): Raw {
  // A measured improvement sits under its column's heading; every other finding says in words what it is, so a
  // review's "seems" or the participants' own report never reads as a measured result.
  const list = outcomeList(s, 'improved', w, counted);
  const improved = list ? html`<span class="marked">${directionMark('improved')} ${list}</span>` : undefined;
  const others = OTHERS.flatMap((d) => {
    const named = outcomeList(s, d, w, counted);
    return named ? [html`<span class="marked">${directionMark(d)} <span class="mark-word">${w.text('overview.markWord', { word: directionWord(d, w) })}</span> ${named}</span>`] : [];
  });
  const empty = w.text('deck.empty');
  return html`<tr><th scope="row">${s.shortTitle}</th><td>${designLabel(s, w)}</td><td>${sizeLabel(s, w)}</td>
<td>${improved ?? empty}</td>
<td>${others.length ? others.map((m, i) => html`${i ? html`<br>` : ''}${m}`) : empty}</td></tr>`;
}

/** ", 48 people" as the speaker says it; nothing when the sources give no number. */
function sizeSaid(s: Study, w: Words): string {
  const p = s.participants;
  if (p?.count === undefined) return '';
  const of = p.of ?? w.text('size.people');
  return w.text(p.source === 'paper' ? 'overview.sizeSaidPaper' : 'overview.sizeSaid', { count: p.count, of });
}

/** What the marks mean, for the directions the talk's results have. */
function legend(present: ReadonlySet<Direction>, w: Words): string {
  const keys: Record<Direction, string> = {
    improved: 'overview.legendImproved',
    'seems improved': 'overview.legendSeemsImproved',
    'reported better': 'overview.legendReportedBetter',
    'no change': 'overview.legendNoChange',
    mixed: 'overview.legendMixed',
    worse: 'overview.legendWorse',
    'not compelling': 'overview.legendNotCompelling',
    'not reported': 'overview.legendNotReported',
  };
  const marks = Directions.options.filter((d) => present.has(d)).map((d) => w.text(keys[d]));
  return marks.length ? w.text('overview.legend', { marks: w.list(marks) }) : '';
}

function outcomes(s: Study, keep: (d: Direction) => boolean): string[] {
  return [...new Set(s.results.filter((r) => keep(r.direction)).map((r) => r.outcome))];
}
