// Other pages the build writes from the same slides, one line per page.
import type { BuiltDeck } from './deck-plugin.ts';

export interface ExtraPage {
  fileName: string;
  source: string | Uint8Array;
}

export const EXTRA_PAGES: Array<(deck: BuiltDeck) => ExtraPage | Promise<ExtraPage>> = [
  (deck) => import('../share/render-text-page.ts').then((m) => m.renderTextPage(deck)),
  (deck) => import('../handout/render-handout-page.ts').then((m) => m.renderHandoutPage(deck)),
  (deck) => import('../share/render-provenance-page.ts').then((m) => m.renderProvenancePage(deck)),
];
