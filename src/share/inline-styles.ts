// The deck's style sheet inside its page (index.html, at the top of dist/): the first slide then paints as soon as
// the page arrives, a round trip sooner than with a linked sheet that shares the line with the script.
import { dirOf, normalise } from './asset-paths.ts';
import { elements, outer, parseHtml, splice } from '../html/dom.ts';
import { escapeStyle } from './single-file.ts';

/**
 * Replaces each `<link rel="stylesheet">` of a page at the top of dist/ with a `<style>` holding the sheet, its
 * url(...) references rewritten from the sheet's folder to the page's. Returns the styles, for the page's policy.
 */
export function inlineStylesheets(page: string, read: (path: string) => string): { page: string; styles: string[] } {
  const styles: string[] = [];
  const links = elements(parseHtml(page), (el) => el.name === 'link' && (el.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet'));
  const edits = links.map((link) => {
    const href = link.attribs.href;
    const [start, end] = outer(link);
    if (!href || /^[a-z]+:|^\/\//i.test(href)) throw new Error(`inline styles: a style sheet that is not part of the build: ${page.slice(start, end)}`);
    const path = normalise(href);
    const css = escapeStyle(rebase(read(path), dirOf(path)));
    styles.push(css);
    return { start, end, text: `<style>${css}</style>` };
  });
  return { page: splice(page, edits), styles };
}

/** url(...) references of a sheet in `dir`, as seen from the top of dist/. */
function rebase(css: string, dir: string): string {
  return css.replace(/url\(\s*(["']?)([^)"']+)\1\s*\)/g, (all, q: string, ref: string) => {
    if (/^(?:data:|#|[a-z]+:|\/)/i.test(ref)) return all;
    return `url(${q}./${normalise(dir ? `${dir}/${ref}` : ref)}${q})`;
  });
}
