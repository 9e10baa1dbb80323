// The built deck of a Spanish talk, in Chromium: Reveal's arrow buttons, its list of keys (press ?) and the
// project's own key descriptions are in Spanish, and none of the English they replace is left.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder, type Served } from '../../src/serve/serve-folder.ts';
import { copyTalk, ROOT, type TalkCopy } from '../data/talk-copy.ts';
import { launchChromium, waitForReveal, watchedContext, type Browser, type Page } from '../share/support/browser.ts';
import { buildDeckInto } from '../support/project.ts';

let copy: TalkCopy;
let served: Served;
let browser: Browser;
const out = resolve(ROOT, '.tmp', 'locale-test-es');

beforeAll(async () => {
  copy = copyTalk();
  copy.edit('data/talk.yaml', (t) => t.replace(/^lang: en$/m, 'lang: es'));
  await buildDeckInto(out, copy.root);
  [served, browser] = await Promise.all([serveFolder(out), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  copy?.remove();
  rmSync(out, { recursive: true, force: true });
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const { context, watch } = await watchedContext(browser, (url) => url.startsWith(served.url));
  const page = await context.newPage();
  await page.goto(`${served.url}index.html`);
  await waitForReveal(page);
  return { page, errors: watch.errors };
}

describe('the built deck of a talk with lang: es', () => {
  it('names the arrow buttons in Spanish', async () => {
    const { page, errors } = await open();
    const labels = await page.evaluate(() =>
      ['left', 'right', 'up', 'down'].map((side) => document.querySelector(`.reveal .controls .navigate-${side}`)?.getAttribute('aria-label')),
    );
    expect(labels).toEqual(['diapositiva anterior', 'diapositiva siguiente', 'diapositiva de arriba', 'diapositiva de abajo']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lists the keys in Spanish when ? is pressed, the project\'s own keys included', async () => {
    const { page, errors } = await open();
    // Reveal opens its list on "?", that is Shift and the / key.
    await page.keyboard.press('Shift+Slash');
    const title = () => page.evaluate(() => document.querySelector('.r-overlay-help .title')?.textContent ?? null);
    await expect.poll(title).toBe('Atajos de teclado');
    const text = await page.evaluate(() => document.querySelector('.r-overlay-help')?.textContent ?? '');
    for (const s of ['Tecla', 'Qué hace', 'Diapositiva siguiente', 'Diapositiva anterior', 'Pantalla completa', 'Vista de todas las diapositivas', 'Vista de notas de quien presenta']) {
      expect(text).toContain(s);
    }
    for (const s of ['Keyboard Shortcuts', 'ACTION', 'Next slide', 'Previous slide', 'Navigate', 'Fullscreen', 'Jump to', 'Slide overview', 'Speaker notes view']) {
      expect(text).not.toContain(s);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
