// The typeface every built page serves is cut to the talk's characters (issue 16): each face is read back with a font
// parser (fontkit), and every character on every page (the deck's slides and speaker notes and the words its script
// writes, the text version, the handout, the single file) is in the faces of both weights, for this talk and for
// the Spanish example. A face promises in its unicode-range only characters it really holds, so anything else falls
// back to the next font rather than showing a box.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageCharacters } from '../../src/fonts/characters.ts';
import { sourceFont, subsetTypeface, unicodeRange } from '../../src/fonts/typeface.ts';
import { renderSections } from '../../src/deck/render-sections.ts';
import { handoutPageFile } from '../../src/names/output-files.ts';
import { singleFile, textVersionFile } from '../../src/names/output-files.ts';
import { buildInto, ROOT, type Built } from '../share/support/build.ts';
import { withTalk } from '../support/project.ts';

interface ServedFace {
  weight: number;
  /** Code points the unicode-range names. */
  range: Set<number>;
  /** Code points the font file really maps to a glyph (read back with fontkit). */
  cmap: Set<number>;
  bytes: number;
}

/** Parses a CSS unicode-range such as "U+20-7E,U+A0" into its code points. */
function rangeOf(value: string): Set<number> {
  const out = new Set<number>();
  for (const part of value.split(',')) {
    const m = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!m) throw new Error(`not a unicode-range: ${part}`);
    const from = parseInt(m[1]!, 16);
    const to = m[2] ? parseInt(m[2], 16) : from;
    for (let c = from; c <= to; c++) out.add(c);
  }
  return out;
}

/** The @font-face rules of a page's <style> elements, each face read back from its file or data: URL. */
function servedFaces(page: string, readAsset: (path: string) => Buffer): ServedFace[] {
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  return [...styles.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, rule]) => {
    const weight = Number(/font-weight:\s*(\d+)/.exec(rule!)?.[1]);
    const url = /url\(\s*["']?([^)"']+)["']?\s*\)/.exec(rule!)?.[1];
    const range = /unicode-range:\s*([^;}]+)/.exec(rule!)?.[1];
    if (!url || !range) throw new Error(`a @font-face without a url or a unicode-range: ${rule!.slice(0, 200)}`);
    const bytes = url.startsWith('data:') ? Buffer.from(url.slice(url.indexOf(',') + 1), 'base64') : readAsset(url);
    expect(bytes.subarray(0, 4).toString('latin1'), 'a WOFF2 file').toBe('wOF2');
    const font = fontkit.create(bytes);
    expect(font.familyName).toBe('Atkinson Hyperlegible');
    return { weight, range: rangeOf(range), cmap: new Set(font.characterSet), bytes: bytes.length };
  });
}

/** Every code point the package's whole faces have a glyph for (what a subset could hold at most). */
const whole = (weight: 400 | 700) =>
  new Set((['latin', 'latin-ext'] as const).flatMap((s) => fontkit.create(readFileSync(sourceFont(weight, s))).characterSet));

/** Characters that need no glyph: line breaks and tabs. */
const drawn = (chars: Iterable<string>) => [...chars].map((c) => c.codePointAt(0)!).filter((c) => c >= 0x20);

function expectCovered(pageName: string, chars: Iterable<string>, faces: ServedFace[]) {
  for (const weight of [400, 700] as const) {
    const own = faces.filter((f) => f.weight === weight);
    expect(own.length, `${pageName}: faces of weight ${weight}`).toBeGreaterThan(0);
    // Each face holds every character its unicode-range promises.
    for (const f of own) expect([...f.range].filter((c) => !f.cmap.has(c)), `${pageName} ${weight}: promised but not in the font`).toEqual([]);
    const served = new Set(own.flatMap((f) => [...f.range]));
    const all = whole(weight);
    // Every character of the page the typeface has at all is served; the rest (none today) fall back.
    const missing = drawn(chars).filter((c) => all.has(c) && !served.has(c));
    expect(missing.map((c) => String.fromCodePoint(c)), `${pageName} ${weight}: on the page but not in the subset`).toEqual([]);
  }
}

function talkPages(name: string, talk?: string) {
  let built: Built;
  beforeAll(async () => {
    built = await withTalk(talk ? resolve(ROOT, talk) : undefined, () => buildInto(`fonts-${name}`));
  }, 240_000);
  const asset = (path: string) => readFileSync(resolve(built.dir, path));

  it('the deck (index.html): every character of the slides, the speaker notes and the words its script writes', () => {
    const page = built.read('index.html');
    const faces = servedFaces(page, asset);
    const chars = new Set([...pageCharacters(page), ...pageCharacters(renderSections(built.deck.slides)), ...'0123456789/']);
    // The deck's words are really on the page, and not English where the talk is not.
    expect(chars.size).toBeGreaterThan(60);
    expectCovered('index.html', chars, faces);
    // Cut, not whole: the regular face of this talk is well under the package's 17 kB.
    for (const f of faces) expect(f.bytes).toBeLessThan(10_000);
  });

  it('the single file, the text version and the handout', () => {
    const talkModel = built.deck.model.talk;
    const deckChars = pageCharacters(renderSections(built.deck.slides));
    for (const file of [singleFile(talkModel), textVersionFile(talkModel), handoutPageFile(talkModel)]) {
      const page = built.read(file);
      const faces = servedFaces(page, asset);
      expectCovered(file, new Set([...pageCharacters(page), ...(file === singleFile(talkModel) ? deckChars : [])]), faces);
    }
  });
}

describe('the typeface served for this talk', () => talkPages('talk'));
describe('the typeface served for the Spanish example (examples/ejercicio-em)', () => talkPages('ejercicio', 'examples/ejercicio-em'));

describe('cutting the typeface', () => {
  it('leaves out of the faces and their unicode-range a character the typeface has no glyph for, so it falls back', async () => {
    const typeface = await subsetTypeface('Año 漢 ∑ ő');
    for (const face of typeface.faces) {
      const cmap = new Set(fontkit.create(face.woff2).characterSet);
      const range = rangeOf(face.unicodeRange);
      expect(range.has('漢'.codePointAt(0)!)).toBe(false);
      for (const c of range) expect(cmap.has(c)).toBe(true);
    }
    const served = (weight: number) => new Set(typeface.faces.filter((f) => f.weight === weight).flatMap((f) => [...rangeOf(f.unicodeRange)]));
    // "ő" is not in the Latin file: it comes from the package's Latin Extended file, as a face of its own.
    for (const w of [400, 700]) for (const c of 'Año ő') expect(served(w).has(c.codePointAt(0)!), `${c} in ${w}`).toBe(true);
    expect(typeface.faces.map((f) => `${f.weight} ${f.script}`)).toEqual(['400 latin', '400 latin-ext', '700 latin', '700 latin-ext']);
  });

  it('writes unicode-range runs as ranges', () => {
    expect(unicodeRange([0x20, 0x21, 0x22, 0x41, 0xa0, 0x2019, 0x201c, 0x201d])).toBe('U+20-22,U+41,U+A0,U+2019,U+201C-201D');
  });
});
