// Turns Markdown written by a person into safe HTML: raw HTML shows as text, links are allow-listed.
import { Marked, type Tokens } from 'marked';
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
