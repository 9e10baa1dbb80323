// The deck's typeface, Atkinson Hyperlegible, cut at build time to the characters the talk's pages use, with
// HarfBuzz's subsetter (subset-font, WebAssembly: nothing leaves the machine). Each face says in its unicode-range
// exactly which characters it holds, so a character outside it (one a script writes later, say) is drawn in the
// next font of the page's font-family list rather than as a box.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/** Everything besides the characters that decides the cut faces: a cache of them is good while this stays the same. */
export function cutKey(): string {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return JSON.stringify({ typeface: version('@fontsource/atkinson-hyperlegible'), subsetFont: version('subset-font'), KEEP_FEATURES, noHinting: true });
}

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

/**
 * The typeface cut to `characters` (any order, repeats allowed), both weights. The same characters give the same
 * files. With `cache`, kept on disk for the next build too (the build does this; tests making up talks do not).
 */
export function subsetTypeface(characters: string, options: { cache?: boolean } = {}): Promise<Typeface> {
  const wanted = [...new Set([...characters].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const key = String.fromCodePoint(...wanted);
  let typeface = made.get(key);
  if (!typeface) {
    typeface = cut(key, wanted, options.cache ?? false);
    made.set(key, typeface);
    typeface.catch(() => made.delete(key));
  }
  return typeface;
}

/**
 * Cut faces are kept in node_modules/.cache/deck-fonts/, by the characters and cutKey(): the next build of a talk
 * whose characters did not change reads them back instead of cutting again (about half a second). The most recent
 * KEEP_CUTS are kept.
 */
const KEEP_CUTS = 16;

function cacheDir(characters: string): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const modules = dirname(dirname(dirname(require.resolve('@fontsource/atkinson-hyperlegible/package.json'))));
    return join(modules, '.cache', 'deck-fonts', createHash('sha256').update(`${cutKey()}\n${characters}`).digest('hex').slice(0, 24));
  } catch {
    return undefined;
  }
}

/** Removes all but the `keep` most recently written folders of `parent` (a cache that would otherwise only grow). */
export function pruneOldest(parent: string, keep: number): void {
  try {
    const old = readdirSync(parent)
      .map((name) => ({ path: join(parent, name), time: statSync(join(parent, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time)
      .slice(keep);
    for (const o of old) rmSync(o.path, { recursive: true, force: true });
  } catch {
    // Another build pruned at the same time: nothing to do.
  }
}

type Stored = Omit<Face, 'woff2'>;

function readCached(dir: string | undefined, characters: string): Typeface | undefined {
  const index = dir && join(dir, 'faces.json');
  if (!index || !existsSync(index)) return undefined;
  try {
    const stored = JSON.parse(readFileSync(index, 'utf8')) as Stored[];
    return { characters, faces: stored.map((f) => ({ ...f, woff2: readFileSync(join(dir, f.fileName)) })) };
  } catch {
    return undefined;
  }
}

function writeCached(dir: string | undefined, typeface: Typeface): void {
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const put = (file: string, data: string | Buffer) => {
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temp, data);
      renameSync(temp, file);
    };
    for (const f of typeface.faces) put(join(dir, f.fileName), f.woff2);
    // Last, so a folder with its index holds every face.
    put(join(dir, 'faces.json'), JSON.stringify(typeface.faces.map(({ woff2: _bytes, ...f }) => f)));
    pruneOldest(dirname(dir), KEEP_CUTS);
  } catch {
    // A read-only node_modules: the faces are cut again next time.
  }
}

async function cut(characters: string, wanted: number[], useCache: boolean): Promise<Typeface> {
  if (!useCache) return cutFaces(characters, wanted);
  const dir = cacheDir(characters);
  const cached = readCached(dir, characters);
  if (cached) return cached;
  const typeface = await cutFaces(characters, wanted);
  writeCached(dir, typeface);
  return typeface;
}

async function cutFaces(characters: string, wanted: number[]): Promise<Typeface> {
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
        noHinting: true, // (in cutKey too)
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
