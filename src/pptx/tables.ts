// The overview and results tables as PowerPoint tables: the deck's cells on a grid of rows, column widths and row
// heights estimated to hold the words, and each direction's mark as a picture in its cell.
import type PptxGenJS from 'pptxgenjs';
import { lines } from '../layout/fit.ts';
import { textWidth, widestUnbreakable } from '../layout/split-text.ts';
import { COLORS, FONT, LINE, SPACING, WIDTH_SLACK, box, inch, pt, scaled } from './look.ts';
import { runsText, type Block, type Direction, type Run } from './read-slide.ts';
import { markPng } from './svg-png.ts';
import { COLUMNS as OVERVIEW_COLUMNS } from '../render/render-overview.ts';
import type { Ctx, PptxSlide, TextProps } from './text.ts';

export function tableFont(t: Extract<Block, { type: 'table' }>): number {
  return t.cls.includes('results') ? 30 : 26;
}

const CELL_PAD_X = 10;
const CELL_PAD_Y = 6;

/** One cell of the table as written: a part of a deck cell, starting at a row and spanning rows below it. */
interface GridCell {
  runs: Run[];
  header: boolean;
  mark?: Direction;
  row: number;
  col: number;
  rowspan: number;
}

/**
 * The table as rows PowerPoint can hold, with each part of a cell that has several directions (an overview cell, one
 * direction a line) in a row of its own, the other cells of that deck row spanning them. Each mark then sits at the
 * top of its own cell, where it stays whatever the typeface.
 */
function grid(t: Extract<Block, { type: 'table' }>): { cells: GridCell[]; rows: number; headerRows: number } {
  const cells: GridCell[] = [];
  let row = 0;
  const deckRows = t.head.length ? [t.head, ...t.rows] : t.rows;
  for (const cellsOfRow of deckRows) {
    const k = Math.max(1, ...cellsOfRow.map((c) => c.parts.length));
    cellsOfRow.forEach((c, col) => {
      c.parts.forEach((part, i) => {
        const last = i === c.parts.length - 1;
        cells.push({ runs: part.runs, header: c.header, mark: part.mark, row: row + i, col, rowspan: last ? k - i : 1 });
      });
    });
    row += k;
  }
  return { cells, rows: row, headerRows: t.head.length ? 1 : 0 };
}

export function tableLayout(t: Extract<Block, { type: 'table' }>, width: number, scale: number) {
  const g = grid(t);
  const cols = Math.max(...g.cells.map((c) => c.col + 1));
  const px = scaled(tableFont(t), scale);
  const markRoom = px * 1.05;
  const bold = (c: GridCell) => c.header || (c.runs.length > 0 && c.runs.every((r) => r.bold));
  // Column widths: the deck's shares, each widened to hold its longest word whole ("Participantes", not "Particip-antes").
  const shares = t.cls.includes('results') ? [0.26, 0.74] : cols === OVERVIEW_COLUMNS.length ? OVERVIEW_COLUMNS.map((c) => c / 100) : Array(cols).fill(1 / cols);
  const least = shares.map((_, col) =>
    Math.max(
      0,
      ...g.cells
        .filter((c) => c.col === col)
        .map((c) => {
          const word = widestUnbreakable(runsText(c.runs)) ?? '';
          return (textWidth(word) * px * (bold(c) ? 1.12 : 1)) / WIDTH_SLACK + 2 * CELL_PAD_X + (c.mark ? markRoom : 0) + 4;
        }),
    ),
  );
  let colW = shares.map((f) => f * width);
  for (let pass = 0; pass < 4; pass++) {
    const short = colW.reduce((sum, w, i) => sum + Math.max(0, least[i]! - w), 0);
    if (short <= 0.5) break;
    const spare = colW.map((w, i) => Math.max(0, w - least[i]!));
    const spareSum = spare.reduce((a, b) => a + b, 0);
    if (spareSum <= 0) break;
    colW = colW.map((w, i) => (w < least[i]! ? least[i]! : w - (spare[i]! / spareSum) * Math.min(short, spareSum)));
  }
  const cellHeight = (c: GridCell) => {
    const inner = colW[c.col]! - 2 * CELL_PAD_X - (c.mark ? markRoom : 0);
    const n = runsText(c.runs).split('\n').reduce((k, l) => k + lines(l || ' ', px, inner * WIDTH_SLACK, bold(c)), 0);
    return n * px * LINE + 2 * CELL_PAD_Y;
  };
  const rowH: number[] = Array(g.rows).fill(0);
  for (const c of g.cells) if (c.rowspan === 1) rowH[c.row] = Math.max(rowH[c.row]!, cellHeight(c));
  for (const c of g.cells.filter((x) => x.rowspan > 1)) {
    const covered = rowH.slice(c.row, c.row + c.rowspan).reduce((a, b) => a + b, 0);
    const need = cellHeight(c);
    if (need > covered) rowH[c.row + c.rowspan - 1]! += need - covered;
  }
  return { colW, px, markRoom, grid: g, rowH: rowH.map((h) => Math.max(h, px * LINE + 2 * CELL_PAD_Y)) };
}

export function addTable(s: PptxSlide, t: Extract<Block, { type: 'table' }>, x: number, y: number, width: number, scale: number, ctx: Ctx) {
  const { colW, px, markRoom, grid: g, rowH } = tableLayout(t, width, scale);
  const border = { type: 'solid' as const, pt: 1, color: COLORS.accent };
  const data = Array.from({ length: g.rows }, (_, row) =>
    g.cells
      .filter((c) => c.row === row)
      .sort((a, b) => a.col - b.col)
      .map((c) => ({
        text: c.runs.length
          ? c.runs.map((r, i) => {
              const options: TextProps['options'] = { bold: c.header || r.bold, italic: r.italic, color: r.href ? COLORS.link : COLORS.text, lang: ctx.lang };
              if (r.href) options.hyperlink = { url: ctx.link(r.href) };
              if (i > 0 && c.runs[i - 1]!.br) options.softBreakBefore = true;
              return { text: r.text, options };
            })
          : '',
        options: {
          margin: [pt(CELL_PAD_Y), pt(CELL_PAD_X), pt(CELL_PAD_Y), pt(CELL_PAD_X + (c.mark ? markRoom : 0))] as [number, number, number, number],
          fill: { color: row < g.headerRows ? COLORS.mutedBg : COLORS.bg },
          valign: 'top' as const,
          ...(c.rowspan > 1 ? { rowspan: c.rowspan } : {}),
        },
      })),
  );
  s.addTable(data, {
    ...box(x, y, width, rowH.reduce((a, b) => a + b, 0)),
    colW: colW.map(inch),
    rowH: rowH.map(inch),
    fontFace: FONT,
    fontSize: pt(px),
    color: COLORS.text,
    border: [border, border, border, border],
    lineSpacingMultiple: SPACING,
  } as PptxGenJS.TableProps);
  // Each direction's mark as a picture at the start of its cell, with its words as alternative text.
  const rowTop = (row: number) => y + rowH.slice(0, row).reduce((a, b) => a + b, 0);
  const colLeft = (col: number) => x + colW.slice(0, col).reduce((a, b) => a + b, 0);
  for (const c of g.cells) {
    if (!c.mark) continue;
    const size = px * 0.75;
    s.addImage({ data: markPng(c.mark), ...box(colLeft(c.col) + CELL_PAD_X, rowTop(c.row) + CELL_PAD_Y + px * 0.35, size, size), altText: ctx.markAlt(c.mark) });
  }
}
