// Content-Security-Policy for each page the build writes: what may load, and nothing from another site.
import { createHash } from 'node:crypto';
import { speakerViewInline } from './speaker-view.ts';
import { elements, outer, parseHtml, splice, type Document, type Element } from '../html/dom.ts';

/** A CSP hash source for inline content, as the browser computes it over the element's text. */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

export type Directives = Record<string, string[]>;

export function serializeCsp(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** A policy as written (`name source …; name …`) read back into its directives; the first of two with one name counts. */
export function parseCsp(policy: string): Directives {
  const directives: Directives = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !Object.hasOwn(directives, name.toLowerCase())) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

export function cspMeta(directives: Directives): string {
  // Quotes around keywords stay readable: only what could end the attribute is escaped.
  const value = serializeCsp(directives).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<meta http-equiv="Content-Security-Policy" content="${value}">`;
}

/** The page's Content-Security-Policy <meta>, if it has one. */
export function findCspMeta(page: string | Document): Element | undefined {
  const doc = typeof page === 'string' ? parseHtml(page) : page;
  return elements(doc, (el) => el.name === 'meta' && el.attribs['http-equiv']?.toLowerCase() === 'content-security-policy')[0];
}

/** The page with its CSP <meta> (and the line break right after it) replaced by `text`; unchanged if it has none. */
export function replaceCspMeta(page: string, text: string): string {
  const meta = findCspMeta(page);
  if (!meta) return page;
  const [start, end] = outer(meta);
  return splice(page, [{ start, end: page[end] === '\n' ? end + 1 : end, text }]);
}

/** The page with `text` put right after its <meta charset> and the line break that follows it; unchanged if none. */
export function afterCharset(page: string, text: string): string {
  const [charset] = elements(parseHtml(page), (el) => el.name === 'meta' && Object.hasOwn(el.attribs, 'charset'));
  if (!charset) return page;
  const end = outer(charset)[1] + (page[outer(charset)[1]] === '\n' ? 1 : 0);
  return splice(page, [{ start: end, end, text }]);
}

/**
 * Sources the speaker view needs. Reveal's notes plugin writes the speaker view into an about:blank popup,
 * which inherits this page's policy, so its one inline script, its one style sheet and its `style="display: none"`
 * attributes are allowed by hash; its two preview frames load this same page.
 */
function speakerViewSources() {
  const sv = speakerViewInline();
  return {
    script: sv.scripts.map(cspHash),
    style: [...sv.styles.map(cspHash), ...(sv.styleAttributes.length ? ["'unsafe-hashes'", ...sv.styleAttributes.map(cspHash)] : [])],
  };
}

/** The deck as served from a web address: its own origin only, and its own inline style sheet by hash. */
export function deckPolicy(inline: { styles: string[] } = { styles: [] }): Directives {
  const sv = speakerViewSources();
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...sv.script],
    'style-src': ["'self'", ...inline.styles.map(cspHash), ...sv.style],
    // Reveal's own style sheet draws a few small icons as data: images.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'frame-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
}

/** The single file: nothing but its own inline script and styles, by hash, and data: fonts and images. */
export function singleFilePolicy(inline: { scripts: string[]; styles: string[] }): Directives {
  const sv = speakerViewSources();
  return {
    'default-src': ["'none'"],
    'script-src': [...inline.scripts.map(cspHash), ...sv.script],
    'style-src': [...inline.styles.map(cspHash), ...sv.style],
    'img-src': ['data:'],
    'font-src': ['data:'],
    // The speaker view's previews show this same file.
    'frame-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
}

/** The text version: its own inline style and script by hash, data: fonts. */
export function textPagePolicy(inline: { scripts: string[]; styles: string[] }): Directives {
  return {
    'default-src': ["'none'"],
    'script-src': inline.scripts.length ? inline.scripts.map(cspHash) : ["'none'"],
    'style-src': inline.styles.map(cspHash),
    'img-src': ['data:'],
    'font-src': ['data:'],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
}
