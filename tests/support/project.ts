// What many test files need, in one place: where the project is, which talk Vite builds, building a talk into a
// folder of the test's own (never dist/), and waiting for a deck page to be ready.
import { mkdirSync, rmSync } from 'node:fs';
import { builtFromFile } from '../../src/names/built-from.ts';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { LogLevel } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs `run` with DECK_TALK naming `talk` (the deck plugin reads it when Vite resolves its config), then puts
 * DECK_TALK back as it was, so no other test in the worker builds the wrong talk. No `talk`: DECK_TALK as it is.
 */
export async function withTalk<T>(talk: string | undefined, run: () => Promise<T>): Promise<T> {
  if (talk === undefined) return run();
  const before = process.env.DECK_TALK;
  process.env.DECK_TALK = talk;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.DECK_TALK;
    else process.env.DECK_TALK = before;
  }
}

/**
 * Builds a talk with the project's own Vite config into `outDir` and returns it: the project's talk, or the talk
 * folder `talk` names (as DECK_TALK does for `npm run build`). 'silent' for a build a test expects to fail.
 */
export async function buildDeckInto(outDir: string, talk?: string, logLevel: LogLevel = 'error'): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  // The folder is the test's own: whichever talk it held before, this build may replace it (a person's build refuses).
  rmSync(builtFromFile(outDir), { force: true });
  const { build } = await import('vite');
  await withTalk(talk, () => build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel, build: { outDir, emptyOutDir: true } }));
  return outDir;
}

/** Waits until Reveal has started on the page and its fonts are in. */
export async function waitForReveal(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout });
  await page.evaluate(() => document.fonts.ready);
}
