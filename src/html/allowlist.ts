// What may appear in the deck's HTML: an explicit allow-list, never a deny-list.

/** Elements and attributes that Markdown written by a person may produce. */
export const MARKDOWN_TAGS = ['p', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'code', 'br', 'h1', 'h2', 'h3', 'blockquote'] as const;
export const MARKDOWN_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'rel', 'target'],
  ol: ['start'],
};
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

/** Everything the generator itself may write into a slide, on top of the Markdown set. */
export const DECK_TAGS = [
  ...MARKDOWN_TAGS,
  'section', 'aside', 'div', 'span', 'header', 'footer', 'figure', 'figcaption', 'small', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'abbr', 'cite', 'q',
  // What citeproc writes in a formatted reference (a journal's name in italics, a superscript), kept by format-references.ts.
  'i', 'b', 'sup', 'sub',
  'svg', 'path', 'rect', 'circle', 'title', 'desc', 'g',
] as const;
export const DECK_ATTRIBUTES: Record<string, readonly string[]> = {
  '*': ['class', 'id', 'lang', 'aria-label', 'aria-hidden', 'aria-labelledby', 'aria-describedby', 'role'],
  section: ['data-timing', 'data-state'],
  a: ['href', 'rel', 'target'],
  ol: ['start'],
  th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  svg: ['viewBox', 'width', 'height', 'xmlns', 'focusable', 'shape-rendering', 'fill'],
  path: ['d', 'fill', 'fill-rule', 'stroke'],
  circle: ['cx', 'cy', 'r', 'fill'],
  rect: ['x', 'y', 'width', 'height', 'fill'],
  abbr: ['title'],
};

/** What the generator writes into the page's head: the title and the meta of link previews. */
export const HEAD_TAGS = ['title', 'meta', 'link', 'script'] as const;
export const HEAD_ATTRIBUTES: Record<string, readonly string[]> = {
  meta: ['name', 'property', 'content'],
  link: ['rel', 'href'],
  // Only the words the browser reads (type="application/json", id="deck-words"): data, never run.
  script: ['type', 'id'],
};
