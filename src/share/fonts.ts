// The deck's typeface as data: URLs, for pages that must stand alone (the text version, the handout).
import { readFileSync } from 'node:fs';
import { FAMILY, fontFaceCss, sourceFont, WEIGHTS, type Typeface } from '../fonts/typeface.ts';

const dataUrl = (bytes: Buffer) => `data:font/woff2;base64,${bytes.toString('base64')}`;

/**
 * @font-face rules for the regular and bold faces, inlined: cut to the talk's characters when `typeface` is given
 * (as every page the build writes is), else the package's whole Latin faces.
 */
export function inlineFontFaces(typeface?: Typeface): string {
  if (typeface) return fontFaceCss(typeface, (f) => dataUrl(f.woff2));
  return WEIGHTS.map(
    (w) =>
      `@font-face{font-family:'${FAMILY}';font-style:normal;font-weight:${w};font-display:swap;src:url(${dataUrl(readFileSync(sourceFont(w)))}) format('woff2')}`,
  ).join('\n');
}
