// Every slide at three screen sizes: nothing outside the slide, no text on text, nothing scrolls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckPage, goTo, normaliseSlideNumber, openDeck, type Deck } from './harness.ts';

let deck: Deck;
beforeAll(async () => {
  deck = await openDeck();
});
afterAll(() => deck?.close());

interface LayoutReport {
  id: string;
  outside: string[];
  overlaps: string[];
  scrolls: string[];
  number: string;
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 576 },
];

describe.each(SIZES)('every slide at $width×$height', (viewport) => {
  it('stays inside the slide, has no overlapping text, does not scroll, and shows "n / total"', async () => {
    const page = await deckPage(deck, { viewport });
    const reports: LayoutReport[] = [];
    for (let i = 0; i < deck.ids.length; i++) {
      await goTo(page, i);
      reports.push(await page.evaluate(measureSlide));
      reports.at(-1)!.number = normaliseSlideNumber(reports.at(-1)!.number);
    }
    await page.context().close();

    expect(reports.map((r) => r.id)).toEqual(deck.ids);
    for (const [i, r] of reports.entries()) {
      expect(r.outside, `${r.id}: elements outside the slide`).toEqual([]);
      expect(r.overlaps, `${r.id}: text over text`).toEqual([]);
      expect(r.scrolls, `${r.id}: scrolling boxes`).toEqual([]);
      expect(r.number, `${r.id}: slide number`).toBe(`${i + 1} / ${deck.ids.length}`);
    }
  }, 180_000);
});

/** Runs in the page: checks the current slide's boxes against the slide's own box. */
function measureSlide(): LayoutReport {
  const reveal = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal;
  const slide = reveal.getCurrentSlide();
  const box = slide.getBoundingClientRect();
  const name = (e: Element) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
  const visible = (e: Element) => {
    const s = getComputedStyle(e);
    return s.display !== 'none' && s.visibility !== 'hidden' && !e.closest('aside.notes') && !e.closest('.visually-hidden');
  };
  const outside: string[] = [];
  const scrolls: string[] = [];
  for (const e of [slide, ...slide.querySelectorAll('*')]) {
    if (!visible(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const tol = 1;
    if (r.left < box.left - tol || r.top < box.top - tol || r.right > box.right + tol || r.bottom > box.bottom + tol) outside.push(name(e));
    if (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1) {
      const s = getComputedStyle(e);
      if (s.overflow !== 'visible' || e === slide) scrolls.push(`${name(e)} ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}`);
    }
  }
  // Each line of text as a box; boxes of different text nodes must not overlap.
  const lines: { node: Text; r: DOMRect }[] = [];
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!n.data.trim() || !n.parentElement || !visible(n.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) lines.push({ node: n, r });
  }
  const overlaps: string[] = [];
  for (let a = 0; a < lines.length; a++) {
    for (let b = a + 1; b < lines.length; b++) {
      const A = lines[a]!;
      const B = lines[b]!;
      if (A.node === B.node) continue;
      const w = Math.min(A.r.right, B.r.right) - Math.max(A.r.left, B.r.left);
      const h = Math.min(A.r.bottom, B.r.bottom) - Math.max(A.r.top, B.r.top);
      // Glyph boxes of neighbouring lines may touch by a pixel or two; real overlap is larger.
      if (w > 2 && h > 4) overlaps.push(`"${A.node.data.trim().slice(0, 25)}" / "${B.node.data.trim().slice(0, 25)}"`);
    }
  }
  // The page itself does not scroll either.
  const page = document.scrollingElement ?? document.documentElement;
  if (page.scrollHeight > innerHeight + 1 || page.scrollWidth > innerWidth + 1 || scrollX !== 0 || scrollY !== 0) {
    scrolls.push(`page ${page.scrollWidth}x${page.scrollHeight} in ${innerWidth}x${innerHeight}`);
  }
  const number = document.querySelector('.reveal .slide-number')?.textContent ?? '';
  return { id: slide.id, outside, overlaps, scrolls, number };
}

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
