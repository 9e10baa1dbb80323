// The deck as one self-contained page: script, styles and fonts inlined, so it opens from file:// with no network.
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

/** Replaces url(...) references in a style sheet with data: URLs; drops WOFF fallbacks after WOFF2. */
export function inlineCssUrls(css: string, cssDir: string, read: ReadAsset): string {
  // Every browser that honours a hashed CSP reads WOFF2, so the WOFF copies only add weight.
  const withoutWoff = css.replace(/,\s*url\(\s*["']?[^)"']+\.woff["']?\s*\)\s*format\(\s*["']?woff["']?\s*\)/g, '');
  return withoutWoff.replace(/url\(\s*(["']?)([^)"']+)\1\s*\)/g, (all, _q: string, ref: string) => {
    if (/^(?:data:|#)/.test(ref)) return all;
    if (/^[a-z]+:|^\/\//i.test(ref)) throw new Error(`single file: the style sheet refers to another site: ${ref}`);
    const path = normalise(`${cssDir}/${ref.replace(/[?#].*$/, '')}`);
    const ext = path.split('.').pop()!.toLowerCase();
    const mime = MIME[ext];
    if (!mime) throw new Error(`single file: no MIME type known for ${path}`);
    const bytes = read(path);
    return `url(data:${mime};base64,${(typeof bytes === 'string' ? Buffer.from(bytes) : bytes).toString('base64')})`;
  });
}

/** Script text that cannot end its element early or start an HTML comment inside it. */
export function escapeScript(code: string): string {
  // In string, template and regular-expression literals "\/" and "\!" mean "/" and "!"; comments do not care.
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export function escapeStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}
