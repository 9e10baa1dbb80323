// The two handout pages in Chromium (issue 25): 0 axe-core violations for the standard and the large-print page,
// nothing requested but the page itself, and on the large-print page the notes at 18 points and each slide across
// the text width.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderHandoutPage } from '../../src/handout/render-handout-page.ts';
import { serveFolder, type Served } from '../../src/serve/serve-folder.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { ROOT } from '../data/talk-copy.ts';
import { launchChromium, watchedContext, type Browser } from './support/browser.ts';

// axe reads every slide of the page: generous limits, so a busy machine never trips them.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 180_000 });

let dir: string;
let server: Served;
let browser: Browser;
const files: Record<'standard' | 'large', string> = { standard: '', large: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'handout-page-'));
  const deck = await buildTalk(ROOT);
  for (const [key, largePrint] of [['standard', false], ['large', true]] as const) {
    const page = renderHandoutPage(deck, undefined, { largePrint });
    files[key] = page.fileName;
    writeFileSync(join(dir, page.fileName), page.source);
  }
  [server, browser] = await Promise.all([serveFolder(dir), launchChromium()]);
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['standard', 'large'] as const)('the %s handout page in a browser', (key) => {
  it('has 0 axe-core violations and loads nothing but itself', async () => {
    const { context, watch } = await watchedContext(browser, (u) => u.startsWith(`${server.origin}/`), { viewport: { width: 816, height: 1056 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${files[key]}`);
    const violations = (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    expect(violations).toEqual([]);
    expect(watch.requests).toEqual([`${server.url}${files[key]}`]);
    expect(watch.errors).toEqual([]);
    if (key === 'large') {
      await page.emulateMedia({ media: 'print' });
      const sizes = await page.evaluate(() => ({
        notes: parseFloat(getComputedStyle(document.querySelector('.notes p:not(.notes-label)')!).fontSize),
        thumb: document.querySelector('.thumb')!.getBoundingClientRect().width,
        main: document.querySelector('main')!.getBoundingClientRect().width,
      }));
      // 18 pt is 24 CSS px.
      expect(sizes.notes).toBeGreaterThanOrEqual(24);
      expect(sizes.thumb).toBeGreaterThanOrEqual(0.9 * Math.min(sizes.main, 7.27 * 96));
    }
    await context.close();
  });
});
