// Turns one slide's finished HTML (what src/render/ writes) back into Markdown, so the peers get the same talk in
// the form their users would write it. Covers the elements our renderers use: headings, paragraphs, lists,
// definition lists, tables, quotes with captions, links, emphasis, line breaks and the inline SVG QR code (as an
// image with a data: address). Entities are kept as they are: Markdown passes them through.

interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  /** The element's source, for the SVG kept whole. */
  source: string;
}
type Node = Element | string;

const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'source', 'wbr']);

/** A small parser for the well-formed HTML our generator writes (not for HTML from elsewhere). */
export function parseHtml(html: string): Node[] {
  const root: Element = { tag: '#root', attrs: {}, children: [], source: html };
  const stack: { el: Element; start: number }[] = [{ el: root, start: 0 }];
  const token = /<!--[\s\S]*?-->|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|[^<]+|</g;
  for (const m of html.matchAll(token)) {
    const top = stack[stack.length - 1]!;
    const [text, close, open, attrText, selfClose] = m;
    if (text.startsWith('<!--')) continue;
    if (close) {
      const name = close.toLowerCase();
      const at = stack.map((s) => s.el.tag).lastIndexOf(name);
      if (at <= 0) continue; // a stray end tag: ignored, as a browser would
      while (stack.length > at) {
        const done = stack.pop()!;
        done.el.source = html.slice(done.start, m.index + text.length);
      }
    } else if (open) {
      const el: Element = { tag: open.toLowerCase(), attrs: parseAttrs(attrText ?? ''), children: [], source: text };
      top.el.children.push(el);
      if (!selfClose && !VOID.has(el.tag)) stack.push({ el, start: m.index });
    } else {
      top.el.children.push(text);
    }
  }
  return root.children;
}

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

const classes = (el: Element) => (el.attrs.class ?? '').split(/\s+/).filter(Boolean);

/** Markdown for a block of HTML (a slide body or its notes). */
export function htmlToMarkdown(html: string): string {
  return blocks(parseHtml(html)).join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
}

const BLOCK = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'dl', 'table', 'blockquote', 'figure', 'figcaption', 'div', 'aside', 'section',
]);

function blocks(nodes: Node[]): string[] {
  const out: string[] = [];
  let inline: Node[] = [];
  const flush = () => {
    const text = inlineText(inline).trim();
    if (text) out.push(escapeLineStart(text));
    inline = [];
  };
  for (const node of nodes) {
    if (typeof node === 'string' || !BLOCK.has(node.tag)) {
      inline.push(node);
      continue;
    }
    flush();
    const block = blockOf(node);
    if (block) out.push(block);
  }
  flush();
  return out;
}

function blockOf(el: Element): string {
  const level = /^h([1-6])$/.exec(el.tag);
  if (level) return `${'#'.repeat(Number(level[1]))} ${inlineText(el.children).trim()}`;
  switch (el.tag) {
    case 'p':
    case 'figcaption': {
      const text = inlineText(el.children).trim();
      if (!text) return '';
      return el.tag === 'figcaption' ? `— ${text}` : escapeLineStart(text);
    }
    case 'ul':
    case 'ol': {
      const start = Number(el.attrs.start ?? 1);
      const items = el.children.filter((c): c is Element => typeof c !== 'string' && c.tag === 'li');
      return items
        .map((li, i) => {
          const marker = el.tag === 'ol' ? `${start + i}.` : '-';
          const body = blocks(li.children).join('\n\n').replace(/\n/g, `\n${' '.repeat(marker.length + 1)}`);
          return `${marker} ${body}`;
        })
        .join('\n');
    }
    case 'dl': {
      const lines: string[] = [];
      let term = '';
      for (const c of el.children) {
        if (typeof c === 'string') continue;
        if (c.tag === 'dt') term = inlineText(c.children).trim();
        if (c.tag === 'dd') lines.push(`- **${term}:** ${inlineText(c.children).trim()}`);
      }
      return lines.join('\n');
    }
    case 'table':
      return table(el);
    case 'blockquote':
      return blocks(el.children)
        .join('\n\n')
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    default:
      // figure, div, aside, section: their content, block by block.
      if (classes(el).includes('visually-hidden')) return '';
      return blocks(el.children).join('\n\n');
  }
}

function table(el: Element): string {
  const rows: string[][] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      if (n.tag === 'tr') {
        rows.push(
          n.children
            .filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
            .map((c) => inlineText(c.children).trim().replace(/\|/g, '\\|') || ' '),
        );
      } else if (n.tag !== 'caption') walk(n.children);
    }
  };
  walk(el.children);
  if (!rows.length) return '';
  const [head, ...body] = rows;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head!), line(head!.map(() => '---')), ...body.map(line)].join('\n');
}

function inlineText(nodes: Node[]): string {
  return nodes.map(inlineOf).join('').replace(/[ \t\r\n]+/g, ' ').replace(/ *\n */g, '\n');
}

function inlineOf(node: Node): string {
  if (typeof node === 'string') return escapeInline(node);
  const inner = () => inlineText(node.children);
  switch (node.tag) {
    case 'br':
      return '<br>';
    case 'strong':
    case 'b':
      return wrap('**', inner());
    case 'em':
    case 'i':
    case 'cite':
      return wrap('*', inner());
    case 'a': {
      const href = node.attrs.href ?? '';
      return href ? `[${inner().trim()}](${href.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : inner();
    }
    case 'svg': {
      const label = node.attrs['aria-label'] ?? 'image';
      return `![${escapeInline(label)}](data:image/svg+xml;base64,${Buffer.from(node.source).toString('base64')})`;
    }
    default:
      if (BLOCK.has(node.tag)) return ` ${blocks([node]).join(' ')} `;
      return inner();
  }
}

/** Emphasis markers hug the text: "** x **" is not bold in Markdown. */
function wrap(marker: string, text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : text;
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** Text that would start a heading, list, quote or rule if it began a line. */
function escapeLineStart(text: string): string {
  return text.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/gm, (_, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.replace(/([.)])$/, '\\$1')}` : `${space}\\${mark}`,
  );
}
