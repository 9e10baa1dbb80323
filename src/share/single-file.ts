// The deck as one self-contained page: script, styles and fonts inlined, so it opens from file:// with no network.
import postcss from 'postcss';
import valueParser from 'postcss-value-parser';
import type { Talk } from '../schema/index.ts';
import { afterCharset, cspMeta, findCspMeta, replaceCspMeta, singleFilePolicy } from './csp.ts';
import { elements, outer, parseHtml, setAttribute, splice, type Edit, type Element } from '../html/dom.ts';
import { sharedUrl, textVersionFile, replayFile } from '../names/output-files.ts';
import { dirOf, normalise } from './asset-paths.ts';
import { bundleOneScript } from './one-script.ts';

/** Reads a file of the build by its path relative to dist/, such as "assets/index-abc.js". */
export type ReadAsset = (path: string) => Buffer | string;

const MIME: Record<string, string> = {
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  otf: 'font/otf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

/**
 * Turns the built index.html into a single page. Script and style text is escaped so that nothing inside it can
 * close or confuse its element, and the page's policy then allows exactly that script and those styles by hash.
 */
export async function makeSingleFile(indexHtml: string, read: ReadAsset, talk: Talk): Promise<string> {
  const scripts: string[] = [];
  const styles: string[] = [];
  const text = (p: string) => {
    const v = read(normalise(p));
    return typeof v === 'string' ? v : v.toString('utf8');
  };

  const doc = parseHtml(indexHtml);
  const edits: Edit[] = [];
  const replace = (el: Element, text: string, lineBreak = false) => {
    const [start, end] = outer(el);
    edits.push({ start, end: lineBreak && indexHtml[end] === '\n' ? end + 1 : end, text });
  };
  // Module scripts: inline modules need no fetch, so they run from file:// too; they still run after parsing.
  for (const script of elements(doc, (el) => el.name === 'script' && Object.hasOwn(el.attribs, 'src'))) {
    const src = script.attribs.src!;
    if (script.attribs.type !== 'module') throw new Error(`single file: only module scripts are expected, found ${src}`);
    const code = escapeScript(await bundleOneScript(normalise(src), text));
    scripts.push(code);
    replace(script, `<script type="module">${code}</script>`);
  }
  for (const link of elements(doc, (el) => el.name === 'link' && rel(el, 'stylesheet'))) {
    const href = link.attribs.href;
    if (!href) throw new Error(`single file: a stylesheet link without href: ${indexHtml.slice(...outer(link))}`);
    const css = escapeStyle(inlineCssUrls(text(href), dirOf(normalise(href)), read));
    styles.push(css);
    replace(link, `<style>${css}</style>`);
  }
  for (const link of elements(doc, (el) => el.name === 'link' && rel(el, 'modulepreload'))) replace(link, '', true);
  // The text version and the replay are separate pages: from a file that travels alone, link to their published copies.
  const separate = new Set([textVersionFile(talk), replayFile(talk)]);
  for (const a of elements(doc, (el) => el.name === 'a' && separate.has(el.attribs.href ?? ''))) {
    edits.push(setAttribute(a, 'href', sharedUrl(talk, a.attribs.href!)));
    edits.push(setAttribute(a, 'rel', 'noopener noreferrer', 'href'));
  }
  let page = splice(indexHtml, edits);

  // Attributes only: the text of scripts and styles is not markup.
  const leftover = elements(parseHtml(page), () => true)
    .flatMap((el) => [el.attribs.src, el.attribs.href])
    .find((ref) => ref !== undefined && !/^(?:https?:|mailto:|#|data:)/.test(ref));
  if (leftover !== undefined) throw new Error(`single file: "${leftover}" would still be loaded from beside the page`);

  const meta = cspMeta(singleFilePolicy({ scripts, styles }));
  page = findCspMeta(page) ? replaceCspMeta(page, `${meta}\n`) : afterCharset(page, `${meta}\n`);
  return page;
}

/** Whether a <link>'s rel names `kind`. */
function rel(link: Element, kind: string): boolean {
  return (link.attribs.rel ?? '').toLowerCase().split(/\s+/).includes(kind);
}

/**
 * Replaces url(...) references in a style sheet with data: URLs, and drops a font's WOFF source where it has a WOFF2
 * one. The sheet is read with PostCSS and each value with postcss-value-parser (quotes, brackets and minified
 * `url(a)format("b")` alike); declarations without a url() are left as they were written.
 */
export function inlineCssUrls(css: string, cssDir: string, read: ReadAsset): string {
  const root = postcss.parse(css);
  root.walkDecls((decl) => {
    if (!decl.value.toLowerCase().includes('url(')) return;
    const value = valueParser(decl.value);
    if (decl.prop.toLowerCase() === 'src') {
      // Every browser that honours a hashed CSP reads WOFF2, so the WOFF copies only add weight.
      const sources = splitOnCommas(value.nodes);
      const kept = sources.filter((s) => formatOf(s.nodes) !== 'woff');
      if (kept.length < sources.length && sources.some((s) => formatOf(s.nodes) === 'woff2')) {
        value.nodes = kept.flatMap((s, i) => (i === 0 ? s.nodes : [s.comma!, ...s.nodes]));
        if (value.nodes[0]?.type === 'div') value.nodes.shift();
      }
    }
    value.walk((node) => {
      if (node.type !== 'function' || node.value.toLowerCase() !== 'url') return;
      const ref = node.nodes.map((n) => n.value).join('').trim();
      const at = node.nodes[0]?.sourceIndex ?? node.sourceIndex;
      node.nodes = [{ type: 'word', value: dataUrl(ref, cssDir, read), sourceIndex: at, sourceEndIndex: at }];
      return false;
    });
    decl.value = value.toString();
  });
  return root.toString();
}

/** A value's top-level parts between commas, each with the comma before it. */
function splitOnCommas(nodes: valueParser.Node[]): { comma?: valueParser.Node; nodes: valueParser.Node[] }[] {
  const parts: { comma?: valueParser.Node; nodes: valueParser.Node[] }[] = [{ nodes: [] }];
  for (const node of nodes) {
    if (node.type === 'div' && node.value === ',') parts.push({ comma: node, nodes: [] });
    else parts[parts.length - 1]!.nodes.push(node);
  }
  return parts;
}

/** The format() a font source names ("woff2"), if any. */
function formatOf(nodes: valueParser.Node[]): string | undefined {
  const format = nodes.find((n): n is valueParser.FunctionNode => n.type === 'function' && n.value.toLowerCase() === 'format');
  return format?.nodes.find((n) => n.type === 'string' || n.type === 'word')?.value.toLowerCase();
}

/** A file of the build beside the sheet as a data: URL; data: and in-page (#) addresses kept, other sites refused. */
function dataUrl(ref: string, cssDir: string, read: ReadAsset): string {
  if (ref.startsWith('data:') || ref.startsWith('#')) return ref;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) throw new Error(`single file: the style sheet refers to another site: ${ref}`);
  const path = normalise(`${cssDir}/${ref.split(/[?#]/)[0]}`);
  const ext = path.split('.').pop()!.toLowerCase();
  const mime = MIME[ext];
  if (!mime) throw new Error(`single file: no MIME type known for ${path}`);
  const bytes = read(path);
  return `data:${mime};base64,${(typeof bytes === 'string' ? Buffer.from(bytes) : bytes).toString('base64')}`;
}

/** Script text that cannot end its element early or start an HTML comment inside it. */
export function escapeScript(code: string): string {
  // In string, template and regular-expression literals "\/" and "\!" mean "/" and "!"; comments do not care.
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export function escapeStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}
