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

  it('opens the speaker view (S) in Spanish: its labels, layout menu and clock, and none of Reveal\'s English', async () => {
    const { page, errors } = await open();
    const [view] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('s')]);
    const text = (selector: string) => view.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? null, selector);
    await expect.poll(() => text('#upcoming-slide .label')).toBe('Diapositiva siguiente');
    expect(await view.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await view.title()).toMatch(/^Vista de quien presenta: Massage Therapy and Multiple Sclerosis/);
    expect(await text('.speaker-controls-time h4.label:not(.pacing-title)')).toBe('Tiempo Pulse para reiniciar');
    expect(await text('.speaker-controls-time .reset-button')).toBe('Pulse para reiniciar');
    expect(await text('.speaker-controls-time .pacing-title')).toBe('Tiempo que queda para esta diapositiva');
    expect(await text('.speaker-controls-notes .label')).toBe('Notas');
    expect(await view.evaluate(() => [...document.querySelectorAll('.speaker-layout-dropdown option')].map((o) => o.textContent))).toEqual([
      'Predeterminada',
      'Ancha',
      'Alta',
      'Solo notas',
    ]);
    await expect.poll(() => text('.speaker-layout-label')).toBe('Disposición: Predeterminada');
    // The view writes its label again on a change of layout, and its clock every second: both stay Spanish.
    await view.selectOption('.speaker-layout-dropdown', 'wide');
    await expect.poll(() => text('.speaker-layout-label')).toBe('Disposición: Ancha');
    await view.waitForTimeout(1_200);
    expect(await text('.clock-value')).toMatch(/^\d{1,2}:\d{2}$/);
    const all = (await view.evaluate(() => document.body.innerText)) ?? '';
    for (const english of ['Upcoming', 'Click to Reset', 'Pacing', 'Layout', 'Notes', ' AM', ' PM']) expect(all).not.toContain(english);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
