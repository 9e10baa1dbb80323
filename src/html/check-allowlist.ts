// Holds finished HTML to an allow-list (src/html/allowlist.ts): every element, attribute and link it may hold is
// named there, so anything else reaching a page is a fault of the generator, caught at build time rather than shipped.
import { elements, parseHtml } from './dom.ts';

/** A link the deck may carry: a web or mail address, or one of the talk's own pages beside the deck. */
function allowedLink(element: string, value: string): boolean {
  // Web and mail links, and the build's own files beside the page (its other pages; the references for a citation manager).
  return /^(https?:\/\/|mailto:)/i.test(value) || /^[\w-]+\.(html|ris|json)(#[\w-]*)?$/.test(value) || (element === 'link' && value === 'data:,');
}

/** What `html` holds outside the allow-list, each named as "<tag>", "<tag attribute>" or "href=value"; empty when all is allowed. */
export function outsideAllowList(html: string, tags: readonly string[], attributes: Readonly<Record<string, readonly string[]>>): string[] {
  const allowed = new Set(tags);
  // The parser gives attribute names in lower case, as HTML reads them (an SVG's viewBox is viewbox here).
  const byTag = new Map<string, Set<string>>();
  const named = (tag: string) => {
    let set = byTag.get(tag);
    if (!set) byTag.set(tag, (set = new Set([...(attributes['*'] ?? []), ...(attributes[tag] ?? [])].map((a) => a.toLowerCase()))));
    return set;
  };
  const found: string[] = [];
  for (const el of elements(parseHtml(html), () => true)) {
    if (!allowed.has(el.name)) found.push(`<${el.name}>`);
    const may = named(el.name);
    for (const [attr, value] of Object.entries(el.attribs)) {
      if (!may.has(attr.toLowerCase())) found.push(`<${el.name} ${attr}>`);
      if (attr === 'href' && !allowedLink(el.name, value)) found.push(`href=${value}`);
    }
  }
  return found;
}
