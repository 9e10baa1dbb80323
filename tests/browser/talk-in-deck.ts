// A talk's slides shown in the built deck (the same scripts, styles and fonts as the real deck) and measured in
// Chromium slide by slide: for tests that build other talks than the one the browser harness built.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../src/chromium/chromium.ts';
import { loadTalk } from '../../src/data/load-data.ts';
import { renderSections } from '../../src/deck/render-sections.ts';
import { buildDeck } from '../../src/slides/build-deck.ts';
import { serveFolder, waitForReveal, type Served } from './harness.ts';
import { measureSlide, textUnderControls } from './measure-slide.ts';
import { talkCharacters } from '../../src/fonts/characters.ts';
import { pagesWithoutFonts } from '../../src/vite/extra-pages.ts';
import { fontFaceCss, subsetTypeface } from '../../src/fonts/typeface.ts';
import { cspMeta, deckPolicy, replaceCspMeta } from '../../src/share/csp.ts';
import type { TalkModel } from '../../src/data/load-data.ts';
import type { TimedSlide } from '../../src/layout/slide.ts';

export const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 576 },
  { width: 1920, height: 1080 },
];

/**
 * The page's typeface cut to another talk's characters, as a build of that talk would cut it: the faces written into
 * the site's assets/, the page's @font-face rules replaced, and its policy given the new style sheet's hash. (The
 * harness built the deck for this talk; another talk's accents would otherwise fall back to another font.)
 */
async function withTypefaceOf(page: string, deck: { model: TalkModel; slides: TimedSlide[] }, site: string): Promise<string> {
  const typeface = await subsetTypeface(await talkCharacters(deck, await pagesWithoutFonts(deck)));
  for (const f of typeface.faces) writeFileSync(join(site, 'assets', f.fileName), f.woff2);
  const faces = fontFaceCss(typeface, (f) => `./assets/${f.fileName}`);
  const styles: string[] = [];
  let placed = false;
  const out = page.replace(/<style>([\s\S]*?)<\/style>/g, (_all, css: string) => {
    const cut = css.replace(/@font-face\s*\{[^}]*\}\n?/g, () => {
      if (placed) return '';
      placed = true;
      return faces;
    });
    styles.push(cut);
    return `<style>${cut}</style>`;
  });
  return replaceCspMeta(out, `${cspMeta(deckPolicy({ styles }))}\n`);
}

/** The built deck's index.html with its slides and language replaced: the same scripts, styles and fonts. */
function withSections(page: string, sections: string, lang: string): string {
  let depth = 0;
  let start = -1;
  let end = -1;
  let html: [number, number] | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'html') html = [parser.startIndex, parser.endIndex + 1];
      if (start < 0 && name === 'div' && attrs.class === 'slides') {
        start = parser.endIndex + 1;
        depth = 1;
      } else if (start >= 0 && end < 0 && name === 'div') depth++;
    },
    onclosetag(name) {
      if (start >= 0 && end < 0 && name === 'div' && --depth === 0) end = parser.startIndex;
    },
  });
  parser.end(page);
  if (start < 0 || end < 0 || !html) throw new Error('no <html> or <div class="slides"> in the built page');
  return `${page.slice(0, html[0])}<html lang="${lang}">${page.slice(html[1], start)}\n${sections}\n${page.slice(end)}`;
}

interface SlideFit {
  id: string;
  outside: string[];
  overlaps: string[];
  small: string[];
  underControls: string[];
}

/** Every slide of the page at one size: what lies outside it, text over text, and (at 1280×720) text under 24 px. */
async function measureAll(page: Page, checkSizes: boolean): Promise<SlideFit[]> {
  const count = await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
  const out: SlideFit[] = [];
  for (let i = 0; i < count; i++) {
    await page.evaluate(async (n) => {
      (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(n);
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    }, i);
    const layout = await page.evaluate(measureSlide);
    const small = checkSizes
      ? await page.evaluate(() => {
          const reveal = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement; getScale(): number } }).Reveal;
          const slide = reveal.getCurrentSlide();
          const found: string[] = [];
          const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!n.textContent?.trim() || !el || el.closest('aside.notes') || el.closest('.visually-hidden')) continue;
            const px = parseFloat(getComputedStyle(el).fontSize) * reveal.getScale();
            if (px < 23.95) found.push(`${el.tagName.toLowerCase()}.${el.className} "${n.textContent.trim().slice(0, 20)}" ${px.toFixed(1)} px`);
          }
          return found;
        })
      : [];
    out.push({ id: layout.id, outside: layout.outside, overlaps: layout.overlaps, small, underControls: await page.evaluate(textUnderControls) });
  }
  return out;
}

/** A copy of the built deck, served, and a Chromium, to show other talks' slides in it. */
export class TalkInDeck {
  private constructor(
    private readonly work: string,
    private readonly template: string,
    private readonly served: Served,
    private readonly browser: Browser,
  ) {}

  static async open(): Promise<TalkInDeck> {
    const work = mkdtempSync(join(tmpdir(), 'talk-in-deck-'));
    cpSync(inject('deckDir'), join(work, 'site'), { recursive: true });
    const template = readFileSync(join(work, 'site', 'index.html'), 'utf8');
    return new TalkInDeck(work, template, await serveFolder(join(work, 'site')), await launchChromium());
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.served.close();
    rmSync(this.work, { recursive: true, force: true });
  }

  /**
   * Builds the talk in `root`, shows its slides in the deck and measures every slide at each size; returns every
   * problem found (none is the goal), each naming the language, the size and the slide.
   */
  async problemsOf(root: string, sizes = SIZES): Promise<string[]> {
    const model = loadTalk({ root, cwd: root });
    const slides = await buildDeck(model);
    const lang = model.talk.lang;
    const site = join(this.work, 'site');
    writeFileSync(join(site, 'index.html'), await withTypefaceOf(withSections(this.template, renderSections(slides), lang), { model, slides }, site));
    const problems: string[] = [];
    for (const viewport of sizes) {
      const context = await this.browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${this.served.url}index.html`);
      await waitForReveal(page);
      const fits = await measureAll(page, viewport.width === 1280);
      await context.close();
      const ids = fits.map((f) => f.id).join(' ');
      if (ids !== slides.map((s) => s.id).join(' ')) problems.push(`the deck showed other slides than the talk made: ${ids}`);
      for (const f of fits) {
        const at = `${lang} ${viewport.width}×${viewport.height} ${f.id}`;
        problems.push(
          ...f.outside.map((o) => `${at}: outside the slide: ${o}`),
          ...f.overlaps.map((o) => `${at}: text over text: ${o}`),
          ...f.small.map((o) => `${at}: small text: ${o}`),
          ...f.underControls.map((o) => `${at}: text under the slide number or arrows: ${o}`),
        );
      }
    }
    return problems;
  }
}
