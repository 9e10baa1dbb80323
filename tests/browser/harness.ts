// The browser tests' harness.
//
// Two halves in one module:
// - the default export is the browser project's vitest globalSetup (see vitest.config.ts): it builds the deck
//   once with Vite's build() API into .tmp/browser-dist (never touching dist/), starts Vite's preview() API
//   on 127.0.0.1 on a free port, hands the address to the tests with `provide`, and closes the server in
//   teardown. (Killing `npx vite preview` would leave its server running; the API closes it for sure.)
// - the named exports are what the test files use: a Chromium per file, a page on the deck, moving between
//   slides, and `serveDeck(prefix)` to serve the same build under a sub-path (as a web host would).
//
// Chromium is always Debian's (or $CHROME_PATH), started by playwright-core with executablePath; nothing ever
// downloads a browser. When it is missing the tests fail with the command to install it; they are never skipped.
import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { inject } from 'vitest';
import { chromiumPath, launchChromium } from '../../src/chromium/chromium.ts';
import { serveFolder, type Served } from '../../src/serve/serve-folder.ts';

export { CHROMIUM_ARGS, chromiumPath } from '../../src/chromium/chromium.ts';
export { serveFolder, type Served };

import { ROOT } from '../support/project.ts';
const OUT_DIR = resolve(ROOT, '.tmp', 'browser-dist');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built deck is served, e.g. http://127.0.0.1:41234/ (ends with a slash). */
    deckUrl: string;
    /** The folder the deck was built into. */
    deckDir: string;
    /** The slides' ids, in order, as the generator made them. */
    slideIds: string[];
  }
}

// ---------------------------------------------------------------------------------------------------------
// globalSetup (runs once, in vitest's main process, before any browser test file)

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Fail at once, before building, if there is no browser: with the command that installs one.
  chromiumPath();
  const { build, preview } = await import('vite');
  const { buildTalk } = await import('../../src/deck/build-talk.ts');
  const started = Date.now();
  await build({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: OUT_DIR, emptyOutDir: true },
  });
  const server = await preview({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not start on a TCP port');
  const deckUrl = `http://127.0.0.1:${address.port}/`;
  const { slides } = await buildTalk(ROOT);
  project.provide('deckUrl', deckUrl);
  project.provide('deckDir', OUT_DIR);
  project.provide('slideIds', slides.map((s) => s.id));
  console.log(`browser tests: deck built and served at ${deckUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return async () => {
    await server.close();
  };
}

// ---------------------------------------------------------------------------------------------------------
// For the test files

export interface Deck {
  /** The deck's address: http://127.0.0.1:<port>/ */
  url: string;
  /** The folder holding the built deck. */
  dir: string;
  /** The slides' ids, in order. */
  ids: string[];
  browser: Browser;
  close(): Promise<void>;
}

/** The deck the globalSetup built and serves, and a Chromium of this test file's own. */
export async function openDeck(): Promise<Deck> {
  const browser = await launchChromium();
  return {
    url: inject('deckUrl'),
    dir: inject('deckDir'),
    ids: inject('slideIds'),
    browser,
    close: () => browser.close(),
  };
}

/** Serves the built deck under `prefix` (such as '/talks/ms-massage/') from a small node:http server. */
export function serveDeck(prefix = '/'): Promise<Served> {
  return serveFolder(inject('deckDir'), prefix);
}

interface RevealApi {
  isReady(): boolean;
  slide(h: number, v?: number): void;
  getCurrentSlide(): HTMLElement;
  getScale(): number;
  isOverview(): boolean;
}

/** A new context and page on the deck (1280×720 unless told), once Reveal is ready and the fonts are in. */
export async function deckPage(deck: Deck, options: BrowserContextOptions = {}, hash = '', url = deck.url): Promise<Page> {
  const context = await deck.browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  await page.goto(url + hash);
  await waitForReveal(page);
  return page;
}

export { waitForReveal } from '../support/project.ts';
import { waitForReveal } from '../support/project.ts';

/** Moves to slide `index` and waits for two frames, so layout and the slide number have settled. */
export async function goTo(page: Page, index: number): Promise<void> {
  await page.evaluate(async (i) => {
    (window as unknown as { Reveal: RevealApi }).Reveal.slide(i);
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  }, index);
}

export async function currentId(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.getCurrentSlide().id);
}

export async function isOverview(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.isOverview());
}

/** The slide number as shown, whitespace normalised: "3 / 36". */
export async function slideNumber(page: Page): Promise<string> {
  const text = await page.evaluate(() => document.querySelector('.reveal .slide-number')?.textContent ?? '');
  return normaliseSlideNumber(text);
}

export function normaliseSlideNumber(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\s*\/\s*/, ' / ').trim();
}
