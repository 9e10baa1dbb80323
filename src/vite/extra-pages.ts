// Other pages the build writes from the same slides, one line per page. The text version and the handout carry the
// typeface cut to the talk's characters, inlined.
import type { BuiltDeck } from '../deck/build-talk.ts';

export interface ExtraPage {
  fileName: string;
  source: string | Uint8Array;
}

/** The pages made from the deck besides its slides, without fonts: what the typeface must also hold. */
export async function pagesWithoutFonts(deck: BuiltDeck): Promise<string[]> {
  const [{ renderTextPage }, { renderHandoutPage }] = await Promise.all([import('../share/render-text-page.ts'), import('../handout/render-handout-page.ts')]);
  return [renderTextPage(deck, '').source, renderHandoutPage(deck, '').source, renderHandoutPage(deck, '', { largePrint: true }).source];
}

/** The typeface cut to the deck's characters, made once per build for the three pages that carry it. */
const cut = new WeakMap<BuiltDeck, Promise<string>>();
const fontFaces = (deck: BuiltDeck): Promise<string> => {
  let faces = cut.get(deck);
  if (!faces) {
    faces = (async () => {
      const [{ inlineFontFaces }, { deckTypeface }] = await Promise.all([import('../share/fonts.ts'), import('../fonts/characters.ts')]);
      return inlineFontFaces(await deckTypeface(deck, await pagesWithoutFonts(deck)));
    })();
    cut.set(deck, faces);
  }
  return faces;
};

export const EXTRA_PAGES: Array<(deck: BuiltDeck) => ExtraPage | Promise<ExtraPage>> = [
  async (deck) => (await import('../share/render-text-page.ts')).renderTextPage(deck, await fontFaces(deck)),
  async (deck) => (await import('../handout/render-handout-page.ts')).renderHandoutPage(deck, await fontFaces(deck)),
  async (deck) => (await import('../handout/render-handout-page.ts')).renderHandoutPage(deck, await fontFaces(deck), { largePrint: true }),
  (deck) => import('../share/render-provenance-page.ts').then((m) => m.renderProvenancePage(deck)),
  // The references for a citation manager, when the talk has studies: RIS, then CSL-JSON.
  ...([0, 1] as const).map((i) => async (deck: BuiltDeck) => (await import('../share/reference-files.ts')).referenceFiles(deck.model)[i]),
];
