// The provenance page in Chromium: 0 axe-core violations in light and dark schemes, nothing requested but the page
// itself, nothing its policy blocks, and each check's two sides side by side on a wide screen, one above the
// other on a phone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderProvenancePage } from '../../src/share/render-provenance-page.ts';
import { serveFolder, type Served } from '../../src/serve/serve-folder.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { ROOT } from '../data/talk-copy.ts';
import { launchChromium, watchedContext, type Browser } from './support/browser.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let dir: string;
let file: string;
let server: Served;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'provenance-'));
  const page = renderProvenancePage(await buildTalk(ROOT));
  file = page.fileName;
  writeFileSync(join(dir, file), page.source);
  [server, browser] = await Promise.all([serveFolder(dir), launchChromium()]);
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the provenance page in a browser', () => {
  it('has 0 axe-core violations and loads nothing else, in light and dark schemes and on a phone', async () => {
    for (const options of [{ colorScheme: 'light' as const }, { colorScheme: 'dark' as const }, { viewport: { width: 390, height: 844 } }]) {
      const { context, watch } = await watchedContext(browser, (u) => u.startsWith(`${server.origin}/`), options);
      const page = await context.newPage();
      await page.goto(`${server.url}${file}`);
      const violations = (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
      expect(violations, JSON.stringify(options)).toEqual([]);
      expect(watch.requests).toEqual([`${server.url}${file}`]);
      expect(watch.csp).toEqual([]);
      expect(watch.errors).toEqual([]);
      // The talk's side and the source's side: beside each other when there is room, stacked on a phone.
      const [said, source] = await page.locator('article.check').first().locator('.said, .source').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      if (options.viewport) expect(source!.top).toBeGreaterThanOrEqual(said!.bottom);
      else expect(source!.left).toBeGreaterThanOrEqual(said!.right);
      await context.close();
    }
  });
});
