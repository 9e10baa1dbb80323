// Escapes text for HTML, and marks HTML that is already safe so templates can nest.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const RAW = Symbol('raw');
/** HTML that the generator made safe: interpolated as it is, never escaped again. */
export interface Raw {
  readonly [RAW]: string;
}

/** Marks HTML that the generator already made safe. */
export function raw(safe: string | Raw): Raw {
  return typeof safe === 'string' ? { [RAW]: safe } : safe;
}

/** The HTML inside a Raw value. */
export function unwrap(safe: Raw): string {
  return safe[RAW];
}

/** Tagged template: interpolated values are escaped unless they are Raw (such as another `html` result). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

function render(v: unknown): string {
  if (v === undefined || v === null || v === false) return '';
  if (Array.isArray(v)) return v.map(render).join('');
  if (typeof v === 'object' && RAW in v) return (v as Raw)[RAW];
  return escapeHtml(String(v));
}
