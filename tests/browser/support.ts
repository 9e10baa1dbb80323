// What the deck's browser tests share: one build, one static server, one Chromium.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../src/share/chromium.ts';
import { buildInto, type Built } from '../share/support/build.ts';
import { serveFolder, type Served } from '../share/support/server.ts';

export interface Deck {
  built: Built;
  served: Served;
  browser: Browser;
  ids: string[];
  close(): Promise<void>;
}

export async function openDeck(name: string): Promise<Deck> {
  const built = await buildInto(name);
  const served = await serveFolder(built.dir);
  const browser = await launchChromium();
  return {
    built,
    served,
    browser,
    ids: built.deck.slides.map((s) => s.id),
    async close() {
      await browser.close();
      await served.close();
    },
  };
}

export async function deckPage(deck: Deck, options: BrowserContextOptions = {}, hash = ''): Promise<Page> {
  const context = await deck.browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  await page.goto(deck.served.url + hash);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** Moves to slide `index` and waits for two frames, so layout and the slide number have settled. */
export async function goTo(page: Page, index: number): Promise<void> {
  await page.evaluate(async (i) => {
    (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(i);
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  }, index);
}

export async function currentId(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().id);
}
