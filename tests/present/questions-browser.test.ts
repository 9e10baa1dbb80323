// Questions on the live link in Debian's Chromium (issue 27): a listener asks from the form, the presenter's page shows
// it within a second, markup shows as text, the moderator picks it, and after the relay is killed and started again
// the question is still there. The form has no axe-core violations, and the focus comes back to its button.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, launchChromium, presentProcess, type PresentProcess } from './support.ts';
import { waitForReveal } from '../support/project.ts';

let dist: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const relays: PresentProcess[] = [];

beforeAll(async () => {
  dist = await buildDeck('present-test');
  browser = await launchChromium();
}, 180_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await Promise.all(relays.splice(0).map((r) => r.kill()));
});

afterAll(async () => {
  await browser?.close();
});

async function open(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await waitForReveal(page, 60_000);
  return page;
}

async function relay(port: number, args: string[]) {
  const r = await presentProcess(['--dist', dist, '--port', String(port), ...args]);
  relays.push(r);
  return r;
}

const QUESTION = 'Does <b>deep</b> pressure help? <img src=x onerror="document.title=\'pwned\'">';

describe('questions from listeners', () => {
  it('a listener asks; the presenter sees it within a second, as text; the moderator picks it; a restart keeps it', async () => {
    const tokenFile = resolve(mkdtempSync(resolve(tmpdir(), 'questions-')), 'token');
    const call = `test-${process.pid}-${Date.now()}`;
    const run1 = await relay(0, ['--token-file', tokenFile, '--call', call]);
    expect(run1.output()).toContain('Questions from listeners: on.');
    const presenter = await open(run1.presenterUrl);
    await presenter.waitForFunction(() => /presenting live/.test(document.querySelector('.follow-status')?.textContent ?? ''));
    // The presenter's page notes, by its own clock, when a question first shows on its bar.
    await presenter.evaluate(() => {
      const w = window as unknown as { questionAt?: number };
      new MutationObserver(() => {
        if (!w.questionAt && /1 new/.test(document.querySelector('.follow-questions')?.textContent ?? '')) w.questionAt = Date.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    // The speaker view (S), open before the question comes: it lists the open questions under the slide's notes.
    const [speakerView] = await Promise.all([presenter.context().waitForEvent('page'), presenter.keyboard.press('s')]);
    await speakerView.waitForSelector('.speaker-controls-notes');

    const listener = await open(run1.listenerUrl);
    const ask = listener.locator('.follow-ask');
    await ask.waitFor({ state: 'visible' });
    await ask.click();
    await listener.locator('dialog.follow-dialog[open]').waitFor();
    expect(await listener.evaluate(() => document.activeElement?.id)).toBe('ask-text');
    expect(await listener.locator('#ask-notice').textContent()).toContain('leave out anything private');
    expect(await listener.locator('#ask-notice').textContent()).toContain('30 days');
    const violations = (await new AxeBuilder({ page: listener }).include('dialog.follow-dialog').analyze()).violations.map((v) => `${v.id}: ${v.help}`);
    expect(violations).toEqual([]);
    await listener.fill('#ask-text', QUESTION);
    await listener.fill('#ask-name', 'Ann');
    const sentAt = await listener.evaluate(() => {
      (document.querySelector('dialog.follow-dialog button[type="submit"]') as HTMLButtonElement).click();
      return Date.now();
    });
    await listener.waitForFunction(() => /Your question arrived/.test(document.querySelector('.follow-status')?.textContent ?? ''));
    expect(await listener.locator('dialog.follow-dialog').getAttribute('open')).toBeNull();
    expect(await listener.evaluate(() => document.activeElement?.classList.contains('follow-ask'))).toBe(true);

    await presenter.waitForFunction(() => (window as unknown as { questionAt?: number }).questionAt !== undefined);
    const delay = (await presenter.evaluate(() => (window as unknown as { questionAt: number }).questionAt)) - sentAt;
    expect(delay).toBeLessThan(1000);
    // Q shows the list: the question's markup is text, nothing of it runs.
    await presenter.keyboard.press('q');
    const panel = presenter.locator('#follow-questions');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.follow-question-text').first().textContent()).toBe(QUESTION);
    expect(await panel.locator('img, b').count()).toBe(0);
    expect(await presenter.title()).not.toBe('pwned');
    expect(await panel.locator('.follow-meta').first().textContent()).toMatch(/slide 1 · from Ann/);
    // No listener sees it.
    expect(await listener.locator('text=deep</b>').count()).toBe(0);
    // The speaker view lists it (as text) with the notes, and keeps it there on the next slide.
    const notes = () => speakerView.evaluate(() => document.querySelector('.speaker-controls-notes .value')?.textContent ?? '');
    await expect.poll(notes, { timeout: 10_000 }).toContain('Does <b>deep</b> pressure help?');
    expect(await speakerView.locator('.speaker-controls-notes img, .speaker-controls-notes b').count()).toBe(0);
    // With the list open and the focus in it, the arrow keys still move the slides, and Q closes it.
    const h = () => presenter.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
    expect(await presenter.evaluate(() => document.activeElement?.closest('#follow-questions') !== null)).toBe(true);
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(h, { timeout: 30_000 }).toBe(1);
    await expect.poll(notes, { timeout: 10_000 }).toContain('Does <b>deep</b> pressure help?');
    await presenter.keyboard.press('ArrowLeft');
    await expect.poll(h, { timeout: 30_000 }).toBe(0);
    await presenter.keyboard.press('q');
    await expect.poll(() => panel.isVisible(), { timeout: 30_000 }).toBe(false);
    await presenter.keyboard.press('q');

    // The moderator's link: follows as a listener, sees the question and picks it for the speaker.
    const moderatorToken = readFileSync(`${tokenFile}-moderator`, 'utf8').trim();
    const moderator = await open(`${run1.listenerUrl}#moderator=${moderatorToken}`);
    await moderator.waitForFunction(() => /moderator/.test(document.querySelector('.follow-status')?.textContent ?? ''));
    await moderator.keyboard.press('q');
    await moderator.locator('#follow-questions button', { hasText: 'Pick as next' }).click();
    await presenter.locator('.follow-pick', { hasText: 'Next, picked by the moderator' }).waitFor();

    // Killed and started again on the same port: the presenter's page reconnects, and the question is still there.
    await run1.kill();
    relays.splice(relays.indexOf(run1), 1);
    await relay(run1.port, ['--token-file', tokenFile, '--call', call]);
    await presenter.waitForFunction(() => /presenting live/.test(document.querySelector('.follow-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await presenter.locator('#follow-questions .follow-question-text', { hasText: 'Does <b>deep</b> pressure help?' }).waitFor();
    await presenter.locator('#follow-questions button', { hasText: 'Mark answered' }).first().click();
    await presenter.locator('#follow-questions .follow-meta', { hasText: 'Answered' }).waitFor();
    // Read aloud: the whole question in large type, then back.
    await presenter.locator('#follow-questions button', { hasText: 'Read aloud' }).first().click();
    const reader = presenter.locator('dialog.follow-reader[open] .follow-reader-text');
    expect(await reader.textContent()).toBe(QUESTION);
    expect(await reader.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(40);
  }, 180_000);

  it('with --questions off, a listener sees no form, and the presenter no list', async () => {
    const run = await relay(0, ['--questions', 'off']);
    expect(run.output()).toContain('Questions from listeners: off.');
    expect(run.output()).not.toContain('Moderator link');
    const listener = await open(run.listenerUrl);
    await listener.waitForFunction(() => /Following the speaker|Waiting/.test(document.querySelector('.follow-status')?.textContent ?? ''));
    await listener.waitForTimeout(300);
    expect(await listener.locator('.follow-ask').isVisible()).toBe(false);
    const presenter = await open(run.presenterUrl);
    await presenter.waitForFunction(() => /presenting live/.test(document.querySelector('.follow-status')?.textContent ?? ''));
    expect(await presenter.locator('.follow-questions').count()).toBe(0);
  }, 120_000);
});
