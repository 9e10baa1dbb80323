// Splits what the server sent into script, style, font and content. A file counts whole for its kind; inline
// parts (a <script> or <style> inside the page, a font as a data: address inside a style sheet) are measured by
// compressing each part alone, and the response's real gzip size is shared out in those proportions.
import { gzipSync } from 'node:zlib';
import { GZIP_LEVEL, type Sent } from './serve.ts';

export const KINDS = ['script', 'style', 'font', 'content'] as const;
export type Kind = (typeof KINDS)[number];
export type Bytes = Record<Kind, number> & { total: number };

export const emptyBytes = (): Bytes => ({ script: 0, style: 0, font: 0, content: 0, total: 0 });

const gz = (s: string) => (s ? gzipSync(s, { level: GZIP_LEVEL }).length : 0);

/** A style sheet's text split into its inline fonts (data: URLs in @font-face) and the rest. */
function splitCss(css: string): Partial<Record<Kind, string>> {
  const fonts: string[] = [];
  const rest = css.replace(/@font-face\s*\{[^}]*\}/g, (face) =>
    face.replace(/url\(\s*(["']?)(data:[^)"']+)\1\s*\)/g, (_all, _q: string, data: string) => {
      fonts.push(data);
      return 'url()';
    }),
  );
  return { style: rest, font: fonts.join('\n') };
}

function splitHtml(html: string): Partial<Record<Kind, string>> {
  const scripts: string[] = [];
  const styles: string[] = [];
  const fonts: string[] = [];
  const content = html
    .replace(/<script\b[^>]*>([\s\S]*?)<\/script>/gi, (all, code: string) => {
      scripts.push(code);
      return all.replace(code, '');
    })
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (all, css: string) => {
      const parts = splitCss(css);
      styles.push(parts.style ?? '');
      fonts.push(parts.font ?? '');
      return all.replace(css, '');
    });
  return { content, script: scripts.join('\n'), style: styles.join('\n'), font: fonts.join('\n') };
}

function partsOf(s: Sent): Partial<Record<Kind, string>> | Kind {
  if (s.type.startsWith('font/')) return 'font';
  if (s.type.includes('javascript')) return 'script';
  if (s.type.startsWith('text/css')) return s.text !== undefined ? splitCss(s.text) : 'style';
  if (s.type.startsWith('text/html') && s.text !== undefined) return splitHtml(s.text);
  return 'content';
}

const cache = new WeakMap<Sent, Bytes>();

export function bytesOf(s: Sent): Bytes {
  const hit = cache.get(s);
  if (hit) return hit;
  const out = emptyBytes();
  out.total = s.wire;
  const parts = partsOf(s);
  if (typeof parts === 'string') out[parts] = s.wire;
  else {
    const sizes = KINDS.map((k) => gz(parts[k] ?? ''));
    const sum = sizes.reduce((a, b) => a + b, 0) || 1;
    KINDS.forEach((k, i) => (out[k] = Math.round((s.wire * sizes[i]!) / sum)));
    // Rounding: the largest part takes the odd byte, so the parts add up to what was sent.
    const largest = KINDS[sizes.indexOf(Math.max(...sizes))]!;
    out[largest] += s.wire - KINDS.reduce((a, k) => a + out[k], 0);
  }
  cache.set(s, out);
  return out;
}

export function sumBytes(sent: Sent[]): Bytes {
  const out = emptyBytes();
  for (const s of sent) {
    const b = bytesOf(s);
    for (const k of [...KINDS, 'total'] as const) out[k] += b[k];
  }
  return out;
}
