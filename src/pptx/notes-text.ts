// Speaker notes as plain text for PowerPoint's notes pane: paragraphs on lines of their own, list items as "• " lines,
// quotes whole, links with their address when the words do not already show it.
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

const BLOCKS = new Set(['p', 'li', 'blockquote', 'ul', 'ol', 'div', 'h1', 'h2', 'h3', 'dt', 'dd', 'figure', 'figcaption', 'tr']);

export function notesText(notesHtml: string): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') line += n.data;
      else if (n.type === 'tag') {
        const e = n as Element;
        if (e.name === 'br') {
          flush();
          continue;
        }
        if (BLOCKS.has(e.name)) flush();
        if (e.name === 'li') line += '• ';
        walk(e.children);
        if (e.name === 'a' && e.attribs.href && !DomUtils.textContent(e).includes(e.attribs.href.replace(/\/$/, ''))) line += ` (${e.attribs.href})`;
        if (BLOCKS.has(e.name)) flush();
      }
    }
  };
  walk(parseDocument(notesHtml).children);
  flush();
  return lines.join('\n');
}
