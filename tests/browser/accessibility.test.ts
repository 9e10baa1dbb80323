// Accessibility on every slide, for an audience with impaired vision and fatigue.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckPage, goTo, openDeck, type Deck } from './harness.ts';

let deck: Deck;
beforeAll(async () => {
  deck = await openDeck();
});
afterAll(() => deck?.close());

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

describe('axe-core on every slide', () => {
  it('reports no WCAG 2.2 A/AA or best-practice violation', async () => {
    const page = await deckPage(deck);
    const found: string[] = [];
    let checked = 0;
    for (let i = 0; i < deck.ids.length; i++) {
      await goTo(page, i);
      const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      // A run that checked nothing would also report no violation.
      if (result.passes.length < 10) found.push(`${deck.ids[i]}: axe checked only ${result.passes.length} rules`);
      checked += result.passes.length;
      for (const v of result.violations) found.push(`${deck.ids[i]}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    await page.context().close();
    console.log(`axe: ${deck.ids.length} slides, ${checked} rule passes, ${found.length} violations`);
    expect(found).toEqual([]);
  }, 300_000);
});

interface TextReport {
  id: string;
  lowest: { ratio: number; text: string };
  smallest: { px: number; text: string };
}

describe('reading every slide', () => {
  it('paints all text at 7:1 contrast or more, and none smaller than 24 px on the 1280×720 slide', async () => {
    const page = await deckPage(deck);
    const reports: TextReport[] = [];
    for (let i = 0; i < deck.ids.length; i++) {
      await goTo(page, i);
      reports.push(await page.evaluate(measureText));
    }
    await page.context().close();
    const lowest = Math.min(...reports.map((r) => r.lowest.ratio));
    const smallest = Math.min(...reports.map((r) => r.smallest.px));
    console.log(`lowest contrast ${lowest.toFixed(2)}:1, smallest text ${smallest}px over ${reports.length} slides`);
    for (const r of reports) {
      expect(r.lowest.ratio, `${r.id}: "${r.lowest.text}"`).toBeGreaterThanOrEqual(7);
      expect(r.smallest.px, `${r.id}: "${r.smallest.text}"`).toBeGreaterThanOrEqual(24);
    }
  }, 120_000);

  it('uses Atkinson Hyperlegible, loaded from the deck itself', async () => {
    const page = await deckPage(deck);
    const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`));
    expect(fonts.some((f) => /Atkinson Hyperlegible.* 400/.test(f))).toBe(true);
    expect(fonts.some((f) => /Atkinson Hyperlegible.* 700/.test(f))).toBe(true);
    const family = await page.evaluate(() => getComputedStyle(document.querySelector('.reveal section.present p, .reveal section.present li')!).fontFamily);
    expect(family).toMatch(/^"?Atkinson Hyperlegible/);
    await page.context().close();
  });
});

describe('structure', () => {
  it('sets the language, keeps headings in order, gives every picture a text alternative and underlines links', async () => {
    const page = await deckPage(deck);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      for (const slide of document.querySelectorAll<HTMLElement>('.reveal .slides > section')) {
        const levels = [...slide.querySelectorAll('h1, h2, h3, h4')].filter((h) => !h.closest('aside.notes')).map((h) => Number(h.tagName[1]));
        if (levels.length === 0) out.push(`${slide.id}: no heading`);
        levels.forEach((l, i) => {
          if (i > 0 && l > levels[i - 1]! + 1) out.push(`${slide.id}: heading h${l} after h${levels[i - 1]}`);
        });
        for (const svg of slide.querySelectorAll('svg, img')) {
          const named = svg.getAttribute('aria-label') || svg.getAttribute('alt') || svg.querySelector('title')?.textContent;
          if (!named && svg.getAttribute('aria-hidden') !== 'true') out.push(`${slide.id}: picture without a text alternative`);
        }
      }
      return out;
    });
    expect(problems).toEqual([]);

    // Links are underlined on every slide (not told apart by colour alone).
    const notUnderlined: string[] = [];
    for (let i = 0; i < deck.ids.length; i++) {
      await goTo(page, i);
      notUnderlined.push(
        ...(await page.evaluate(() =>
          [...document.querySelectorAll('.reveal section.present a')]
            .filter((a) => !getComputedStyle(a).textDecorationLine.includes('underline'))
            .map((a) => a.textContent ?? ''),
        )),
      );
    }
    expect(notUnderlined).toEqual([]);
    await page.context().close();
  });

  it('announces each slide to screen readers through a live region', async () => {
    const page = await deckPage(deck);
    const live = page.locator('.reveal .aria-status');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => live.textContent()).toContain('Thank you');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => live.textContent()).toContain('Special thanks');
    await page.context().close();
  });

  it('runs no animation or transition when the reader asks for reduced motion', async () => {
    const page = await deckPage(deck, { reducedMotion: 'reduce' });
    for (const key of ['ArrowRight', 'ArrowRight', 'Escape', 'Escape', 'End']) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.getAnimations().length), key).toBe(0);
    }
    const durations = await page.evaluate(() =>
      [...document.querySelectorAll('.reveal *')].map((e) => getComputedStyle(e)).filter((s) => parseFloat(s.transitionDuration) > 0 || s.animationName !== 'none').length,
    );
    expect(durations).toBe(0);
    await page.context().close();
  });
});

/** Runs in the page: the lowest painted contrast and the smallest font size on the current slide. */
function measureText(): TextReport {
  const slide = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide();
  const parse = (c: string): [number, number, number, number] => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
  };
  const over = (top: number[], bottom: number[]) => top.slice(0, 3).map((v, i) => v * top[3]! + bottom[i]! * (1 - top[3]!)).concat(1);
  const background = (e: Element | null): number[] => {
    const layers: number[][] = [];
    for (let n = e; n; n = n.parentElement) {
      const bg = parse(getComputedStyle(n).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] === 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = (c: number[]) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  let lowest = { ratio: Infinity, text: '' };
  let smallest = { px: Infinity, text: '' };
  const check = (el: Element, text: string) => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || el.closest('aside.notes, .visually-hidden')) return;
    const bg = background(el);
    const fg = over(parse(s.color), bg);
    const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    const ratio = (a! + 0.05) / (b! + 0.05);
    if (ratio < lowest.ratio) lowest = { ratio, text };
    const px = parseFloat(s.fontSize);
    if (px < smallest.px) smallest = { px, text };
  };
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').trim();
    if (text && n.parentElement) check(n.parentElement, text.slice(0, 30));
  }
  // The slide number sits outside the slide but is read out by the presenter: it counts too.
  const number = document.querySelector('.reveal .slide-number a, .reveal .slide-number span');
  if (number) check(number, 'slide number');
  return { id: slide.id, lowest, smallest };
}
