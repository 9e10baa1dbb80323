// The deck's typeface, Atkinson Hyperlegible, cut at build time to the characters the talk's pages use, with
// HarfBuzz's subsetter (subset-font, WebAssembly: nothing leaves the machine). Each face says in its unicode-range
// exactly which characters it holds, so a character outside it (one a script writes later, say) is drawn in the
// next font of the page's font-family list rather than as a box.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';

export const FAMILY = 'Atkinson Hyperlegible';
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

/** The files the typeface package ships, in the order they are looked in: most characters are in the first. */
const SCRIPTS = ['latin', 'latin-ext'] as const;

/**
 * Layout features kept: those a browser applies by default (kerning, composition, marks, ligatures). The font's
 * fractions and figure styles (frac, tnum, pnum) are dropped: no style sheet of the deck turns them on.
 */
const KEEP_FEATURES = ['ccmp', 'locl', 'kern', 'mark', 'mkmk', 'liga', 'clig', 'calt', 'rlig'];

export interface Face {
  weight: Weight;
  /** Which of the package's files it was cut from. */
  script: (typeof SCRIPTS)[number];
  woff2: Buffer;
  /** The code points it holds, ascending. */
  codePoints: number[];
  /** The CSS unicode-range of exactly those code points, such as "U+20-7E,U+A0,U+2019". */
  unicodeRange: string;
  /** A file name that changes with the content, such as "atkinson-hyperlegible-400-latin-1a2b3c4d.woff2". */
  fileName: string;
}

export interface Typeface {
  /** The characters asked for (some may be in no face: the typeface has no glyph for them). */
  characters: string;
  faces: Face[];
}

/** A file of the typeface package: the full face for one weight and script, as WOFF2. */
export function sourceFont(weight: Weight, script: (typeof SCRIPTS)[number] = 'latin'): string {
  const require = createRequire(import.meta.url);
  return require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${script}-${weight}-normal.woff2`);
}

const cmaps = new Map<string, Set<number>>();
function cmapOf(file: string): Set<number> {
  let set = cmaps.get(file);
  if (!set) {
    set = new Set(fontkit.create(readFileSync(file)).characterSet);
    cmaps.set(file, set);
  }
  return set;
}

const made = new Map<string, Promise<Typeface>>();

/** The typeface cut to `characters` (any order, repeats allowed), both weights. The same characters give the same files. */
export function subsetTypeface(characters: string): Promise<Typeface> {
  const wanted = [...new Set([...characters].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const key = String.fromCodePoint(...wanted);
  let typeface = made.get(key);
  if (!typeface) {
    typeface = cut(key, wanted);
    made.set(key, typeface);
    typeface.catch(() => made.delete(key));
  }
  return typeface;
}

async function cut(characters: string, wanted: number[]): Promise<Typeface> {
  const faces: Face[] = [];
  for (const weight of WEIGHTS) {
    let left = wanted;
    for (const script of SCRIPTS) {
      const file = sourceFont(weight, script);
      const cmap = cmapOf(file);
      const codePoints = left.filter((c) => cmap.has(c));
      if (!codePoints.length) continue;
      left = left.filter((c) => !cmap.has(c));
      const woff2 = await subsetFont(readFileSync(file), String.fromCodePoint(...codePoints), {
        targetFormat: 'woff2',
        // Hinting (instructions for small sizes on Windows) is half of each file; the deck's text is large, and
        // macOS, iOS, Android and Chromium on Linux do not use it.
        noHinting: true,
        keepFeatures: KEEP_FEATURES,
      });
      const hash = createHash('sha256').update(woff2).digest('hex').slice(0, 8);
      faces.push({ weight, script, woff2, codePoints, unicodeRange: unicodeRange(codePoints), fileName: `atkinson-hyperlegible-${weight}-${script}-${hash}.woff2` });
    }
  }
  return { characters, faces };
}

/** A CSS unicode-range for a sorted list of code points, runs written as ranges. */
export function unicodeRange(codePoints: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codePoints.length; ) {
    let j = i;
    while (j + 1 < codePoints.length && codePoints[j + 1] === codePoints[j]! + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(j > i ? `U+${hex(codePoints[i]!)}-${hex(codePoints[j]!)}` : `U+${hex(codePoints[i]!)}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The @font-face rules for the faces, each file's address given by `url`. */
export function fontFaceCss(typeface: Typeface, url: (face: Face) => string): string {
  return typeface.faces
    .map(
      (f) =>
        `@font-face{font-family:'${FAMILY}';font-style:normal;font-weight:${f.weight};font-display:swap;src:url(${url(f)}) format('woff2');unicode-range:${f.unicodeRange}}`,
    )
    .join('\n');
}
