// The talk as an editable PowerPoint file, made from the same slide descriptions as the deck (never from pictures of
// it): one 16:9 slide per deck slide, its heading in the layout's title placeholder, lists as lists, the overview and
// results as tables, quotes with their attribution, the direction marks and the QR code as pictures with alternative
// text, working links, the slide number in the footer, and the speaker notes in the notes pane.
// Sizes are the deck's (src/styles/deck.css) at 96 px to the inch on a 13.33 × 7.5 in slide, so the deck's own split
// of long lists holds; text that would still not fit is made smaller, never below 24 px (18 pt).
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import type { TalkModel } from '../data/load-data.ts';
import { escapeHtml, unwrap } from '../html/escape.ts';
import { closeTag, elements, isTag, outer, parseXml, removeAttribute, setAttribute, splice, textOf, type Document, type Edit, type Element } from '../html/dom.ts';
import { lines } from '../layout/fit.ts';
import { textWidth, widestUnbreakable } from '../layout/split-text.ts';
import type { Slide } from '../layout/slide.ts';
import { notesText } from './notes-text.ts';
import { readSlide, runsText, type Block, type Direction, type Run } from './read-slide.ts';
import { markPng, svgToPng } from './svg-png.ts';

type PptxSlide = ReturnType<PptxGenJS['addSlide']>;
type TextProps = PptxGenJS.TextProps;

/** Slide size in the deck's pixels; a pixel is 1/96 in, so 1280 × 720 is 13.33 × 7.5 in. */
export const SLIDE_W = 1280;
export const SLIDE_H = 720;
const MARGIN = 64;
const CONTENT_W = SLIDE_W - 2 * MARGIN;
/** Nothing is written smaller than this (in px; 18 pt). */
export const MIN_FONT_PX = 24;
/** The body stops here: the slide number sits below, at the bottom right. */
const BODY_BOTTOM = SLIDE_H - 58;
const GAP = 18;
/** Line height used to estimate, a little above what PowerPoint and LibreOffice draw at the spacing we set. */
const LINE = 1.22;
const SPACING = 1.0;
/** Widths are estimated in Atkinson Hyperlegible; a fallback typeface may be wider. */
const WIDTH_SLACK = 0.9;

export const COLORS = { text: '111111', bg: 'FFFDF7', link: '0A3A6E', accent: '1F5FA8', mutedBg: 'EEF2F7' };
/** Named on every run and in the theme; each run also says it is a sans-serif (pitch family 34), so a computer without
 * it picks a sans-serif such as Verdana, the deck's own fallback. Widths are estimated pessimistically for that. */
export const FONT = 'Atkinson Hyperlegible';

const inch = (px: number) => px / 96;
const pt = (px: number) => Math.round(px * 0.75 * 2) / 2;

export interface PptxResult {
  buffer: Buffer;
  slides: number;
}

export async function makePptx({ model, slides }: { model: TalkModel; slides: readonly Slide[] }): Promise<PptxResult> {
  const { talk, words: w } = model;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = talk.title;
  pptx.subject = talk.description;
  pptx.author = talk.speaker.name ?? '';
  pptx.company = '';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const lang = talk.lang;
  const layoutName = w.text('pptx.layout');

  pptx.defineSlideMaster({
    title: layoutName,
    background: { color: COLORS.bg },
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: inch(MARGIN),
            y: inch(24),
            w: inch(CONTENT_W),
            h: inch(76),
            fontFace: FONT,
            fontSize: pt(56),
            bold: true,
            color: COLORS.text,
            valign: 'top',
            align: 'left',
            margin: 0,
          },
          text: '',
        },
      },
    ],
    slideNumber: {
      x: inch(SLIDE_W - MARGIN - 160),
      y: inch(SLIDE_H - 50),
      w: inch(160),
      h: inch(40),
      fontFace: FONT,
      fontSize: pt(26),
      color: COLORS.text,
      align: 'right',
    },
  });

  const link = (href: string) => {
    try {
      return new URL(href, talk.shareUrl).href;
    } catch {
      return href;
    }
  };
  const ctx: Ctx = { lang, link, markAlt: (d) => w.text('pptx.markAlt', { direction: directionWords(d, w) }) };

  const titleBoxes: Box[] = [];
  for (const slide of slides) {
    const s = pptx.addSlide({ masterName: layoutName });
    titleBoxes.push(layOut(s, slide, readSlide(unwrap(slide.body)), ctx));
    const notes = notesText(unwrap(slide.notes));
    if (notes) s.addNotes(notes);
  }

  const written = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer;
  return { buffer: await finish(written, { lang, author: talk.speaker.name ?? '', titleBoxes, blankLayout: w.text('pptx.blankLayout') }), slides: slides.length };
}

function directionWords(d: Direction, w: TalkModel['words']): string {
  return w.text({ improved: 'result.improved', 'no change': 'result.noChange', mixed: 'result.mixed', worse: 'result.worse' }[d]);
}

interface Ctx {
  lang: string;
  link: (href: string) => string;
  markAlt: (d: Direction) => string;
}

/** A paragraph to write: runs at one size, perhaps a bullet. */
interface Para {
  runs: Run[];
  px: number;
  bullet?: { number?: number };
  spaceAfter: number;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'right';
  /** Left indent in px (a quote's text sits right of its bar). */
  indent?: number;
}

type Segment =
  | { kind: 'text'; paras: Para[]; bar?: boolean }
  | { kind: 'table'; block: Extract<Block, { type: 'table' }> }
  | { kind: 'image'; block: Extract<Block, { type: 'image' }> };

function baseSize(kind: string): number {
  if (kind === 'thanks') return 40;
  if (kind === 'points') return 34;
  if (kind === 'references') return 26;
  return 36;
}

function paraSize(cls: string, kind: string): number {
  const c = cls.split(' ');
  if (c.includes('subtitle')) return 40;
  if (c.includes('event')) return 32;
  if (c.includes('text-link')) return 28;
  if (c.includes('eyebrow')) return 28;
  if (c.includes('citation')) return 25;
  if (c.includes('meaning') || c.includes('caveat') || c.includes('lead')) return 30;
  if (c.includes('thanks')) return 40;
  return baseSize(kind);
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Lays out one slide; returns where its title goes (in px), which pptxgenjs would otherwise take from the layout. */
function layOut(s: PptxSlide, slide: Slide, blocks: Block[], ctx: Ctx): Box {
  let top = 24;
  // The eyebrow ("Study 1 of 6 · design") above the heading, as in the deck.
  const eyebrowAt = blocks.findIndex((b) => b.type === 'para' && b.cls.split(' ').includes('eyebrow'));
  const headingAt = blocks.findIndex((b) => b.type === 'heading');
  if (eyebrowAt >= 0 && (headingAt < 0 || eyebrowAt < headingAt)) {
    const eb = blocks.splice(eyebrowAt, 1)[0] as Extract<Block, { type: 'para' }>;
    const h = estimate([{ runs: eb.runs, px: 28, spaceAfter: 0 }], CONTENT_W);
    s.addText(textProps([{ runs: eb.runs, px: 28, spaceAfter: 0, color: COLORS.link, bold: true }], ctx), {
      ...box(MARGIN, top, CONTENT_W, h),
      margin: 0,
      valign: 'top',
      fontFace: FONT,
    });
    top += h + 4;
  }

  // The title placeholder: the slide's heading, so outline view and screen readers find it.
  const heading = blocks.find((b) => b.type === 'heading') as Extract<Block, { type: 'heading' }> | undefined;
  if (heading) blocks.splice(blocks.indexOf(heading), 1);
  const headPx = heading?.level === 1 ? 64 : slide.kind === 'study-results' ? 48 : slide.kind === 'quote' || slide.kind === 'clinic' ? 44 : 56;
  const titleRuns: Run[] = heading?.runs.length ? heading.runs : [{ text: slide.title }];
  const titleH = estimate([{ runs: titleRuns, px: headPx, spaceAfter: 0, bold: true }], CONTENT_W) + 4;
  s.addText(
    titleRuns.map((r) => ({
      text: r.text,
      options: { fontSize: pt(r.small ? 28 : headPx), bold: !r.small, italic: r.small, color: r.small ? COLORS.link : COLORS.text, lang: ctx.lang },
    })),
    { placeholder: 'title', ...box(MARGIN, top, CONTENT_W, titleH), margin: 0, valign: 'top', align: 'left', fontFace: FONT },
  );
  const titleBox = { x: MARGIN, y: top, w: CONTENT_W, h: titleH };
  top += titleH + 6;
  if (heading?.level !== 1) {
    s.addShape('rect', { ...box(MARGIN, top, CONTENT_W, 6), fill: { color: COLORS.accent }, line: { color: COLORS.accent, width: 0 } });
    top += 6;
  }
  top += GAP + 6;

  // The rest, in order: text blocks run together into one text box; tables and pictures stand apart.
  const segments = toSegments(blocks, slide.kind);
  const image = segments.find((g) => g.kind === 'image') as Extract<Segment, { kind: 'image' }> | undefined;
  const imageW = image ? 300 : 0;
  const width = image ? CONTENT_W - imageW - 48 : CONTENT_W;
  const flow = segments.filter((g) => g !== image);

  const room = BODY_BOTTOM - top;
  let scale = 1;
  const heightAt = (k: number) => flow.reduce((h, g, i) => h + segmentHeight(g, width, k) + (i ? GAP : 0), 0);
  while (heightAt(scale) > room && flow.some((g) => smallestFont(g, scale) > MIN_FONT_PX)) scale -= 0.02;

  let y = top;
  for (const g of flow) {
    const h = segmentHeight(g, width, scale);
    if (g.kind === 'text') addTextSegment(s, g, MARGIN, y, width, h, scale, ctx);
    else if (g.kind === 'table') addTable(s, g.block, MARGIN, y, width, scale, ctx);
    y += h + GAP;
  }
  if (image) {
    const x = SLIDE_W - MARGIN - imageW;
    s.addImage({ data: svgToPng(image.block.svg, 600), ...box(x, top, imageW, imageW), altText: image.block.alt });
    if (image.block.caption.length) {
      const paras: Para[] = [{ runs: image.block.caption, px: 25, spaceAfter: 0, align: 'left' }];
      s.addText(textProps(paras, ctx), { ...box(x, top + imageW + 8, imageW, estimate(paras, imageW)), margin: 0, valign: 'top', fontFace: FONT });
    }
  }
  return titleBox;
}

function toSegments(blocks: Block[], kind: string): Segment[] {
  const out: Segment[] = [];
  const text = (): Para[] => {
    const last = out[out.length - 1];
    if (last?.kind === 'text' && !last.bar) return last.paras;
    const seg: Segment = { kind: 'text', paras: [] };
    out.push(seg);
    return seg.paras;
  };
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        text().push({ runs: b.runs, px: 40, spaceAfter: 10, bold: true });
        break;
      case 'para': {
        const px = paraSize(b.cls, kind);
        text().push({ runs: b.runs, px, spaceAfter: px * 0.45, bold: b.cls.includes('lead') });
        break;
      }
      case 'list': {
        const px = b.cls.includes('references') ? 26 : baseSize(kind);
        const paras = text();
        b.items.forEach((item, i) =>
          paras.push({ runs: item.runs, px, spaceAfter: px * 0.4, bullet: b.ordered ? { number: b.start + i } : {} }),
        );
        break;
      }
      case 'facts': {
        const paras = text();
        for (const p of b.pairs) paras.push({ runs: [{ text: `${p.term} `, bold: true }, ...p.runs], px: 32, spaceAfter: 12 });
        break;
      }
      case 'quote': {
        const paras: Para[] = b.paragraphs.map((runs) => ({ runs, px: 38, spaceAfter: 14, indent: 36 }));
        if (b.attribution.length) paras.push({ runs: [{ text: '— ' }, ...b.attribution], px: 32, spaceAfter: 0, bold: true, indent: 36 });
        out.push({ kind: 'text', paras, bar: true });
        break;
      }
      case 'table':
        out.push({ kind: 'table', block: b });
        break;
      case 'image':
        out.push({ kind: 'image', block: b });
        break;
    }
  }
  return out.filter((g) => g.kind !== 'text' || g.paras.length);
}

const scaled = (px: number, scale: number) => Math.max(MIN_FONT_PX, Math.min(px, px * scale));

function smallestFont(g: Segment, scale: number): number {
  if (g.kind === 'text') return Math.min(...g.paras.map((p) => scaled(p.px, scale)));
  if (g.kind === 'table') return scaled(tableFont(g.block), scale);
  return Infinity;
}

/** Estimated height in px of paragraphs in a column. */
function estimate(paras: Para[], width: number, scale = 1): number {
  return paras.reduce((h, p, i) => {
    const px = scaled(p.px, scale);
    const inner = width - (p.indent ?? 0) - (p.bullet ? px * 1.2 : 0);
    const text = runsText(p.runs);
    const n = text.split('\n').reduce((k, line) => k + lines(line || ' ', px, inner * WIDTH_SLACK, p.bold || p.runs.every((r) => r.bold)), 0);
    return h + n * px * LINE + (i < paras.length - 1 ? p.spaceAfter * Math.min(1, scale) : 0);
  }, 0);
}

function segmentHeight(g: Segment, width: number, scale: number): number {
  if (g.kind === 'text') return estimate(g.paras, width, scale);
  if (g.kind === 'table') return tableLayout(g.block, width, scale).rowH.reduce((a, b) => a + b, 0);
  return 0;
}

function textProps(paras: Para[], ctx: Ctx, scale = 1): TextProps[] {
  const out: TextProps[] = [];
  paras.forEach((p, pi) => {
    const px = scaled(p.px, scale);
    const runs = p.runs.length ? p.runs : [{ text: ' ' }];
    runs.forEach((r, ri) => {
      const options: TextProps['options'] = {
        fontSize: pt(r.small ? Math.max(MIN_FONT_PX, px * 0.8) : px),
        bold: p.bold || r.bold || false,
        italic: p.italic || r.italic || false,
        color: r.href ? COLORS.link : (p.color ?? COLORS.text),
        lang: ctx.lang,
      };
      if (r.href) options.hyperlink = { url: ctx.link(r.href) };
      if (ri === 0) {
        if (p.bullet) {
          options.bullet = p.bullet.number !== undefined ? { type: 'number', numberType: 'arabicPeriod', startAt: p.bullet.number, indent: pt(px * 1.2) } : { indent: pt(px * 1.2) };
        }
        options.paraSpaceAfter = pi < paras.length - 1 ? pt(p.spaceAfter * Math.min(1, scale)) : 0;
        options.lineSpacingMultiple = SPACING;
        if (p.align) options.align = p.align;
      }
      if (ri > 0 && runs[ri - 1]!.br) options.softBreakBefore = true;
      if (ri === runs.length - 1 && pi < paras.length - 1) options.breakLine = true;
      out.push({ text: r.text, options });
    });
  });
  return out;
}

function addTextSegment(s: PptxSlide, g: Extract<Segment, { kind: 'text' }>, x: number, y: number, w: number, h: number, scale: number, ctx: Ctx) {
  if (g.bar) {
    s.addShape('rect', { ...box(x, y, 8, h), fill: { color: COLORS.accent }, line: { color: COLORS.accent, width: 0 } });
    const indent = g.paras[0]?.indent ?? 0;
    s.addText(textProps(g.paras, ctx, scale), { ...box(x + indent, y, w - indent, h + 4), margin: 0, valign: 'top', fontFace: FONT });
    return;
  }
  s.addText(textProps(g.paras, ctx, scale), { ...box(x, y, w, h + 4), margin: 0, valign: 'top', fontFace: FONT });
}

function tableFont(t: Extract<Block, { type: 'table' }>): number {
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

function tableLayout(t: Extract<Block, { type: 'table' }>, width: number, scale: number) {
  const g = grid(t);
  const cols = Math.max(...g.cells.map((c) => c.col + 1));
  const px = scaled(tableFont(t), scale);
  const markRoom = px * 1.05;
  const bold = (c: GridCell) => c.header || (c.runs.length > 0 && c.runs.every((r) => r.bold));
  // Column widths: the deck's shares, each widened to hold its longest word whole ("Participantes", not "Particip-antes").
  const shares = t.cls.includes('results') ? [0.26, 0.74] : cols === 5 ? [0.24, 0.17, 0.13, 0.23, 0.23] : Array(cols).fill(1 / cols);
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

function addTable(s: PptxSlide, t: Extract<Block, { type: 'table' }>, x: number, y: number, width: number, scale: number, ctx: Ctx) {
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

function box(x: number, y: number, w: number, h: number) {
  return { x: inch(x), y: inch(y), w: inch(w), h: inch(h) };
}

/** What pptxgenjs leaves out or writes in English: the document's language, and the talk's language on every run. */
async function finish(
  buffer: Buffer,
  { lang, author, titleBoxes, blankLayout }: { lang: string; author: string; titleBoxes: Box[]; blankLayout: string },
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  // Each part is read with the XML parser and changed at the places it found, so the rest stays as pptxgenjs wrote it.
  const edit = async (name: string, change: (doc: Document, xml: string) => Edit[], required = false) => {
    const file = zip.file(name);
    if (!file) {
      if (required) throw new Error(`${name} was not written`);
      return;
    }
    const xml = await file.async('string');
    zip.file(name, splice(xml, change(parseXml(xml), xml)));
  };
  const replaceWith = (el: Element, text: string): Edit => {
    const [start, end] = outer(el);
    return { start, end, text };
  };
  await edit('docProps/core.xml', (doc) => {
    const root = elements(doc, 'cp:coreProperties')[0];
    if (!root) throw new Error('docProps/core.xml has no cp:coreProperties');
    const end = closeTag(root)[0];
    return [
      ...elements(doc, 'cp:lastModifiedBy').map((el) => replaceWith(el, `<cp:lastModifiedBy>${escapeHtml(author)}</cp:lastModifiedBy>`)),
      { start: end, end, text: `<dc:language>${escapeHtml(lang)}</dc:language>` },
    ];
  });
  // pptxgenjs puts a title where the layout has it; each slide's goes where its heading fits (below an eyebrow, two lines).
  const emu = (px: number) => Math.round((px / 96) * 914400);
  for (const [i, b] of titleBoxes.entries()) {
    await edit(
      `ppt/slides/slide${i + 1}.xml`,
      (doc) => {
        const placeholder = elements(doc, (el) => el.name === 'p:ph' && el.attribs.type === 'title')[0];
        let shape = placeholder?.parent;
        while (shape && !(isTag(shape) && shape.name === 'p:sp')) shape = shape.parent;
        const xfrm = shape ? elements(shape, 'a:xfrm')[0] : undefined;
        if (!xfrm) throw new Error(`slide ${i + 1}: no title placeholder written`);
        return [replaceWith(xfrm, `<a:xfrm><a:off x="${emu(b.x)}" y="${emu(b.y)}"/><a:ext cx="${emu(b.w)}" cy="${emu(b.h)}"/></a:xfrm>`)];
      },
      true,
    );
  }
  // pptxgenjs's own words: its spare layout's name, and the notes master's English sample text and date.
  await edit('ppt/slideLayouts/slideLayout1.xml', (doc) =>
    elements(doc, (el) => el.name === 'p:cSld' && el.attribs.name === 'DEFAULT').map((el) => setAttribute(el, 'name', blankLayout)),
  );
  const samples = new Set(['Click to edit Master text styles', 'Second level', 'Third level', 'Fourth level', 'Fifth level', '7/23/19']);
  await edit('ppt/notesMasters/notesMaster1.xml', (doc) => elements(doc, (el) => el.name === 'a:t' && samples.has(textOf(el))).map((el) => replaceWith(el, '<a:t></a:t>')));
  // The master's slide number shows the number field's usual stand-in, not "null".
  await edit('ppt/slideMasters/slideMaster1.xml', (doc) => elements(doc, (el) => el.name === 'a:t' && textOf(el) === 'null').map((el) => replaceWith(el, '<a:t>‹#›</a:t>')));
  for (const name of Object.keys(zip.files)) {
    if (/^ppt\/(slides|notesSlides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name) || name === 'ppt/notesMasters/notesMaster1.xml') {
      await edit(name, (doc, xml) =>
        elements(doc, () => true).flatMap((el) => [
          ...(el.attribs.lang === 'en-US' ? [setAttribute(el, 'lang', lang)] : []),
          ...(el.attribs.altLang === 'en-US' ? removeAttribute(el, 'altLang', xml) : []),
        ]),
      );
      await edit(name, onePPrPerParagraph);
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * pptxgenjs writes paragraph properties before every run of a paragraph, the later ones without the first one's bullet
 * (`<a:buNone/>`), which is not valid DrawingML and makes LibreOffice drop the bullet or number of a list item that
 * holds bold or linked words. A paragraph keeps its first properties only.
 */
function onePPrPerParagraph(doc: Document): Edit[] {
  return elements(doc, 'a:p').flatMap((p) =>
    p.children
      .filter((c): c is Element => isTag(c) && c.name === 'a:pPr')
      .slice(1)
      .map((pPr) => {
        const [start, end] = outer(pPr);
        return { start, end, text: '' };
      }),
  );
}
