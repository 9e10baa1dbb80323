// The deck's style sheet inside its page (index.html, at the top of dist/): the first slide then paints as soon as
// the page arrives, a round trip sooner than with a linked sheet that shares the line with the script.
import { dirOf, normalise } from './asset-paths.ts';
import { escapeStyle } from './single-file.ts';

/**
 * Replaces each `<link rel="stylesheet">` of a page at the top of dist/ with a `<style>` holding the sheet, its
 * url(...) references rewritten from the sheet's folder to the page's. Returns the styles, for the page's policy.
 */
export function inlineStylesheets(page: string, read: (path: string) => string): { page: string; styles: string[] } {
  const styles: string[] = [];
  const out = page.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
    const href = /\shref="([^"]+)"/.exec(tag)?.[1];
    if (!href || /^[a-z]+:|^\/\//i.test(href)) throw new Error(`inline styles: a style sheet that is not part of the build: ${tag}`);
    const path = normalise(href);
    const css = escapeStyle(rebase(read(path), dirOf(path)));
    styles.push(css);
    return `<style>${css}</style>`;
  });
  return { page: out, styles };
}

/** url(...) references of a sheet in `dir`, as seen from the top of dist/. */
function rebase(css: string, dir: string): string {
  return css.replace(/url\(\s*(["']?)([^)"']+)\1\s*\)/g, (all, q: string, ref: string) => {
    if (/^(?:data:|#|[a-z]+:|\/)/i.test(ref)) return all;
    return `url(${q}./${normalise(dir ? `${dir}/${ref}` : ref)}${q})`;
  });
}
