// Which CSL style formats a talk's references: one the project ships (ama, apa, vancouver), or a .csl file the talk
// keeps in its own folder. A talk's file is untrusted input: capped in size, read only inside the talk's folder,
// parsed as XML and held to the shape of a CSL style before citeproc sees it; every problem names the file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { elements, isTag, parseXml, textOf, type Element } from '../html/dom.ts';
import { nearest } from '../data/describe-value.ts';
import { outsideTalk } from '../data/inside-talk.ts';

const CSL_DIR = join(import.meta.dirname, 'csl');

/** The styles the project ships, by the names a talk may give (and the CSL project's own file names). */
export const SHIPPED_STYLES: Record<string, string> = {
  ama: 'ama.csl',
  'american-medical-association': 'ama.csl',
  apa: 'apa.csl',
  vancouver: 'vancouver.csl',
};
export const DEFAULT_STYLE = 'vancouver';

/** A style file larger than this is not a citation style (the APA style, among the longest, is 70 KB). */
export const MAX_STYLE_BYTES = 512 * 1024;

export interface CitationStyle {
  /** A name unique to the style's text: citeproc keeps one engine a name. */
  key: string;
  xml: string;
  /** Numbered (Vancouver, AMA: listed in the talk's order) or author and date (APA: listed by author). */
  numeric: boolean;
  title: string;
}

export class StyleError extends Error {}

/**
 * The style a talk names. `root` is the talk's folder; `shown` turns a path into the words a message uses.
 * Throws StyleError with a plain-words message.
 */
export function citationStyle(name: string | undefined, root: string, shown: (path: string) => string = (p) => p): CitationStyle {
  const wanted = (name ?? DEFAULT_STYLE).trim();
  const shipped = SHIPPED_STYLES[wanted.toLowerCase()];
  if (shipped) return readStyle(readFileSync(join(CSL_DIR, shipped), 'utf8'), join(CSL_DIR, shipped), shown);
  if (extname(wanted).toLowerCase() !== '.csl') {
    const guess = nearest(wanted, Object.keys(SHIPPED_STYLES));
    throw new StyleError(
      `"${wanted}" is not a citation style this project has${guess ? `: did you mean "${guess}"?` : ''} Expected ama, apa or vancouver, or the path of a .csl file in the talk's folder, such as data/chapter-style.csl`,
    );
  }
  const path = join(root, wanted);
  if (!existsSync(path)) throw new StyleError(`no style file ${shown(path)}: put the .csl file in the talk's folder, or name ama, apa or vancouver`);
  const away = outsideTalk(path, root);
  if (away) throw new StyleError(`${shown(path)}: ${away}`);
  const size = statSync(path).size;
  if (size > MAX_STYLE_BYTES) throw new StyleError(`${shown(path)} is ${Math.round(size / 1024)} KB: a citation style is far smaller (at most ${MAX_STYLE_BYTES / 1024} KB). Is it the right file?`);
  return readStyle(readFileSync(path, 'utf8'), path, shown);
}

const CSL_NS = 'http://purl.org/net/xbiblio/csl';

function readStyle(xml: string, path: string, shown: (p: string) => string): CitationStyle {
  const notCsl = (why: string) => new StyleError(`${shown(path)} is not a CSL citation style: ${why}. Download the style's .csl file (for example from zotero.org/styles), not its web page`);
  // Well-formed first, with the line of the first mistake: citeproc and the lenient parser below would read past it.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw notCsl(`its XML is broken at line ${valid.err.line}, column ${valid.err.col} (${valid.err.msg})`);
  const doc = parseXml(xml);
  const style = doc.children.find((n): n is Element => isTag(n));
  if (!style || style.name !== 'style') throw notCsl('its first element is not <style>');
  if (style.attribs.xmlns !== CSL_NS) throw notCsl(`its <style> is not in the CSL namespace (${CSL_NS})`);
  if (style.attribs.version !== undefined && !/^1\.0/.test(style.attribs.version)) throw notCsl(`it is CSL version ${style.attribs.version}, and version 1.0 is expected`);
  const parent = elements(style, 'link').find((l) => l.attribs.rel === 'independent-parent');
  if (parent) throw notCsl(`it is a dependent style that only points to another (${parent.attribs.href ?? 'its parent'}); use the style it points to`);
  const bibliography = elements(style, 'bibliography')[0];
  if (!bibliography || !elements(bibliography, 'layout').length) throw notCsl('it has no <bibliography> with a <layout>, so it cannot format a list of references');
  const category = elements(style, 'category').find((c) => c.attribs['citation-format']);
  const title = elements(style, 'title')[0];
  return {
    key: `talk-style-${createHash('sha256').update(xml).digest('hex').slice(0, 16)}`,
    xml,
    numeric: category?.attribs['citation-format'] === 'numeric',
    title: title ? textOf(title) : shown(path),
  };
}

/** The CSL locale for a talk's language: the one shipped for it (en, es, fr), else US English. */
export function cslLocale(lang: string): { name: string; xml: string } {
  const language = lang.split('-')[0]!.toLowerCase();
  const name = { en: 'en-US', es: 'es-ES', fr: 'fr-FR' }[language] ?? 'en-US';
  return { name, xml: readFileSync(join(CSL_DIR, `locales-${name}.xml`), 'utf8') };
}
