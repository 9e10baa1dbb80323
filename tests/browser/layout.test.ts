// Every slide at three screen sizes: nothing outside the slide, no text on text, nothing scrolls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckPage, goTo, normaliseSlideNumber, openDeck, type Deck } from './harness.ts';
import { measureSlide, textUnderControls, type LayoutReport } from './measure-slide.ts';

let deck: Deck;
beforeAll(async () => {
  deck = await openDeck();
});
afterAll(() => deck?.close());

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 576 },
];

describe.each(SIZES)('every slide at $width×$height', (viewport) => {
  it('stays inside the slide, has no overlapping text, does not scroll, and shows "n / total"', async () => {
    const page = await deckPage(deck, { viewport });
    const reports: LayoutReport[] = [];
    const underControls: string[] = [];
    for (let i = 0; i < deck.ids.length; i++) {
      await goTo(page, i);
      reports.push(await page.evaluate(measureSlide));
      reports.at(-1)!.number = normaliseSlideNumber(reports.at(-1)!.number);
      underControls.push(...(await page.evaluate(textUnderControls)).map((t) => `${deck.ids[i]}: ${t}`));
    }
    await page.context().close();

    expect(reports.map((r) => r.id)).toEqual(deck.ids);
    for (const [i, r] of reports.entries()) {
      expect(r.outside, `${r.id}: elements outside the slide`).toEqual([]);
      expect(r.overlaps, `${r.id}: text over text`).toEqual([]);
      expect(r.scrolls, `${r.id}: scrolling boxes`).toEqual([]);
      expect(r.number, `${r.id}: slide number`).toBe(`${i + 1} / ${deck.ids.length}`);
    }
    // The slide number and the arrows sit over the slide's bottom right corner: no text may run under them.
    expect(underControls).toEqual([]);
  }, 180_000);
});

describe('the layout check itself', () => {
  it('catches text pushed off the slide and text laid over text', async () => {
    const page = await deckPage(deck);
    await goTo(page, deck.ids.indexOf('why-this-talk'));
    await page.evaluate(() => {
      const slide = document.querySelector('section.present')!;
      const long = document.createElement('p');
      long.textContent = 'A very long line of words that keeps going. '.repeat(40);
      slide.append(long);
      const over = document.createElement('p');
      over.textContent = 'Laid over the heading';
      over.style.cssText = 'position:absolute;top:40px;left:70px;margin:0';
      slide.append(over);
    });
    const r = await page.evaluate(measureSlide);
    expect(r.outside.length).toBeGreaterThan(0);
    expect(r.overlaps.length).toBeGreaterThan(0);
    await page.context().close();
  });
});
