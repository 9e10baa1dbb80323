// Presenting: stable slide addresses, the keys a presenter uses, and the speaker view.
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentId, deckPage, openDeck, slideNumber, type Deck } from './harness.ts';

let deck: Deck;
beforeAll(async () => {
  deck = await openDeck();
});
afterAll(() => deck?.close());

describe('slide addresses', () => {
  it('opens the slide named in the address, for every slide', async () => {
    const page = await deckPage(deck);
    for (const [i, id] of deck.ids.entries()) {
      await page.evaluate((h) => (location.hash = h), `#/${id}`);
      await expect.poll(() => currentId(page), { message: id }).toBe(id);
      expect(await page.locator(`section#${id}`).getAttribute('class'), id).toMatch(/\bpresent\b/);
      await expect.poll(() => slideNumber(page), { message: id }).toBe(`${i + 1} / ${deck.ids.length}`);
    }
    await page.context().close();
  });

  it('opens a study slide directly from a fresh load', async () => {
    const page = await deckPage(deck, {}, '#/study-negahban-2013');
    expect(await currentId(page)).toBe('study-negahban-2013');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/study-negahban-2013-results');
    await page.context().close();
  });
});

describe('keys', () => {
  it('moves with arrows, space, Home and End, and toggles the overview with Esc', async () => {
    const page = await deckPage(deck);
    const last = deck.ids.at(-1)!;
    const steps: [string, string][] = [
      ['ArrowRight', deck.ids[1]!],
      ['Space', deck.ids[2]!],
      ['ArrowLeft', deck.ids[1]!],
      ['End', last],
      ['Home', deck.ids[0]!],
    ];
    for (const [key, id] of steps) {
      await page.keyboard.press(key);
      await expect.poll(() => currentId(page), { message: key }).toBe(id);
    }
    const overview = () => page.evaluate(() => (window as unknown as { Reveal: { isOverview(): boolean } }).Reveal.isOverview());
    await page.keyboard.press('Escape');
    await expect.poll(overview).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(overview).toBe(false);
    await page.context().close();
  });
});

describe('speaker view', () => {
  it('opens with S and shows the current notes, the upcoming slide, the timer and pacing', async () => {
    const page = await deckPage(deck, {}, '#/why-this-talk');
    const context = page.context();
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForLoadState();
    const notes = popup.locator('.speaker-controls-notes .value');
    const bare = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
    const notesOf = (id: string) => page.evaluate((i) => document.querySelector(`section#${i} aside.notes`)?.textContent ?? '', id);
    const expected = bare(await notesOf('why-this-talk'));
    expect(expected.length).toBeGreaterThan(20);
    await expect.poll(async () => bare(await notes.textContent()), { timeout: 15_000 }).toBe(expected);

    // The upcoming preview is a second copy of the deck, one slide ahead.
    const upcomingId = async () => {
      const frame = popup.frames().find((f) => f.url().includes('controls=false'));
      return frame?.evaluate(() => (window as unknown as { Reveal?: { getCurrentSlide(): HTMLElement } }).Reveal?.getCurrentSlide()?.id).catch(() => undefined);
    };
    const next = deck.ids[deck.ids.indexOf('why-this-talk') + 1];
    await expect.poll(upcomingId, { timeout: 15_000 }).toBe(next);

    await expect.poll(() => popup.locator('.speaker-controls-time .timer').textContent()).toMatch(/\d\d:\d\d/);
    const pacing = popup.locator('.speaker-controls-time .pacing');
    await expect.poll(() => pacing.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => pacing.getAttribute('class')).toMatch(/ahead|on-track|behind/);

    // Moving in the main window moves the notes.
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => bare(await notes.textContent()), { timeout: 10_000 }).toBe(bare(await notesOf(next!)));
    await context.close();
  });

  it('shows the next slide in the upcoming preview even when that preview loads after the first state message', async () => {
    // The speaker view tells the preview where to go once, 200 ms after the current preview is ready; a preview that
    // loads later (a busy machine) used to miss it and show the current slide until the presenter moved.
    const page = await deckPage(deck, {}, '#/why-this-talk');
    const context = page.context();
    await context.route(/[?&]controls=false/, async (route) => {
      await new Promise((ok) => setTimeout(ok, 2_000));
      await route.continue();
    });
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    const upcoming = () => popup.frames().find((f) => f.url().includes('controls=false'));
    const revealIn = (frame: Frame | undefined) =>
      frame?.evaluate(() => {
        const reveal = (window as unknown as { Reveal?: { isReady(): boolean; getCurrentSlide(): HTMLElement } }).Reveal;
        return reveal?.isReady() ? reveal.getCurrentSlide().id : undefined;
      }).catch(() => undefined);
    await expect.poll(() => revealIn(upcoming()), { timeout: 15_000 }).toBeDefined();
    // Give a late message time to arrive, then require the slide after the current one, and nothing further.
    await new Promise((ok) => setTimeout(ok, 1_000));
    expect(await revealIn(upcoming())).toBe(deck.ids[deck.ids.indexOf('why-this-talk') + 1]);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => revealIn(upcoming()), { timeout: 10_000 }).toBe(deck.ids[deck.ids.indexOf('why-this-talk') + 2]);
    await context.close();
  });
});
