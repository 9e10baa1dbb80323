// What many test files need, in one place: where the project is, building a talk into a folder of the test's own
// (never dist/), and waiting for a deck page to be ready.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds a talk with the project's own Vite config into `outDir` and returns it: the project's talk, or the talk
 * folder `talk` names (as DECK_TALK does for `npm run build`).
 */
export async function buildDeckInto(outDir: string, talk?: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const { build } = await import('vite');
  const before = process.env.DECK_TALK;
  if (talk !== undefined) process.env.DECK_TALK = talk;
  try {
    await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    if (talk !== undefined) {
      if (before === undefined) delete process.env.DECK_TALK;
      else process.env.DECK_TALK = before;
    }
  }
  return outDir;
}

/** Waits until Reveal has started on the page and its fonts are in. */
export async function waitForReveal(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout });
  await page.evaluate(() => document.fonts.ready);
}
