// The deck's typeface as data: URLs, for pages that must stand alone (the text version).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FAMILY = 'Atkinson Hyperlegible';

function fontDataUrl(weight: 400 | 700): string {
  const require = createRequire(import.meta.url);
  const file = require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-normal.woff2`);
  return `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
}

/** @font-face rules for the regular and bold faces, inlined. */
export function inlineFontFaces(): string {
  return ([400, 700] as const)
    .map(
      (w) =>
        `@font-face{font-family:'${FAMILY}';font-style:normal;font-weight:${w};font-display:swap;src:url(${fontDataUrl(w)}) format('woff2')}`,
    )
    .join('\n');
}
