// A page on another site that frames the deck (GitHub Pages cannot forbid framing) can neither move it nor read
// its speaker notes (issue 15, item 3). Before: Reveal's postMessage API obeyed any window, and the notes plugin
// took any window sending "reveal-notes" heartbeats as its speaker view and sent it every slide's notes.
// The foreign site is a second origin on this machine (another port), framing the real built deck.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeck, type Deck } from './harness.ts';

let deck: Deck;
let foreign: Server;
let foreignUrl = '';

/** The foreign page: frames the deck at ?src=…, and writes down every message any window sends it. */
const FOREIGN_PAGE = `<!doctype html><html><head><title>Another site</title></head><body>
<iframe id="deck" width="1280" height="720"></iframe>
<script>
  window.heard = [];
  window.addEventListener('message', (e) => window.heard.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)));
  document.getElementById('deck').src = new URLSearchParams(location.search).get('src');
</script></body></html>`;

beforeAll(async () => {
  deck = await openDeck();
  foreign = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(FOREIGN_PAGE));
  await new Promise<void>((ok) => foreign.listen(0, '127.0.0.1', ok));
  // "localhost" and not 127.0.0.1: another host as well as another port.
  foreignUrl = `http://localhost:${(foreign.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await deck?.close();
  await new Promise((ok) => foreign?.close(ok));
});

interface Framed {
  page: Page;
  frame: Frame;
}

async function framedDeck(search = ''): Promise<Framed> {
  const context = await deck.browser.newContext({ viewport: { width: 1400, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${foreignUrl}?src=${encodeURIComponent(`${deck.url}${search}`)}`);
  const frame = await (await page.waitForSelector('#deck')).contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout: 20_000 });
  return { page, frame };
}

/** The foreign page posts these to the framed deck, as any site could. */
async function post(page: Page, messages: unknown[]): Promise<void> {
  await page.evaluate((all) => {
    const target = (document.getElementById('deck') as HTMLIFrameElement).contentWindow!;
    for (const m of all) target.postMessage(m, '*');
  }, messages);
}

const indexOf = (frame: Frame) => frame.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);

describe('a page on another site that frames the deck', () => {
  it('cannot move it through Reveal\'s postMessage API', async () => {
    const { page, frame } = await framedDeck();
    expect(await indexOf(frame)).toBe(0);
    await post(page, [
      JSON.stringify({ method: 'next' }),
      JSON.stringify({ method: 'slide', args: [5] }),
      JSON.stringify({ method: 'setState', args: [{ indexh: 7, indexv: 0 }] }),
      JSON.stringify({ method: 'toggleOverview' }),
    ]);
    await page.waitForTimeout(500);
    expect(await indexOf(frame)).toBe(0);
    expect(await frame.evaluate(() => (window as unknown as { Reveal: { isOverview(): boolean } }).Reveal.isOverview())).toBe(false);
    await page.context().close();
  });

  it('cannot read the notes: no answer to getSlideNotes, and heartbeats do not make it the speaker view', async () => {
    const { page, frame } = await framedDeck();
    await post(page, [
      JSON.stringify({ method: 'getSlideNotes' }),
      JSON.stringify({ method: 'getState' }),
      JSON.stringify({ namespace: 'reveal-notes', type: 'heartbeat' }),
      JSON.stringify({ namespace: 'reveal-notes', type: 'connected' }),
      JSON.stringify({ namespace: 'reveal-notes', type: 'call', callId: 1, methodName: 'getSlideNotes', arguments: [] }),
    ]);
    await page.waitForTimeout(1000);
    await post(page, [JSON.stringify({ namespace: 'reveal-notes', type: 'heartbeat' })]);
    await page.waitForTimeout(500);
    // The presenter moves on: a speaker view would now be sent this slide's notes.
    await frame.evaluate(() => (window as unknown as { Reveal: { next(): void } }).Reveal.next());
    await page.waitForTimeout(1000);
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard).toEqual([]);
    await page.context().close();
  });

  it('cannot move a deck it opened in a window of its own either', async () => {
    const context = await deck.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${foreignUrl}?src=about:blank`);
    const [opened] = await Promise.all([context.waitForEvent('page'), page.evaluate((url) => void ((window as unknown as { deckWindow: Window | null }).deckWindow = window.open(url)), deck.url)]);
    await opened.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout: 20_000 });
    await page.evaluate(() => {
      const w = (window as unknown as { deckWindow: Window }).deckWindow;
      w.postMessage(JSON.stringify({ method: 'slide', args: [3] }), '*');
      w.postMessage(JSON.stringify({ method: 'setState', args: [{ indexh: 5, indexv: 0 }] }), '*');
    });
    await page.waitForTimeout(500);
    expect(await opened.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h)).toBe(0);
    await context.close();
  });

  it('cannot drive or read a speaker-view preview frame (?receiver) either', async () => {
    const { page, frame } = await framedDeck('?receiver');
    await post(page, [JSON.stringify({ method: 'slide', args: [4] }), JSON.stringify({ method: 'getSlideNotes' })]);
    await page.waitForTimeout(500);
    expect(await indexOf(frame)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    await page.context().close();
  });
});

describe("the deck's own speaker view", () => {
  it('still moves the deck (through the same message API the guard keeps from everyone else)', async () => {
    const context = await deck.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(deck.url);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForSelector('#current-slide iframe', { timeout: 10_000 });
    await popup.waitForTimeout(1500);
    await popup.bringToFront();
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h), { timeout: 10_000 }).toBe(2);
    await context.close();
  });
});
