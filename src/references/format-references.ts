// The talk's references formatted by citeproc (Citation.js's CSL plugin) in the talk's citation style and language,
// for the references slide, the study slides, the handout and the text version alike. citeproc's HTML is read
// through the parser and rebuilt from an allow-list (text, italics, bold, super- and subscript); the DOI it prints
// becomes a link, and a PubMed id, which styles leave out, is added as a link after it.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Study } from '../schema/index.ts';
import { html, raw, unwrap, escapeHtml, type Raw } from '../html/escape.ts';
import { parseHtml, elements, textOf, type AnyNode } from '../html/dom.ts';
import { cslItem, doiUrl, pubmedUrl } from './csl-item.ts';
import { cslLocale, type CitationStyle } from './citation-style.ts';

export interface FormattedReference {
  id: string;
  /** The reference as safe HTML, with its DOI and PubMed links. */
  html: Raw;
  /** Its words, for measuring the room it takes and for plain-text uses. */
  text: string;
}

export interface FormattedReferences {
  /** In the style's order: the talk's for numbered styles, by author for author-date ones. */
  list: FormattedReference[];
  byId: Map<string, FormattedReference>;
  numeric: boolean;
  styleTitle: string;
}

const INLINE: Record<string, string> = { i: 'i', em: 'i', b: 'b', strong: 'b', sup: 'sup', sub: 'sub' };

/** Formats every study's reference. Throws (citeproc's own message) on a style citeproc cannot run. */
export function formatReferences(studies: readonly Study[], style: CitationStyle, lang: string): FormattedReferences {
  const csl = plugins.config.get('@csl');
  if (!csl.templates.has(style.key)) csl.templates.add(style.key, style.xml);
  const locale = cslLocale(lang);
  // The shipped locale files replace the plugin's older copies under the same name.
  csl.locales.add(locale.name, locale.xml);
  // No URL: it is the DOI's or PubMed's address, which the reference shows as a link already; given to citeproc, some
  // styles would add "[Internet]" and "Available from:" as for a web page.
  const items = studies.map((s) => {
    const { URL: _url, ...item } = cslItem(s, { etAl: style.numeric ? 'member' : 'suffix' });
    return item;
  });
  const entries = new Cite(items).format('bibliography', { format: 'html', template: style.key, lang: locale.name, asEntryArray: true }) as [string, string][];
  const studyOf = new Map(studies.map((s) => [s.id, s]));
  const list = entries.map(([id, entry]) => finish(id, entry, studyOf.get(id)!));
  return { list, byId: new Map(list.map((r) => [r.id, r])), numeric: style.numeric, styleTitle: style.title };
}

function finish(id: string, entry: string, study: Study): FormattedReference {
  const doc = parseHtml(entry);
  // A numbered style's number is citeproc's left margin: the list around the references numbers them instead.
  const body = elements(doc, (el) => el.attribs.class === 'csl-right-inline')[0] ?? elements(doc, (el) => el.attribs.class === 'csl-entry')[0];
  const { doi, pmid } = study.citation;
  const styled = closed(rebuild(body ? body.children : doc.children, doi).join('').replace(/\s+/g, ' ').trim());
  const words = textOf(parseHtml(styled));
  // What the style left out: a DOI (few styles do) and the PubMed id (most do), each a link after the reference.
  const links = [
    doi && !words.includes(doi) ? link(doiUrl(doi), `doi:${doi}`) : undefined,
    pmid && !words.includes(pmid) ? link(pubmedUrl(pmid), `PMID ${pmid}`) : undefined,
  ].filter((l): l is string => l !== undefined);
  const out = links.length ? `${styled}${/[.!?]$/.test(words) ? '' : '.'} ${links.join('; ')}.` : styled;
  return { id, html: raw(out), text: textOf(parseHtml(out)) };
}

const link = (href: string, label: string) => unwrap(html`<a href="${href}" rel="noopener noreferrer" target="_blank">${label}</a>`);

/**
 * A reference that ends on a delimiter with nothing after it ("Revista de Ejemplo. 2025;", where a style expects a
 * volume the talk does not give) ends on a full stop instead.
 */
function closed(styled: string): string {
  return styled.replace(/\s*[;:,]$/, '.');
}

/** citeproc's nodes as allow-listed HTML strings: unknown elements keep their text and lose themselves. */
function rebuild(nodes: AnyNode[], doi: string | undefined): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push(doi ? linkDoi((node as { data: string }).data, doi) : escapeHtml((node as { data: string }).data));
    else if ('name' in node && 'children' in node) {
      const tag = INLINE[node.name];
      const inner = rebuild(node.children, doi).join('');
      out.push(tag ? `<${tag}>${inner}</${tag}>` : inner);
    }
  }
  return out;
}

/** Text with the DOI, as the style wrote it ("doi:10.…" or "https://doi.org/10.…"), made a link. */
function linkDoi(text: string, doi: string): string {
  const at = text.indexOf(doi);
  if (at < 0) return escapeHtml(text);
  const prefix = /(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s?)$/i.exec(text.slice(0, at))?.[0] ?? '';
  const start = at - prefix.length;
  const label = text.slice(start, at + doi.length);
  return `${escapeHtml(text.slice(0, start))}${link(doiUrl(doi), label)}${linkDoi(text.slice(at + doi.length), doi)}`;
}
