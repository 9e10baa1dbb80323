// Accessibility on every slide, for an audience with impaired vision and fatigue, watching a screen share.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckPage, goTo, openDeck, waitForReveal, type Deck } from './harness.ts';

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
    let passes = 0;
    for (let i = 0; i < deck.ids.length; i++) {
      await goTo(page, i);
      // The deck has no frames, so axe.run in the page (legacy mode) checks exactly what runPartial + finishRun
      // would, without opening a blank page per run (three times faster over 36 slides). With frames, the default.
      const result = await new AxeBuilder({ page })
        .withTags(AXE_TAGS)
        .setLegacyMode(page.frames().length === 1)
        .options({ resultTypes: ['violations'] })
        .analyze();
      // A run that checked nothing would also report no violation.
      if (result.passes.length < 10) found.push(`${deck.ids[i]}: axe passed only ${result.passes.length} rules`);
      passes += result.passes.length;
      for (const v of result.violations) {
        found.push(`${deck.ids[i]}: ${v.id} [${v.impact}] ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      }
    }
    await page.context().close();
    console.log(`axe: ${deck.ids.length} slides, ${passes} rule passes, ${found.length} violations`);
    expect(found).toEqual([]);
  }, 600_000);
});

interface TextReport {
  id: string;
  texts: number;
  lowest: { ratio: number; text: string };
  smallest: { px: number; text: string };
  unknownBackground: string[];
  /** Reveal's scale of the slide in the window. */
  scale: number;
}

describe('reading every slide', () => {
  it('paints all text at 7:1 contrast or more, and none smaller than 24 px as displayed in a 1280×720 window, after Reveal\'s scaling', async () => {
    const page = await deckPage(deck);
    const reports: TextReport[] = [];
    for (let i = 0; i < deck.ids.length; i++) {
      await goTo(page, i);
      reports.push(await page.evaluate(measureText));
    }
    await page.context().close();
    const lowest = reports.reduce((a, b) => (b.lowest.ratio < a.lowest.ratio ? b : a));
    const smallest = reports.reduce((a, b) => (b.smallest.px < a.smallest.px ? b : a));
    console.log(
      `text: ${reports.reduce((n, r) => n + r.texts, 0)} text nodes on ${reports.length} slides; ` +
        `lowest contrast ${lowest.lowest.ratio.toFixed(2)}:1 (${lowest.id}: "${lowest.lowest.text}"), ` +
        `smallest text ${smallest.smallest.px.toFixed(1)} px (${smallest.id}: "${smallest.smallest.text}")`,
    );
    for (const r of reports) {
      expect(r.texts, `${r.id}: no text found`).toBeGreaterThan(0);
      expect(r.unknownBackground, `${r.id}: text over a background image`).toEqual([]);
      expect(r.lowest.ratio, `${r.id}: "${r.lowest.text}"`).toBeGreaterThanOrEqual(7);
      // The window is the slide's own size, yet Reveal shows it a little smaller (its margin): sizes below are as shown.
      expect(r.scale, `${r.id}: Reveal's scale`).toBeCloseTo(0.96, 2);
      expect(r.smallest.px, `${r.id}: "${r.smallest.text}"`).toBeGreaterThanOrEqual(24 - 0.05);
    }
  }, 300_000);

  it('draws every glyph in Atkinson Hyperlegible, served by the deck itself, and asks nothing of any other host', async () => {
    const context = await deck.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    await page.goto(deck.url);
    await waitForReveal(page);

    const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`));
    expect(faces).toContain('Atkinson Hyperlegible 400');
    expect(faces).toContain('Atkinson Hyperlegible 700');

    // What the renderer actually drew with, per element, from Chromium's own record (CSS.getPlatformFontsForNode).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const used = new Map<string, number>();
    const wrong: string[] = [];
    for (let i = 0; i < deck.ids.length; i++) {
      await goTo(page, i);
      const marked = await page.evaluate(markTextElements);
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-check]' });
      expect(nodeIds.length, `${deck.ids[i]}: elements with text`).toBe(marked);
      for (const nodeId of nodeIds) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const f of fonts) {
          if (f.glyphCount === 0) continue;
          used.set(f.familyName, (used.get(f.familyName) ?? 0) + f.glyphCount);
          if (!/^Atkinson Hyperlegible/.test(f.familyName) || !f.isCustomFont) {
            const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
            wrong.push(`${deck.ids[i]}: ${f.glyphCount} glyphs in ${f.familyName} (${f.isCustomFont ? 'web font' : 'system font'}): ${outerHTML.slice(0, 100)}`);
          }
        }
      }
      await page.evaluate(() => document.querySelectorAll('[data-font-check]').forEach((e) => e.removeAttribute('data-font-check')));
    }
    await cdp.detach();
    console.log(`fonts drawn: ${[...used].map(([family, glyphs]) => `${family} (${glyphs} glyphs)`).join(', ')}`);
    expect(wrong).toEqual([]);

    const origin = new URL(deck.url).origin;
    const elsewhere = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
    expect(requests.length).toBeGreaterThan(3);
    expect(elsewhere).toEqual([]);
    expect(requests.filter((u) => /\.woff2?(\?|$)/.test(u)).length).toBeGreaterThan(0);
    await page.context().close();
  }, 300_000);
});

describe('structure', () => {
  it('sets the language, keeps headings in order, gives every picture a text alternative and underlines links', async () => {
    const page = await deckPage(deck);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^en\b/);
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      for (const slide of document.querySelectorAll<HTMLElement>('.reveal .slides > section')) {
        const levels = [...slide.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => !h.closest('aside.notes')).map((h) => Number(h.tagName[1]));
        if (levels.length === 0) out.push(`${slide.id}: no heading`);
        else if (levels[0]! > 2) out.push(`${slide.id}: first heading is h${levels[0]}`);
        levels.forEach((l, i) => {
          if (i > 0 && l > levels[i - 1]! + 1) out.push(`${slide.id}: heading h${l} after h${levels[i - 1]}`);
        });
        for (const pic of slide.querySelectorAll('svg, img, canvas, picture, object, [role="img"]')) {
          // Decoration hidden from screen readers inside the slide (Reveal hides whole slides that are not shown).
          const hidden = pic.closest('[aria-hidden="true"]');
          if (hidden && hidden !== slide && slide.contains(hidden)) continue;
          if (pic.parentElement?.closest('svg')) continue; // parts of a drawing
          const labelledBy = pic.getAttribute('aria-labelledby');
          const name =
            pic.getAttribute('aria-label') ||
            (labelledBy && labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ')) ||
            (pic.tagName === 'IMG' && pic.getAttribute('alt') !== null ? pic.getAttribute('alt') || 'alt=""' : '') ||
            pic.querySelector(':scope > title')?.textContent;
          if (!name?.trim()) out.push(`${slide.id}: ${pic.tagName.toLowerCase()} without a text alternative`);
        }
      }
      return out;
    });
    expect(problems).toEqual([]);

    // Links are told apart by more than colour (underlined) on every slide.
    const notUnderlined: string[] = [];
    for (let i = 0; i < deck.ids.length; i++) {
      await goTo(page, i);
      notUnderlined.push(
        ...(await page.evaluate(() =>
          [...document.querySelectorAll('.reveal section.present a[href]')]
            .filter((a) => !a.closest('aside.notes'))
            .filter((a) => !getComputedStyle(a).textDecorationLine.includes('underline'))
            .map((a) => `${(a.closest('section') as HTMLElement).id}: ${a.textContent ?? ''}`),
        )),
      );
    }
    expect(notUnderlined).toEqual([]);
    await page.context().close();
  });

  it("announces each slide to screen readers through Reveal's live region", async () => {
    const page = await deckPage(deck);
    const live = page.locator('.reveal .aria-status');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    const said: string[] = [];
    for (let i = 1; i < deck.ids.length; i++) {
      await page.keyboard.press('ArrowRight');
      // Reveal reads the slide out element by element, with spaces and full stops between them; compared
      // without those, the announcement holds the slide's heading.
      const bare = (t: string) => t.replace(/[\s.]+/g, '');
      const heading = await page.evaluate((id) => document.getElementById(id)?.querySelector('h1, h2')?.textContent ?? '', deck.ids[i]!);
      expect(bare(heading), `${deck.ids[i]}: heading`).not.toBe('');
      await expect
        .poll(async () => bare((await live.textContent()) ?? ''), { message: `${deck.ids[i]}: live region` })
        .toContain(bare(heading));
      said.push(heading);
    }
    expect(said).toHaveLength(deck.ids.length - 1);
    await page.context().close();
  });

  it('runs no animation or transition when the reader asks for reduced motion', async () => {
    const page = await deckPage(deck, { reducedMotion: 'reduce' });
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    const running = () => page.evaluate(() => document.getAnimations().map((a) => (a as CSSAnimation).animationName ?? (a as CSSTransition).transitionProperty ?? a.id));
    for (const key of ['ArrowRight', 'ArrowRight', 'Space', 'ArrowLeft', 'Escape', 'ArrowRight', 'Escape', 'End', 'Home']) {
      await page.keyboard.press(key);
      expect(await running(), key).toEqual([]);
    }
    for (let i = 0; i < deck.ids.length; i++) {
      await goTo(page, i);
      expect(await running(), deck.ids[i]).toEqual([]);
    }
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((e) => {
          const s = getComputedStyle(e);
          const long = (v: string) => v.split(',').some((d) => parseFloat(d) > 0);
          return (long(s.transitionDuration) && s.transitionProperty !== 'none') || (s.animationName !== 'none' && long(s.animationDuration));
        })
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
    );
    expect(moving).toEqual([]);
    await page.context().close();
  });
});

/** Runs in the page: marks the visible elements on the current slide (and the slide number) that hold text. */
function markTextElements(): number {
  const slide = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide();
  const roots = [slide, document.querySelector('.reveal .slide-number')].filter((e): e is HTMLElement => e !== null);
  let n = 0;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const e = t.parentElement;
      if (!t.textContent?.trim() || !e || e.closest('aside.notes') || e.hasAttribute('data-font-check')) continue;
      if (!e.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      e.setAttribute('data-font-check', '');
      n++;
    }
  }
  return n;
}

/**
 * Runs in the page: for every visible text node on the current slide, and the slide number, the contrast of its
 * painted colour against the colour painted behind it, and its font size as drawn on the 1280×720 slide.
 */
function measureText(): TextReport {
  const reveal = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement; getScale(): number } }).Reveal;
  const slide = reveal.getCurrentSlide();
  type RGBA = [number, number, number, number];
  const parse = (c: string): RGBA => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) throw new Error(`unexpected colour ${c}`);
    const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map((v) => (v.endsWith('%') ? parseFloat(v) / 100 : Number(v)));
    return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
  };
  // `top` (with alpha) painted over the opaque `bottom`.
  const over = (top: RGBA, bottom: RGBA): RGBA => [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as RGBA;
  const unknownBackground: string[] = [];
  // The colour painted behind `e`: its and its ancestors' backgrounds, composited from the canvas (white) up.
  // Opacity below the opaque layer fades the text and the layers above it alike, so it is applied to the text.
  const behind = (e: Element, label: string): { colour: RGBA; fade: number } => {
    const layers: RGBA[] = [];
    let fade = 1;
    for (let n: Element | null = e; n; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.backgroundImage !== 'none') unknownBackground.push(`${label}: ${s.backgroundImage.slice(0, 60)}`);
      const bg = parse(s.backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] === 1) break;
      fade *= Number(s.opacity);
    }
    let colour: RGBA = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return { colour, fade };
  };
  const luminance = (c: RGBA) => {
    const [r, g, b] = [c[0], c[1], c[2]].map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  // How much the element is scaled on screen (Reveal's scale, and any transform or SVG viewBox inside the slide).
  const screenScale = (e: Element): number => {
    if (e instanceof SVGGraphicsElement) {
      const m = e.getScreenCTM();
      return m ? Math.hypot(m.a, m.b) : 1;
    }
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;left:0;top:0;display:block;width:1000px;height:0;margin:0;padding:0;border:0;visibility:hidden';
    e.append(probe);
    const scale = probe.getBoundingClientRect().width / 1000;
    probe.remove();
    return scale;
  };
  const revealScale = reveal.getScale();
  let lowest = { ratio: Infinity, text: '' };
  let smallest = { px: Infinity, text: '' };
  let texts = 0;
  const roots = [slide, document.querySelector('.reveal .slide-number')].filter((e): e is HTMLElement => e !== null);
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement;
      const text = (t.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      if (!text || !el || el.closest('aside.notes')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      // Text clipped to 1px for screen readers only is not painted.
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      texts++;
      const s = getComputedStyle(el);
      const { colour: bg, fade } = behind(el, text);
      const fgRaw = parse(s.color);
      const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * fade], bg);
      const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      if (ratio < lowest.ratio) lowest = { ratio, text };
      // As drawn on the screen: Reveal's scale included (0.96 at 1280×720), since that is what a reader sees.
      const px = parseFloat(s.fontSize) * screenScale(el);
      if (px < smallest.px) smallest = { px, text };
    }
  }
  return { id: slide.id, texts, lowest, smallest, unknownBackground, scale: revealScale };
}
