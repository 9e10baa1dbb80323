// Turns Markdown written by a person into safe HTML: raw HTML shows as text, links are allow-listed.
import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { LINK_SCHEMES, MARKDOWN_ATTRIBUTES, MARKDOWN_TAGS } from '../html/allowlist.ts';
import { escapeHtml, raw, type Raw } from '../html/escape.ts';

const SAFE_LINK = new RegExp(`^(${LINK_SCHEMES.join('|')}):`, 'i');

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // Raw HTML in a data file is shown as the text it is, never run.
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      if (!SAFE_LINK.test(href.trim())) return label;
      return `<a href="${escapeHtml(href.trim())}" rel="noopener noreferrer" target="_blank">${label}</a>`;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
  },
});

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...MARKDOWN_TAGS],
  allowedAttributes: MARKDOWN_ATTRIBUTES,
  allowedSchemes: [...LINK_SCHEMES],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

/** A block of Markdown (paragraphs, lists, headings). */
export function markdownBlock(md: string): Raw {
  return raw(sanitizeHtml(marked.parse(md, { async: false }), SANITIZE).trim());
}

/** One line of Markdown, without a wrapping paragraph. */
export function markdownInline(md: string): Raw {
  return raw(sanitizeHtml(marked.parseInline(md, { async: false }), SANITIZE).trim());
}

/**
 * The addresses of links in a piece of Markdown that are not web or mail links (javascript:, data:, file:,
 * a page on this computer...). The renderer drops such links anyway; validation reports them so a person
 * learns that the link would not work.
 */
export function unsafeLinks(md: string): string[] {
  const found: string[] = [];
  const walk = (tokens: readonly Token[] | undefined) => {
    for (const t of tokens ?? []) {
      if (t.type === 'link' && !SAFE_LINK.test((t as Tokens.Link).href.trim())) found.push((t as Tokens.Link).href.trim());
      const nested = t as { tokens?: Token[]; items?: Token[]; header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
      walk(nested.tokens);
      walk(nested.items);
      nested.header?.forEach((cell) => walk(cell.tokens));
      nested.rows?.forEach((row) => row.forEach((cell) => walk(cell.tokens)));
    }
  };
  walk(marked.lexer(md));
  return found;
}

/** The message for a link that is not allowed, the same wherever it is found. */
export function unsafeLinkMessage(href: string): string {
  const shown = href.length > 40 ? `${href.slice(0, 37)}...` : href;
  return `expected links to start with https://, http:// or mailto:, found a link to "${shown}"`;
}
