// Turns one slide's finished HTML (what src/render/ writes) back into Markdown, so the peers get the same talk in
// the form their users would write it. The HTML is read by parsers, never by patterns: Turndown (on its own DOM,
// domino) writes the Markdown, with rules of ours for what it has no rule for or writes otherwise: definition lists
// (one "- **term:** description" line each), tables (GFM pipes, the first row as the head, no caption), quotes
// with captions ("— caption" under the quote), line breaks (kept as <br>: a Markdown hard break would be a
// trailing space) and links (no title, white space in the address percent-encoded). The inline SVG QR code
// becomes an image with a data: address holding the SVG's source as written, cut out with htmlparser2 first.
// Regular expressions here only ever see text and Markdown.
import TurndownService from 'turndown';
import { elements, inside, outer, parseHtml, splice } from '../../src/html/dom.ts';
import { escapeHtml } from '../../src/html/escape.ts';

type Node = HTMLElement;

/** Text escaped for Markdown: its markup characters, `&` `<` `>` as entities, and a block marker it starts with. */
function escapeText(text: string): string {
  const inline = text.replace(/[\\`*_[\]&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
  // A text that starts a line would start a heading or a list with one of these (">" is an entity already). Each
  // text node is escaped alone, so one in the middle of a line is escaped too: harmless, "\-" shows as "-".
  return inline.replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, (_, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );
}

const trimNewlines = (text: string) => text.replace(/^\n+|\n+$/g, '');
/** An element's child elements named `name` (upper case: the DOM's name for HTML elements). */
const childElements = (node: Node, name: string) => Array.from(node.children).filter((c) => c.nodeName === name) as Node[];
/** Each term's Markdown, for the descriptions after it (Turndown converts in document order). */
const TERMS = new WeakMap<Node, string>();

const service = new TurndownService({ headingStyle: 'atx', emDelimiter: '*', strongDelimiter: '**' });
service.escape = escapeText;
service
  // Trimmed: Turndown puts the white space that starts an inline element before it, even when an image comes first.
  .addRule('paragraph', { filter: 'p', replacement: (content) => `\n\n${content.trim()}\n\n` })
  .addRule('lineBreak', { filter: 'br', replacement: () => '<br>' })
  .addRule('cite', { filter: 'cite', replacement: (content) => (content.trim() ? `*${content}*` : content) })
  .addRule('link', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement: (content, node) => {
      // White space would end the address; brackets in it are left as they are (balanced in a DOI, as Markdown needs).
      const href = node.getAttribute('href')!.replace(/\s/g, (c) => encodeURIComponent(c));
      return `[${content.trim()}](${href})`;
    },
  })
  .addRule('image', {
    filter: 'img',
    replacement: (_, node) => `![${escapeText(node.getAttribute('alt') ?? '')}](${node.getAttribute('src') ?? ''})`,
  })
  .addRule('list', { filter: ['ul', 'ol'], replacement: (content) => `\n\n${content}\n\n` })
  .addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const list = node.parentNode as Node;
      const start = Number(list.getAttribute('start') ?? 1);
      const marker = list.nodeName === 'OL' ? `${start + childElements(list, 'LI').indexOf(node)}.` : '-';
      return `\n${marker} ${content.trim().replace(/\n/g, `\n${' '.repeat(marker.length + 1)}`)}\n`;
    },
  })
  .addRule('blockquote', {
    filter: 'blockquote',
    replacement: (content) => `\n\n${trimNewlines(content).split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n')}\n\n`,
  })
  .addRule('figcaption', { filter: 'figcaption', replacement: (content) => (content.trim() ? `\n\n— ${content.trim()}\n\n` : '') })
  .addRule('term', {
    filter: 'dt',
    replacement: (content, node) => {
      TERMS.set(node, content.trim());
      return '';
    },
  })
  .addRule('definition', {
    filter: 'dd',
    replacement: (content, node) => {
      let dt = node.previousElementSibling;
      while (dt && dt.nodeName !== 'DT') dt = dt.previousElementSibling;
      return `\n- **${(dt && TERMS.get(dt as Node)) ?? ''}:** ${content.trim()}\n`;
    },
  })
  .addRule('definitionList', { filter: 'dl', replacement: (content) => `\n\n${trimNewlines(content)}\n\n` })
  .addRule('tableCell', {
    filter: ['th', 'td'],
    // One line per cell, whatever blocks it holds; a pipe in it would end the cell.
    replacement: (content) => ` ${content.replace(/\n+/g, ' ').trim().replace(/\|/g, '\\|') || ' '} |`,
  })
  .addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      let table = node.parentNode as Node | null;
      while (table && table.nodeName !== 'TABLE') table = table.parentNode as Node | null;
      const head = table?.getElementsByTagName('tr')[0] === node;
      const cells = [...childElements(node, 'TH'), ...childElements(node, 'TD')].length;
      return `\n|${content}\n${head ? `|${' --- |'.repeat(cells)}\n` : ''}`;
    },
  })
  .addRule('table', {
    filter: 'table',
    replacement: (content) => `\n\n${content.split('\n').filter(Boolean).join('\n')}\n\n`,
  })
  .remove(
    (node) => node.nodeName === 'CAPTION' || (['DIV', 'FIGURE', 'ASIDE', 'SECTION'].includes(node.nodeName) && node.classList.contains('visually-hidden')),
  );

/** The HTML with each inline SVG (the QR code, the marks) as an image whose data: address holds the SVG as written. */
function svgsAsImages(html: string): string {
  const svgs = elements(parseHtml(html), 'svg').filter((svg) => !inside(svg, 'svg'));
  return splice(
    html,
    svgs.map((svg) => {
      const [start, end] = outer(svg);
      const src = `data:image/svg+xml;base64,${Buffer.from(html.slice(start, end)).toString('base64')}`;
      return { start, end, text: `<img alt="${escapeHtml(svg.attribs['aria-label'] ?? 'image')}" src="${src}">` };
    }),
  );
}

/** Markdown for a block of HTML (a slide body or its notes). */
export function htmlToMarkdown(html: string): string {
  return service.turndown(svgsAsImages(html));
}
