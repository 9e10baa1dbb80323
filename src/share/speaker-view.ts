// The inline script and styles of Reveal's speaker view, read from the notes plugin the deck bundles.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { elements, inner, parseHtml } from '../html/dom.ts';

export interface InlineContent {
  scripts: string[];
  styles: string[];
  /** Values of style="" attributes in the markup. */
  styleAttributes: string[];
}

let cached: InlineContent | undefined;

/** The HTML the notes plugin writes into the speaker window with document.write. */
export function speakerViewHtml(): string {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('reveal.js/plugin/notes')), 'notes.mjs');
  const source = readFileSync(file, 'utf8');
  const literal = /document\.write\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\$]|\\.)*`)\s*\)/.exec(source)?.[1];
  if (!literal) throw new Error(`cannot find the speaker view's HTML in ${file}: the CSP for the speaker view needs updating`);
  // The match is one string literal and nothing else, so evaluating it only yields the string.
  const html: unknown = runInNewContext(literal);
  if (typeof html !== 'string') throw new Error(`the speaker view in ${file} is not a string`);
  return html;
}

export function speakerViewInline(): InlineContent {
  if (cached) return cached;
  const html = speakerViewHtml();
  const doc = parseHtml(html);
  // The text of each inline script and style sheet as written: the browser hashes exactly that.
  const inline = (name: string) => elements(doc, name).map((el) => html.slice(...inner(el)));
  const content: InlineContent = {
    scripts: inline('script'),
    styles: inline('style'),
    styleAttributes: [...new Set(elements(doc, (el) => Object.hasOwn(el.attribs, 'style')).map((el) => el.attribs.style!))],
  };
  if (elements(doc, (el) => el.name === 'script' && Object.hasOwn(el.attribs, 'src')).length || content.scripts.length === 0) {
    throw new Error('the speaker view of reveal.js changed shape: the CSP for it needs updating');
  }
  cached = content;
  return content;
}
