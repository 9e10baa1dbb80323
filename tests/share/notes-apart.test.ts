// The speaker notes travel apart from the deck's page (issue 16): index.html carries the slides only, a listener's
// browser never fetches the notes, and the speaker view, Reveal's notes API and the print view with notes
// (?print-pdf&showNotes=true) get every slide's notes when they need them. The single file keeps them inside.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { singleFile } from '../../src/names/output-files.ts';
import { buildInto, type Built } from './support/build.ts';
import { launchChromium, waitForReveal, watchedContext, type Browser, type Page } from './support/browser.ts';
import { serveFolder, type Served } from '../../src/serve/serve-folder.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let built: Built;
let browser: Browser;
let server: Served;

const bare = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
const notesHtml = (id: string) => unwrap(built.deck.slides.find((s) => s.id === id)!.notes);
/** The text a browser makes of a slide's notes as the build rendered them. */
const notesText = async (page: Page, id: string) =>
  bare(await page.evaluate((h) => Object.assign(document.createElement('div'), { innerHTML: h }).textContent, notesHtml(id)));
const sameOrigin = (url: string) => url.startsWith(`${server.origin}/`);

beforeAll(async () => {
  [built, browser] = await Promise.all([buildInto('notes-apart'), launchChromium()]);
  server = await serveFolder(built.dir, '/');
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('speaker notes apart from the page', () => {
  it('are not in index.html, which still has every slide; the single file holds them', () => {
    const page = built.read('index.html');
    expect(page).not.toContain('class="notes"');
    for (const s of built.deck.slides) expect(page).toContain(`<section id="${s.id}"`);
    const first = built.deck.slides[0]!;
    const sentence = notesHtml(first.id).replace(/<[^>]*>/g, '').slice(0, 40);
    expect(sentence.length).toBe(40);
    expect(page).not.toContain(sentence);
    expect(built.read(singleFile(built.deck.model.talk))).toContain(sentence);
  });

  it("are not fetched by a listener's browser, and come back with the speaker view (S) for it and for getSlideNotes()", async () => {
    const { context, watch } = await watchedContext(browser, sameOrigin);
    const page = await context.newPage();
    await page.goto(`${server.url}#/why-this-talk`);
    await waitForReveal(page);
    await page.waitForLoadState('networkidle');
    const script = () => watch.requests.filter((u) => /\.js$/.test(u)).map((u) => new URL(u).pathname);
    expect(script()).toHaveLength(1);
    expect(await page.evaluate(() => document.querySelectorAll('aside.notes').length)).toBe(0);

    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForLoadState();
    const shown = popup.locator('.speaker-controls-notes .value');
    const expected = await notesText(page, 'why-this-talk');
    expect(expected.length).toBeGreaterThan(20);
    await expect.poll(async () => bare(await shown.textContent()), { timeout: 15_000 }).toBe(expected);
    const api = await page.evaluate(() => (window as unknown as { Reveal: { getSlideNotes(): string } }).Reveal.getSlideNotes());
    expect(bare(api)).toBe(bare(notesHtml('why-this-talk')));
    expect(await page.evaluate(() => document.querySelectorAll('aside.notes').length)).toBe(built.deck.slides.length);
    expect(watch.failed).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.csp).toEqual([]);
    await context.close();
  });

  it('are printed with the slides by the print view when asked (?print-pdf&showNotes=true)', async () => {
    const { context, watch } = await watchedContext(browser, sameOrigin);
    const page = await context.newPage();
    await page.goto(`${server.url}?print-pdf&showNotes=true`);
    await waitForReveal(page);
    // Reveal lays out the print pages after it is ready.
    const printed = () => page.evaluate(() => [...document.querySelectorAll('.pdf-page .speaker-notes-pdf')].map((e) => e.textContent ?? ''));
    await expect.poll(async () => (await printed()).length, { timeout: 15_000 }).toBe(built.deck.slides.length);
    for (const [i, s] of (await printed()).entries()) expect(bare(s), built.deck.slides[i]!.id).toBe(await notesText(page, built.deck.slides[i]!.id));
    // (Reveal's print view also tries an inline <style> for the page size, which the policy refuses, as before; npm run pdf sets the size itself.)
    expect(watch.errors.filter((e) => !/Content Security Policy/i.test(e))).toEqual([]);
    await context.close();
  });
});
