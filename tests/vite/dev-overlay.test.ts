// The dev server in Chromium while someone edits the talk: a mistake shows in the project's problems panel (not
// Vite's overlay, which speaks to programmers) with the same lines `npm run check` prints, inside the window; the
// last good deck stays on screen, and saving the fix brings the new deck.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/chromium.ts';
import { copyTalk } from '../data/talk-copy.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import { ROOT } from '../support/project.ts';

const talk = copyTalk();
let dev: DevServer;
let browser: Browser;

beforeAll(async () => {
  // The real dev server: file watching and the page's WebSocket on, as `npm start` runs it.
  dev = await startDevServer({ talk: talk.root });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dev?.close();
  talk.remove();
});

/** What the page shows: its slides, one heading, and the overlay's message (null when there is none). */
async function state(page: Page): Promise<{ slides: number; heading: string | null; overlay: string | null }> {
  return page.evaluate(`({
    slides: document.querySelectorAll('.slides > section').length,
    heading: document.querySelector('#study-negahban-2013 h2')?.textContent ?? null,
    overlay: document.querySelector('#deck-problems .message')?.textContent ?? null,
  })`);
}


async function open(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(dev.url);
  await page.waitForFunction('window.Reveal && window.Reveal.isReady()', undefined, { timeout: 30_000 });
  return page;
}

describe('the dev server while the talk is edited', () => {
  it('shows every problem in the overlay, keeps the last good deck, and recovers when the fix is saved', async () => {
    const page = await open();
    const good = await state(page);
    expect(good.overlay).toBeNull();
    expect(good.heading).toBe('Massage or exercise: pain, balance and walking');

    // Two mistakes in two files, and a changed title that must not show until the talk is good again.
    const studies = join(talk.root, 'data/studies.yaml');
    const original = readFileSync(studies, 'utf8');
    writeFileSync(studies, original.replace('        p: 0.009', '        p: "p<.01"').replace('pain, balance and walking"', 'CHANGED"'));
    talk.edit('data/talk.yaml', (t) => t.replace('lengthMinutes: 30', 'lengthMinutes: thirty'));
    // Each save reloads the page: wait for the overlay that follows the last one.
    await expect.poll(async () => (await state(page)).overlay ?? '', { timeout: 20_000 }).toContain('2 problems found');
    const broken = await state(page);
    expect(broken.overlay).toContain('talk.yaml:17:16  lengthMinutes  expected a number, found "thirty"');
    expect(broken.overlay).toMatch(/studies\.yaml:42:12 {2}studies\[0\]\.results\[1\]\.p {2}expected a number such as 0\.001, found "p<\.01"/);
    expect(broken.overlay).toContain('2 problems found. The deck shown is the last one without problems; it updates as soon as you save the fixes.');
    expect(broken.slides).toBe(good.slides);
    expect(broken.heading).toBe(good.heading);
    // It speaks to the person editing the talk, and its text stays inside the window.
    const panel = await page.evaluate(`(() => {
      const p = document.getElementById('deck-problems');
      const box = p.getBoundingClientRect();
      return { title: p.querySelector('h2').textContent, right: box.right, width: innerWidth, wraps: p.scrollWidth <= p.clientWidth,
        vite: document.querySelector('vite-error-overlay') !== null, text: document.body.innerText };
    })()`) as { title: string; right: number; width: number; wraps: boolean; vite: boolean; text: string };
    expect(panel.title).toBe("The talk's files have problems");
    expect(panel.right).toBeLessThanOrEqual(panel.width);
    expect(panel.wraps).toBe(true);
    expect(panel.vite).toBe(false);
    expect(panel.text).not.toMatch(/fix the code|vite\.config/);
    await page.screenshot({ path: join(ROOT, '.tmp', 'dev-problems.png') });

    // A second window opened now (the speaker view, say) is told as well.
    const second = await open();
    await expect.poll(async () => (await state(second)).overlay ?? '', { timeout: 20_000 }).toContain('2 problems found');
    expect((await state(second)).overlay).toBe(broken.overlay);
    await second.close();

    // Saving the fixes: the overlay goes and the new deck shows.
    writeFileSync(studies, original.replace('pain, balance and walking"', 'FIXED"'));
    talk.edit('data/talk.yaml', (t) => t.replace('lengthMinutes: thirty', 'lengthMinutes: 30'));
    await page.waitForFunction(`document.querySelector('#study-negahban-2013 h2')?.textContent === 'Massage or exercise: FIXED'`, undefined, { timeout: 20_000 });
    await page.waitForFunction('window.Reveal && window.Reveal.isReady()', undefined, { timeout: 30_000 });
    expect((await state(page)).overlay).toBeNull();

    // Deleting a slide file is noticed, and so is putting it back.
    const agenda = join(talk.root, 'slides/agenda.md');
    const agendaText = readFileSync(agenda, 'utf8');
    unlinkSync(agenda);
    await expect.poll(async () => (await state(page)).overlay ?? '', { timeout: 20_000 }).toMatch(/order\.yaml:\d+:5 {2}slides\[3\] {2}no slide file "agenda\.md"/);
    writeFileSync(agenda, agendaText);
    await expect.poll(async () => (await state(page)).overlay, { timeout: 20_000 }).toBeNull();
    await page.close();
  }, 120_000);
});
