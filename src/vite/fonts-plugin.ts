// The deck's typeface for index.html and the single file. The deck's script imports FONTS_ID; a build resolves it to
// @font-face rules for the typeface cut to the talk's characters (src/fonts/), written with its WOFF2 files into
// Vite's cache folder (named by their content, so parallel builds of different talks never meet), from where Vite
// copies them into assets/ like any font a style sheet names. The dev server, whose talk changes with every save,
// serves the package's whole faces.
import { mkdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { deckTypeface } from '../fonts/characters.ts';
import { FAMILY, fontFaceCss, pruneOldest, sourceFont, WEIGHTS, type Typeface } from '../fonts/typeface.ts';
import type { BuiltDeck } from '../deck/build-talk.ts';
import type { DeckPluginApi } from './deck-plugin.ts';
import { pagesWithoutFonts } from './extra-pages.ts';

export const FONTS_ID = 'virtual:deck-fonts.css';

/** Cuts the typeface to the talk the deck plugin (which must be in the same config) reads. */
export function fontsPlugin(): Plugin {
  let folder = '';
  let building = false;
  let deck: () => Promise<BuiltDeck> | undefined = () => undefined;
  let css: Promise<string | undefined> | undefined;
  return {
    name: 'deck-fonts',
    enforce: 'pre',
    configResolved(config) {
      folder = resolve(config.cacheDir, 'deck-fonts');
      building = config.command === 'build';
      // The talk as the deck plugin read it, so it is read once per build.
      const api = config.plugins.find((p) => p.name === 'deck')?.api as DeckPluginApi | undefined;
      if (building && !api) throw new Error('deck fonts: the deck plugin (src/vite/deck-plugin.ts) is not in the config');
      if (api) deck = () => api.built();
    },
    buildStart() {
      css = undefined;
    },
    async resolveId(id) {
      if (id !== FONTS_ID) return null;
      // A talk with problems is reported by the deck plugin, which stops the build; here it only means no subset.
      const reading = building ? deck() : undefined;
      css ??= reading ? reading.then((d) => cutFor(d, folder), () => undefined) : Promise.resolve(building ? undefined : writeWhole(folder));
      const file = await css;
      if (!file) throw new Error('deck fonts: the typeface could not be cut to the talk (see the problems above)');
      return file;
    },
  };
}

/** The style sheet of the faces cut to the deck's characters (the same faces the text version and the handout inline). */
async function cutFor(deck: BuiltDeck, cache: string): Promise<string> {
  return writeSubset(await deckTypeface(deck, await pagesWithoutFonts(deck), { cache: true }), cache);
}

/** Writes the faces and their style sheet into a folder named by their content; returns the sheet's path. */
export function writeSubset(typeface: Typeface, cache: string): string {
  const sheet = fontFaceCss(typeface, (f) => `./${f.fileName}`);
  const dir = join(cache, createHash('sha256').update(sheet).digest('hex').slice(0, 16));
  const file = join(dir, 'fonts.css');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  for (const f of typeface.faces) writeAtomically(join(dir, f.fileName), f.woff2);
  writeAtomically(file, `/* ${FAMILY}, cut to this talk's ${typeface.characters.length} characters (src/fonts/typeface.ts) */\n${sheet}\n`);
  // The talks built most recently (a folder in use by a build running beside this one is among them).
  pruneOldest(cache, 16);
  return file;
}

/** The package's whole Latin faces, for the dev server. */
function writeWhole(cache: string): string {
  const dir = `${cache}-whole`; // beside the cut ones, which are pruned
  mkdirSync(dir, { recursive: true });
  const sheet = WEIGHTS.map(
    (w) =>
      `@font-face{font-family:'${FAMILY}';font-style:normal;font-weight:${w};font-display:swap;src:url('${relative(dir, sourceFont(w)).split('\\').join('/')}') format('woff2')}`,
  ).join('\n');
  const file = join(dir, 'fonts.css');
  writeAtomically(file, `${sheet}\n`);
  return file;
}

function writeAtomically(file: string, data: string | Buffer) {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}
