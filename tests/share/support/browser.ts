// The share tests' browser: Debian's Chromium through playwright-core, watching every request a context makes.
// (tests/browser/harness.ts did not exist when these tests were written; this is the small one they need.)
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../../src/chromium/chromium.ts';

export { launchChromium };
export type { Browser, BrowserContext, Page };

export interface Watch {
  /** Every URL the context asked for, from every page, frame and popup, in order. */
  requests: string[];
  /** Requests that failed (refused ones included), with the reason. */
  failed: string[];
  /** Responses with an error status. */
  badStatus: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  /** Console messages about the Content-Security-Policy: any of them means the policy blocked something. */
  csp: string[];
}

/**
 * A fresh context in which only requests that `allow` accepts go out; every other one is refused (and still
 * recorded, so a test sees it).
 */
export async function watchedContext(
  browser: Browser,
  allow: (url: string) => boolean,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', ...options });
  const watch: Watch = { requests: [], failed: [], badStatus: [], errors: [], csp: [] };
  await context.route('**', (route) => (allow(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  context.on('request', (r) => watch.requests.push(r.url()));
  context.on('requestfailed', (r) => watch.failed.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
  context.on('response', (r) => {
    if (r.status() >= 400) watch.badStatus.push(`${r.status()} ${r.url()}`);
  });
  context.on('weberror', (e) => watch.errors.push(`page error: ${e.error().message}`));
  context.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) watch.csp.push(text);
    if (m.type() === 'error') watch.errors.push(`console: ${text}`);
  });
  return { context, watch };
}

interface RevealApi {
  isReady(): boolean;
  getTotalSlides(): number;
  slide(h: number, v?: number): void;
  getCurrentSlide(): HTMLElement;
  getIndices(): { h: number; v?: number };
}

export { waitForReveal } from '../../support/project.ts';
import { waitForReveal } from '../../support/project.ts';

export interface ShownSlide {
  index: number;
  id: string;
  shown: boolean;
  textLength: number;
}

/** Goes to every slide in turn with Reveal's API and reports what is on screen each time. */
export async function walkSlides(page: Page): Promise<ShownSlide[]> {
  await waitForReveal(page);
  return page.evaluate(async () => {
    const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
    const out: ShownSlide[] = [];
    for (let i = 0; i < reveal.getTotalSlides(); i++) {
      reveal.slide(i);
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const s = reveal.getCurrentSlide();
      const box = s.getBoundingClientRect();
      const style = getComputedStyle(s);
      const shown =
        s.classList.contains('present') &&
        style.display !== 'none' &&
        style.visibility !== 'hidden' &&
        Number(style.opacity) > 0 &&
        box.width > 100 &&
        box.height > 100 &&
        box.right > 0 &&
        box.bottom > 0 &&
        box.left < innerWidth &&
        box.top < innerHeight;
      out.push({ index: reveal.getIndices().h, id: s.id, shown, textLength: (s.innerText ?? '').trim().length });
    }
    return out;
  });
}

/** Web fonts that finished loading in the page, as "family weight". */
export async function loadedFonts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`);
  });
}
