// The dev server's quick update (`npm run dev`): when a file of the talk is saved, the server sends the new slides
// and this puts them in place of the old ones and tells Reveal, staying on the slide that was showing (by its id,
// else its place). No reload: the page keeps its script, its typeface and the speaker view's window. A talk whose
// language changed reloads, since the page's own words are in the old language. Loaded only on the dev server.
import type Reveal from 'reveal.js';
import { PANEL_ID } from './dev-problems.ts';

export interface NewSlides {
  /** The slides' HTML, as the server renders it into the page (with their notes). */
  slides: string;
  title: string;
  lang: string;
}

type Deck = InstanceType<typeof Reveal>;

export function showSlides(deck: Deck, { slides, title, lang }: NewSlides): void {
  document.getElementById(PANEL_ID)?.remove();
  if (lang !== document.documentElement.lang) {
    location.reload();
    return;
  }
  const showing = deck.getCurrentSlide()?.id;
  const { h, v } = deck.getIndices();
  const container = deck.getSlidesElement();
  if (!container) return;
  // The server's own rendering of the talk's slides, parsed by the browser as the page's were.
  container.innerHTML = slides;
  document.title = title;
  deck.sync();
  const same = showing ? document.getElementById(showing) : null;
  if (same) {
    const at = deck.getIndices(same);
    deck.slide(at.h, at.v);
  } else deck.slide(Math.min(h, deck.getTotalSlides() - 1), v);
  window.dispatchEvent(new CustomEvent('deck:refreshed'));
}
