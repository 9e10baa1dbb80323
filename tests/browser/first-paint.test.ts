// The first slide paints from the page and its style sheet alone, where Reveal will put it: no jump when the
// script arrives, and a reader without JavaScript still sees the title and the link to the text version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeck, waitForReveal, type Deck } from './harness.ts';

let deck: Deck;
beforeAll(async () => {
  deck = await openDeck();
});
afterAll(() => deck?.close());

const SIZES = [
  [1280, 720],
  [1920, 1080],
  [1024, 576],
  [800, 600],
  [600, 900],
] as const;

type Box = { x: number; y: number; width: number; height: number };

/** The first slide's box and its heading's, as painted. */
function boxes(): { slide: Box; heading: Box; visible: boolean } {
  const slide = document.querySelector('.reveal .slides > section')!;
  const heading = slide.querySelector('h1')!;
  const box = (e: Element) => {
    const r = e.getBoundingClientRect();
    return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
  };
  return { slide: box(slide), heading: box(heading), visible: heading.checkVisibility() };
}

describe('the first slide before the script runs', () => {
  for (const [width, height] of SIZES) {
    it(`is laid out at ${width}×${height} exactly as Reveal then lays it out`, async () => {
      const before = await deck.browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
      const page = await before.newPage();
      await page.goto(deck.url);
      await page.evaluate(() => document.fonts.ready);
      const still = await page.evaluate(boxes);
      const text = await page.locator('.reveal .slides > section:first-child').innerText();
      // Only the first slide shows; the others wait for Reveal.
      const shown = await page.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].filter((s) => s.checkVisibility()).length);
      await before.close();

      const after = await deck.browser.newContext({ viewport: { width, height } });
      const live = await after.newPage();
      await live.goto(deck.url);
      await waitForReveal(live);
      const started = await live.evaluate(boxes);
      await after.close();

      expect(still.visible).toBe(true);
      expect(shown).toBe(1);
      expect(text).toContain('Text version of this talk');
      expect(still.slide.width).toBeGreaterThan(100);
      // Reveal's scroll view (very narrow windows) lays slides out its own way; elsewhere the boxes match (to 3 px:
      // Reveal rounds the window size before scaling).
      if (width >= 435) {
        for (const k of ['x', 'y', 'width', 'height'] as const) {
          expect(Math.abs(still.slide[k] - started.slide[k]), `slide ${k}`).toBeLessThanOrEqual(3);
          expect(Math.abs(still.heading[k] - started.heading[k]), `heading ${k}`).toBeLessThanOrEqual(3);
        }
      }
    });
  }
});
