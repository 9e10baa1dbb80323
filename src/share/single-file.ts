// The deck as one self-contained page: script, styles and fonts inlined, so it opens from file:// with no network.
import type { Talk } from '../schema/index.ts';
import { cspMeta, singleFilePolicy } from './csp.ts';
import { sharedUrl, textVersionFile } from './files.ts';
import { replayFile } from '../render/files.ts';
import { dirOf, normalise } from './asset-paths.ts';

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

export const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?/i;

/**
 * Turns the built index.html into a single page. Script and style text is escaped so that nothing inside it can
 * close or confuse its element, and the page's policy then allows exactly that script and those styles by hash.
 */
export function makeSingleFile(indexHtml: string, read: ReadAsset, talk: Talk): string {
  const scripts: string[] = [];
  const styles: string[] = [];
  const text = (p: string) => {
    const v = read(normalise(p));
    return typeof v === 'string' ? v : v.toString('utf8');
  };

  let page = indexHtml
    // Module scripts: inline modules need no fetch, so they run from file:// too; they still run after parsing.
    .replace(/<script\b([^>]*)\ssrc="([^"]+)"([^>]*)><\/script>/g, (_all, before: string, src: string, after: string) => {
      const attrs = `${before}${after}`.replace(/\s+crossorigin(?:="[^"]*")?/g, '');
      if (!/type="module"/.test(attrs)) throw new Error(`single file: only module scripts are expected, found ${src}`);
      const code = escapeScript(inlineDynamicImports(text(src), dirOf(normalise(src)), text));
      scripts.push(code);
      return `<script type="module">${code}</script>`;
    })
    .replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
      const href = /\shref="([^"]+)"/.exec(tag)?.[1];
      if (!href) throw new Error(`single file: a stylesheet link without href: ${tag}`);
      const css = escapeStyle(inlineCssUrls(text(href), dirOf(normalise(href)), read));
      styles.push(css);
      return `<style>${css}</style>`;
    })
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>\n?/g, '');

  // The text version and the replay are separate pages: from a file that travels alone, link to their published copies.
  for (const file of [textVersionFile(talk), replayFile(talk)]) {
    page = page.replace(new RegExp(`<a href="${escapeRegExp(file)}"`, 'g'), `<a href="${sharedUrl(talk, file)}" rel="noopener noreferrer"`);
  }

  const markup = page.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
  const leftover = /\s(?:src|href)="(?!https?:|mailto:|#|data:)([^"]+)"/.exec(markup);
  if (leftover) throw new Error(`single file: "${leftover[1]}" would still be loaded from beside the page`);

  const meta = cspMeta(singleFilePolicy({ scripts, styles }));
  page = CSP_META.test(page) ? page.replace(CSP_META, `${meta}\n`) : page.replace(/<meta charset="utf-8">\n?/i, (m) => `${m}${meta}\n`);
  return page;
}

/**
 * A page opened from file:// cannot fetch a module, so each chunk the script imports on demand (the speaker view)
 * is placed inside the script, wrapped in a function of its own so its names cannot meet the script's, and the
 * import becomes that finished module. Only self-contained chunks are expected: one that imports is refused.
 */
export function inlineDynamicImports(code: string, dir: string, text: (path: string) => string): string {
  const chunks: string[] = [];
  const names = new Map<string, string>();
  const body = code.replace(/\bimport\(\s*([`'"])\.\/([\w.-]+\.js)\1\s*\)/g, (_all, _q: string, file: string) => {
    let name = names.get(file);
    if (!name) {
      name = `__deckChunk${names.size}`;
      names.set(file, name);
      chunks.push(`const ${name}=(()=>{${moduleBody(text(dir ? `${dir}/${file}` : file), file)}})();`);
    }
    return `Promise.resolve(${name})`;
  });
  if (/\bimport\(/.test(body.replace(/`[^`]*`|"[^"\n]*"|'[^'\n]*'/g, ''))) {
    throw new Error('single file: the script imports a module that is not a chunk of the build beside it');
  }
  return chunks.join('\n') + (chunks.length ? '\n' : '') + body;
}

/** A chunk's code with its closing `export{a as b}` turned into `return {b: a}`. */
function moduleBody(chunk: string, file: string): string {
  if (/^\s*import[\s{*'"`]/.test(chunk)) throw new Error(`single file: ${file} imports other modules; only self-contained chunks can be inlined`);
  const end = /export\s*\{([^}]*)\}\s*;?\s*(?:\/\/#\s*sourceMappingURL=\S*\s*)?$/.exec(chunk);
  if (!end) throw new Error(`single file: cannot find the exports at the end of ${file}`);
  const entries = end[1]!
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => {
      const [local, exported = local] = e.split(/\s+as\s+/);
      return `${JSON.stringify(exported)}:${local}`;
    });
  return `${chunk.slice(0, end.index)}\nreturn{${entries.join(',')}};`;
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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
