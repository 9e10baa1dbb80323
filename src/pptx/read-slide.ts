// Reads a slide's finished HTML (src/layout/slide.ts) with an HTML parser into plain blocks that PowerPoint can hold:
// headings, paragraphs, lists, term lists, tables, quotes and pictures. The deck's HTML has a small known vocabulary
// (src/html/allowlist.ts); anything else is read as text, so nothing on a slide is lost.
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { StudyResult } from '../schema/index.ts';
import { Direction as DirectionSchema } from '../schema/studies.ts';
import { directionMark } from '../render/words.ts';
import { unwrap } from '../html/escape.ts';

export type Direction = StudyResult['direction'];

/** A piece of text with one style. `br` ends the line after it. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
  br?: boolean;
  /** Shown smaller, as the deck shows "continued" or "(2 of 3)". */
  small?: boolean;
}

/** A table cell: one or more parts, each perhaps led by a direction mark (an overview cell's directions each on a line). */
export interface Cell {
  header: boolean;
  parts: { runs: Run[]; mark?: Direction }[];
}

export type Block =
  | { type: 'heading'; level: number; runs: Run[] }
  | { type: 'para'; cls: string; runs: Run[] }
  | { type: 'list'; ordered: boolean; start: number; cls: string; items: { runs: Run[]; marks: Direction[] }[] }
  | { type: 'facts'; pairs: { term: string; runs: Run[] }[] }
  | { type: 'table'; cls: string; head: Cell[]; rows: Cell[][] }
  | { type: 'quote'; paragraphs: Run[][]; attribution: Run[] }
  | { type: 'image'; svg: string; alt: string; caption: Run[] };

const DIRECTIONS: readonly Direction[] = DirectionSchema.options;
const MARK_SHAPES = new Map(DIRECTIONS.map((d) => [shapeOf(parseDocument(unwrap(directionMark(d))).children), d] as const));

/** The drawing inside an svg element, as markup, to tell one direction's mark from another. */
function shapeOf(nodes: ChildNode[]): string {
  const svg = DomUtils.findOne((e) => e.name === 'svg', nodes, true);
  return svg ? DomUtils.getInnerHTML(svg).replace(/\s+/g, ' ').trim() : '';
}

function isElement(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function classes(e: Element): string[] {
  return (e.attribs.class ?? '').split(/\s+/).filter(Boolean);
}

/** The direction a mark drawing stands for, if it is one. */
export function markDirection(e: Element): Direction | undefined {
  if (e.name !== 'svg' || !classes(e).includes('mark')) return undefined;
  return MARK_SHAPES.get(shapeOf([e]));
}

interface Style {
  bold?: boolean;
  italic?: boolean;
  href?: string;
  small?: boolean;
}

/** The inline content of an element as runs, with the direction marks found in it. */
export function inlineRuns(nodes: ChildNode[], style: Style = {}, marks: Direction[] = []): Run[] {
  const runs: Run[] = [];
  const walk = (list: ChildNode[], s: Style) => {
    for (const n of list) {
      if (n.type === 'text') {
        const text = n.data.replace(/\s+/g, ' ');
        if (text) runs.push({ text, ...s });
      } else if (isElement(n)) {
        if (classes(n).includes('visually-hidden')) continue;
        const dir = markDirection(n);
        if (dir) {
          marks.push(dir);
          continue;
        }
        if (n.name === 'svg') continue;
        if (n.name === 'br') {
          if (runs.length) runs[runs.length - 1]!.br = true;
          continue;
        }
        const next: Style = { ...s };
        if (n.name === 'strong' || n.name === 'b' || n.name === 'th') next.bold = true;
        if (n.name === 'em' || n.name === 'i' || n.name === 'cite') next.italic = true;
        if (n.name === 'a' && n.attribs.href) next.href = n.attribs.href;
        const cls = classes(n);
        if (cls.includes('continued') || cls.includes('part')) next.small = true;
        if (cls.includes('continued')) runs.push({ text: ' ', ...s });
        walk(n.children, next);
      }
    }
  };
  walk(nodes, style);
  return tidy(runs);
}

/** Joins the runs' spaces as a browser would: none at the ends, never two in a row. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  let prevSpace = true;
  for (const r of runs) {
    let text = r.text;
    if (prevSpace) text = text.replace(/^ +/, '');
    if (!text && !r.br) continue;
    if (!text && r.br && out.length) {
      out[out.length - 1]!.br = true;
      prevSpace = true;
      continue;
    }
    out.push({ ...r, text });
    prevSpace = r.br === true || /\s$/.test(text);
  }
  // No trailing space before a line break or at the end.
  for (let i = 0; i < out.length; i++) {
    const r = out[i]!;
    if (r.br || i === out.length - 1) r.text = r.text.replace(/ +$/, '');
  }
  return out.filter((r) => r.text || r.br);
}

export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text + (r.br ? '\n' : '')).join('');
}

/** The slide's body as blocks, in order. */
export function readSlide(body: string): Block[] {
  const blocks: Block[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        const text = n.data.trim();
        if (text) blocks.push({ type: 'para', cls: '', runs: [{ text }] });
        continue;
      }
      if (!isElement(n)) continue;
      const cls = classes(n);
      if (cls.includes('visually-hidden')) continue;
      switch (n.name) {
        case 'h1':
        case 'h2':
        case 'h3':
          blocks.push({ type: 'heading', level: Number(n.name[1]), runs: inlineRuns(n.children) });
          break;
        case 'p':
          blocks.push({ type: 'para', cls: cls.join(' '), runs: inlineRuns(n.children) });
          break;
        case 'ul':
        case 'ol':
          if (cls.includes('results')) {
            blocks.push(resultsTable(n));
            break;
          }
          blocks.push({
            type: 'list',
            ordered: n.name === 'ol',
            start: Number(n.attribs.start ?? 1) || 1,
            cls: cls.join(' '),
            items: n.children.filter(isElement).map((li) => {
              const marks: Direction[] = [];
              return { runs: inlineRuns(li.children, {}, marks), marks };
            }),
          });
          break;
        case 'dl': {
          const pairs: { term: string; runs: Run[] }[] = [];
          let term = '';
          for (const c of n.children.filter(isElement)) {
            if (c.name === 'dt') term = DomUtils.textContent(c).trim();
            else if (c.name === 'dd') pairs.push({ term, runs: inlineRuns(c.children) });
          }
          blocks.push({ type: 'facts', pairs });
          break;
        }
        case 'table':
          blocks.push(readTable(n));
          break;
        case 'figure':
          if (cls.includes('qr') || DomUtils.findOne((e) => e.name === 'svg' && e.attribs.role === 'img', n.children, true)) {
            const svg = DomUtils.findOne((e) => e.name === 'svg', n.children, true)!;
            const caption = DomUtils.findOne((e) => e.name === 'figcaption', n.children, true);
            blocks.push({
              type: 'image',
              svg: DomUtils.getOuterHTML(svg),
              alt: svg.attribs['aria-label'] ?? (caption ? DomUtils.textContent(caption).trim() : ''),
              caption: caption ? inlineRuns(caption.children) : [],
            });
          } else {
            const quote = DomUtils.findOne((e) => e.name === 'blockquote', n.children, true);
            const caption = DomUtils.findOne((e) => e.name === 'figcaption', n.children, true);
            blocks.push({
              type: 'quote',
              paragraphs: quote ? quoteParagraphs(quote) : [],
              attribution: caption ? inlineRuns(caption.children) : [],
            });
          }
          break;
        case 'blockquote':
          blocks.push({ type: 'quote', paragraphs: quoteParagraphs(n), attribution: [] });
          break;
        case 'svg':
          if (n.attribs.role === 'img') blocks.push({ type: 'image', svg: DomUtils.getOuterHTML(n), alt: n.attribs['aria-label'] ?? '', caption: [] });
          break;
        default:
          // div, section, header and the like: what they hold.
          visit(n.children);
      }
    }
  };
  visit(parseDocument(body).children);
  return blocks;
}

/** A study's results as a table of two columns: the direction (its mark and words), then the outcome and figures. */
function resultsTable(list: Element): Block {
  const rows = list.children.filter(isElement).map((li): Cell[] => {
    const dir = li.children.filter(isElement).find((c) => classes(c).includes('direction'));
    const marks: Direction[] = [];
    const label = dir ? inlineRuns(dir.children, { bold: true }, marks) : [];
    const rest = inlineRuns(li.children.filter((c) => c !== dir), {}, marks);
    return [
      { header: false, parts: [{ runs: label, mark: marks[0] }] },
      { header: false, parts: [{ runs: rest }] },
    ];
  });
  return { type: 'table', cls: 'results', head: [], rows };
}

function quoteParagraphs(quote: Element): Run[][] {
  const ps = quote.children.filter(isElement).filter((c) => c.name === 'p');
  return ps.length ? ps.map((p) => inlineRuns(p.children)) : [inlineRuns(quote.children)];
}

function readTable(table: Element): Block {
  const rows = DomUtils.findAll((e) => e.name === 'tr', table.children);
  const cells = (tr: Element): Cell[] =>
    tr.children.filter(isElement).filter((c) => c.name === 'th' || c.name === 'td').map((c) => {
      const style = c.name === 'th' ? { bold: true } : {};
      // Split at the cell's own line breaks: each part keeps its own mark.
      const groups: ChildNode[][] = [[]];
      for (const n of c.children) {
        if (isElement(n) && n.name === 'br') groups.push([]);
        else groups[groups.length - 1]!.push(n);
      }
      const parts = groups
        .map((g) => {
          const marks: Direction[] = [];
          return { runs: inlineRuns(g, style, marks), mark: marks[0] };
        })
        .filter((p) => p.runs.length || p.mark);
      return { header: c.name === 'th', parts: parts.length ? parts : [{ runs: [] }] };
    });
  const headRow = rows.find((r) => r.parent && isElement(r.parent) && r.parent.name === 'thead');
  return {
    type: 'table',
    cls: classes(table).join(' '),
    head: headRow ? cells(headRow) : [],
    rows: rows.filter((r) => r !== headRow).map(cells),
  };
}
