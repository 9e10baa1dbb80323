// Follow along live in Debian's Chromium: a presenter's page and listeners' pages on the real built deck, served by
// the relay on 127.0.0.1. The presenter moves and listeners follow; listeners cannot move anyone; the relay is
// killed and restarted; a listener joins late; the bar is large, high-contrast, reachable by keyboard and covers
// nothing; without the relay the deck asks for nothing.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { staticSite } from '../../src/present/serve-static.ts';
import { buildDeck, launchChromium, presentProcess, sleep, waitUntil, type PresentProcess } from './support.ts';
import { waitForReveal } from '../support/project.ts';

/** Within this many ms of the presenter's page changing slide, listeners' pages show the same slide (loopback). */
const FOLLOW_MS = 300;

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

interface Trouble {
  failed: string[];
  errors: string[];
  sockets: string[];
}

interface Opened {
  page: Page;
  context: BrowserContext;
  trouble: Trouble;
}

async function open(url: string, viewport = { width: 1280, height: 720 }): Promise<Opened> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  contexts.push(context);
  const trouble: Trouble = { failed: [], errors: [], sockets: [] };
  context.on('requestfailed', (r) => trouble.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  context.on('weberror', (e) => trouble.errors.push(e.error().message));
  context.on('console', (m) => {
    if (m.type() === 'error') trouble.errors.push(m.text());
  });
  const page = await context.newPage();
  page.on('websocket', (ws) => trouble.sockets.push(ws.url()));
  await page.goto(url);
  await waitForReveal(page, 60_000);
  // Every slide or fragment change, with the time it happened (the machine's clock, as Node's Date.now()).
  await page.evaluate(() => {
    const w = window as unknown as { Reveal: RevealApi; changes: { at: number; h: number; v: number; f: number | null }[] };
    w.changes = [];
    const note = () => {
      const { h, v, f } = w.Reveal.getIndices();
      w.changes.push({ at: Date.now(), h, v: v ?? 0, f: f ?? null });
    };
    for (const type of ['slidechanged', 'fragmentshown', 'fragmenthidden']) w.Reveal.on(type, note);
  });
  return { page, context, trouble };
}

interface RevealApi {
  getIndices(): { h: number; v?: number; f?: number };
  on(type: string, fn: () => void): void;
  slide(h: number, v?: number, f?: number): void;
  sync(): void;
  getSlides(): HTMLElement[];
}

type Where = { h: number; f?: number | null };

function where(page: Page): Promise<{ h: number; f: number | null }> {
  return page.evaluate(() => {
    const { h, f } = (window as unknown as { Reveal: RevealApi }).Reveal.getIndices();
    return { h, f: f ?? null };
  });
}

async function waitAt(page: Page, at: Where, timeout = 15_000) {
  await page.waitForFunction(
    (want) => {
      const { h, f } = (window as unknown as { Reveal: RevealApi }).Reveal.getIndices();
      return h === want.h && (want.f === undefined || (f ?? null) === want.f);
    },
    at,
    { timeout },
  );
}

/** When the page reached `at` (by its own record), in ms since `since`. */
async function arrivedAfter(page: Page, at: Where, since: number): Promise<number> {
  await waitAt(page, at);
  const t = await page.evaluate(
    ({ want, since }) =>
      (window as unknown as { changes: { at: number; h: number; f: number | null }[] }).changes.find(
        (c) => c.at >= since && c.h === want.h && (want.f === undefined || c.f === want.f),
      )?.at,
    { want: at, since },
  );
  expect(t, `the page recorded its move to ${JSON.stringify(at)}`).toBeDefined();
  return t! - since;
}

const status = (page: Page) => page.locator('.follow-status').innerText();

async function waitStatus(page: Page, pattern: RegExp, timeout = 15_000) {
  await page.waitForFunction(
    ({ source, flags }) => new RegExp(source, flags).test(document.querySelector('.follow-status')?.textContent ?? ''),
    { source: pattern.source, flags: pattern.flags },
    { timeout },
  );
}

/** `npm run present` on the test build, as a process of its own (as it runs for real). */
async function relay(port = 0, more: string[] = []) {
  const r = await presentProcess(['--dist', dist, '--port', String(port), ...more]);
  relays.push(r);
  return r;
}

/** Presenter and listeners, each in a browser context of its own, everyone following. */
async function room(s: PresentProcess, listeners: number) {
  const presenter = await open(s.presenterUrl);
  await waitStatus(presenter.page, /presenting live/);
  const crowd = await Promise.all(Array.from({ length: listeners }, () => open(s.listenerUrl)));
  for (const l of crowd) await waitStatus(l.page, /Following the speaker/);
  await waitUntil(async () => (await s.stats()).listeners === listeners, 15_000, 'listeners to connect');
  return { presenter, crowd };
}

/** Adds the same two fragments to slide `h` in every page, so fragment changes can be followed. */
async function addFragments(pages: Page[], h: number) {
  for (const page of pages) {
    await page.evaluate((h) => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      const slide = reveal.getSlides()[h]!;
      for (const text of ['First point, shown on its own.', 'Second point.']) {
        const p = document.createElement('p');
        p.className = 'fragment';
        p.textContent = text;
        slide.append(p);
      }
      reveal.sync();
    }, h);
  }
}

describe('following the presenter', () => {
  it(`listeners follow every slide and fragment change, within ${FOLLOW_MS} ms`, async () => {
    const s = await relay();
    const { presenter, crowd } = await room(s, 4);
    // The presenter sees how many follow.
    await presenter.page.waitForFunction(() => document.querySelector('.follow-count')?.textContent === '4 following', undefined, { timeout: 15_000 });
    await addFragments([presenter.page, ...crowd.map((l) => l.page)], 3);
    const last = (await slideCount(presenter.page)) - 1;

    const steps: [string, Where][] = [
      ['ArrowRight', { h: 1 }],
      ['ArrowRight', { h: 2 }],
      ['ArrowRight', { h: 3, f: -1 }],
      ['ArrowRight', { h: 3, f: 0 }],
      ['ArrowRight', { h: 3, f: 1 }],
      ['ArrowLeft', { h: 3, f: 0 }],
      ['ArrowRight', { h: 3, f: 1 }],
      ['ArrowRight', { h: 4 }],
      ['End', { h: last }],
      ['Home', { h: 0 }],
    ];
    // Delay: from the moment the presenter's page changed slide to the moment each listener's page did
    // (both pages' own records, on this machine's clock).
    const delays: number[] = [];
    const lines: string[] = [];
    for (const [key, at] of steps) {
      const t0 = Date.now();
      await presenter.page.keyboard.press(key);
      const own = await arrivedAfter(presenter.page, at, t0);
      const theirs: number[] = [];
      for (const l of crowd) theirs.push((await arrivedAfter(l.page, at, t0)) - own);
      delays.push(...theirs);
      lines.push(`${key}: listeners ${theirs.join(' ')} ms after the presenter`);
      await sleep(60);
    }

    // How fast is measured by npm run bench:follow on a quiet machine; `npm test` runs two test files at once, each
    // with its own Chromium, so here every listener must follow every change (arrivedAfter waits for it) and the
    // delays are only printed.
    const sorted = [...delays].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
    console.log(
      `follow in Chromium: ${crowd.length} listeners, ${steps.length} changes: median ${at(0.5)} ms, p90 ${at(0.9)} ms, slowest ${at(1)} ms (under ${FOLLOW_MS} ms expected on a quiet machine)\n${lines.join('\n')}`,
    );
    expect(delays).toHaveLength(crowd.length * steps.length);
    for (const p of [presenter, ...crowd]) {
      expect(p.trouble.failed).toEqual([]);
      expect(p.trouble.errors).toEqual([]);
    }
  }, 150_000);

  it('follows the presenter driving from the speaker view; the speaker view\'s previews do not connect', async () => {
    const s = await relay();
    const { presenter, crowd } = await room(s, 2);
    const [popup] = await Promise.all([presenter.context.waitForEvent('page'), presenter.page.keyboard.press('s')]);
    await popup.waitForLoadState();
    await popup.waitForSelector('.speaker-controls-notes, #current-slide iframe', { timeout: 10_000 });
    await sleep(1000);
    expect(await s.stats()).toMatchObject({ listeners: 2, presenters: 1 });
    await popup.bringToFront();
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('ArrowRight');
    await waitAt(presenter.page, { h: 2 });
    for (const l of crowd) await waitAt(l.page, { h: 2 });
    expect(await s.stats()).toMatchObject({ listeners: 2, presenters: 1 });
  }, 150_000);

  it('puts a listener who joins late on the current slide, whatever address they opened', async () => {
    const s = await relay();
    const presenter = await open(s.presenterUrl);
    await waitStatus(presenter.page, /presenting live/);
    await presenter.page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.slide(6));
    await waitUntil(async () => (await s.stats()).state?.h === 6, 15_000, 'the relay to hear slide 6');
    const late = await open(s.listenerUrl);
    await waitAt(late.page, { h: 6 });
    const lateWithHash = await open(`${s.listenerUrl}#/title`);
    await waitAt(lateWithHash.page, { h: 6 });
    expect(await status(late.page)).toMatch(/Following the speaker/);
  }, 150_000);

  it('takes the token out of the address bar; a reload keeps the presenter\'s role', async () => {
    const s = await relay();
    const presenter = await open(s.presenterUrl);
    await waitStatus(presenter.page, /presenting live/);
    expect(presenter.page.url()).not.toContain(s.token);
    expect(presenter.page.url()).not.toContain('presenter=');
    await presenter.page.reload();
    await waitStatus(presenter.page, /presenting live/);
    expect((await s.stats()).presenters).toBe(1);
  }, 150_000);
});

describe('nobody drives who should not', () => {
  it('a listener moving, or sending the relay slide states, changes nothing for anyone else', async () => {
    const s = await relay();
    const { presenter, crowd } = await room(s, 3);
    const [mover, other1, other2] = crowd as [Opened, Opened, Opened];
    await presenter.page.keyboard.press('ArrowRight');
    for (const l of crowd) await waitAt(l.page, { h: 1 });

    // Keys: the listener moves their own copy (and so goes to browsing freely); nobody else moves.
    for (let i = 0; i < 3; i++) await mover.page.keyboard.press('ArrowRight');
    await waitAt(mover.page, { h: 4 });
    await waitStatus(mover.page, /Browsing freely/);
    expect(await mover.page.getAttribute('.follow-toggle', 'aria-pressed')).toBe('false');

    // Hand-made messages from a listener's page: a state, a guessed token, something malformed.
    const codes = await mover.page.evaluate(async () => {
      const url = new URL('follow', location.href);
      url.protocol = 'ws:';
      const attempt = (send: string) =>
        new Promise<number>((done) => {
          const ws = new WebSocket(url);
          ws.onopen = () => {
            ws.send(send);
            setTimeout(() => {
              ws.close();
            }, 500);
          };
          ws.onclose = (e) => done(e.code);
        });
      return Promise.all([
        attempt('{"type":"state","h":9,"v":0,"f":null}'),
        attempt('{"type":"auth","token":"guess"}'),
        attempt('{"type":"state","h":9,"v":0,"f":null,"extra":1}'),
        attempt('<script>alert(1)</script>'),
      ]);
    });
    expect(codes[0]).toBe(1005); // ignored; it closed itself
    expect(codes.slice(1)).toEqual([4403, 4400, 4400]);
    await sleep(300);
    for (const p of [presenter, other1, other2]) expect(await where(p.page)).toEqual({ h: 1, f: null });
    expect((await s.stats()).state).toEqual({ h: 1, v: 0, f: null });

    // The listener's own live link was untouched: back to following, they land where the presenter is.
    await mover.page.keyboard.press('l');
    await waitAt(mover.page, { h: 1 });
    await presenter.page.keyboard.press('ArrowRight');
    for (const l of crowd) await waitAt(l.page, { h: 2 });
  }, 150_000);

  it('a presenter link from an earlier run only follows, and says so', async () => {
    const first = await relay();
    const port = first.port;
    const presenter = await open(first.presenterUrl);
    await waitStatus(presenter.page, /presenting live/);
    await first.kill();
    await waitStatus(presenter.page, /Live link lost/);
    const second = await relay(port);
    const driver = await open(second.presenterUrl);
    await waitStatus(driver.page, /presenting live/);
    await waitStatus(presenter.page, /no longer valid.*following as a listener/, 30_000);
    expect(await presenter.page.locator('.follow-toggle').count()).toBe(1);
    await driver.page.keyboard.press('ArrowRight');
    await driver.page.keyboard.press('ArrowRight');
    await waitAt(presenter.page, { h: 2 });
    expect((await second.stats()).presenters).toBe(1);
  }, 150_000);
});

describe('faults', () => {
  it('killing the relay pauses following (the deck still works); after a restart everyone catches up', async () => {
    const tokenFile = resolve(mkdtempSync(resolve(tmpdir(), 'present-restart-')), 'token');
    const run1 = await relay(0, ['--token-file', tokenFile]);
    // With a token file the secret is never printed (it would land in a service's log); where it is kept is.
    expect(run1.output()).not.toContain(run1.token);
    expect(run1.output()).toContain(tokenFile);
    expect(run1.output()).toContain('Listener link');
    const presenter = await open(run1.presenterUrl);
    await waitStatus(presenter.page, /presenting live/);
    const crowd = await Promise.all([1, 2, 3].map(() => open(run1.listenerUrl)));
    const [a, b, browser3] = crowd as [Opened, Opened, Opened];
    for (const l of crowd) await waitStatus(l.page, /Following the speaker/);
    await presenter.page.keyboard.press('ArrowRight');
    await presenter.page.keyboard.press('ArrowRight');
    for (const l of crowd) await waitAt(l.page, { h: 2 });

    await run1.kill();
    for (const l of crowd) await waitStatus(l.page, /Following is paused/);
    await waitStatus(presenter.page, /Live link lost/);
    expect(await presenter.page.locator('.follow-status').getAttribute('aria-live')).toBe('polite');

    // With the relay gone each page is an ordinary deck: the presenter goes on, a listener moves on their own.
    await presenter.page.keyboard.press('ArrowRight');
    await presenter.page.keyboard.press('ArrowRight');
    await waitAt(presenter.page, { h: 4 });
    await browser3.page.keyboard.press('ArrowLeft');
    await waitAt(browser3.page, { h: 1 });
    for (const l of [a, b]) expect(await where(l.page)).toEqual({ h: 2, f: null });

    const run2 = await relay(run1.port, ['--token-file', tokenFile]);
    expect(run2.presenterUrl).toBe(run1.presenterUrl);
    // The presenter's page reconnects as the presenter and sends where it is; following listeners catch up.
    await waitStatus(presenter.page, /presenting live/, 30_000);
    for (const l of [a, b]) {
      await waitAt(l.page, { h: 4 }, 30_000);
      await waitStatus(l.page, /Following the speaker/);
    }
    // The one who browsed while the relay was gone stays where they chose until they follow again.
    await waitStatus(browser3.page, /Browsing freely/, 30_000);
    expect(await where(browser3.page)).toEqual({ h: 1, f: null });
    await presenter.page.keyboard.press('ArrowRight');
    for (const l of [a, b]) await waitAt(l.page, { h: 5 });
    await browser3.page.keyboard.press('l');
    await waitAt(browser3.page, { h: 5 });
    for (const p of [presenter, ...crowd]) expect(p.trouble.errors.filter((e) => !/WebSocket/i.test(e))).toEqual([]);
  }, 180_000);
});

describe('the follow bar', () => {
  it('switches between following and browsing with L, with the button, and from the keyboard', async () => {
    const s = await relay();
    const { presenter, crowd } = await room(s, 1);
    const { page } = crowd[0]!;
    const button = page.getByRole('button', { name: 'Follow the speaker' });
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('L');

    await page.keyboard.press('l');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await waitStatus(page, /Browsing freely/);
    expect(await where(page)).toEqual({ h: 0, f: null }); // L does not also move to the next slide
    await presenter.page.keyboard.press('ArrowRight');
    await presenter.page.keyboard.press('ArrowRight');
    await waitUntil(async () => (await s.stats()).state?.h === 2, 15_000, 'the relay to hear slide 2');
    await sleep(200);
    expect(await where(page)).toEqual({ h: 0, f: null });

    await page.keyboard.press('l');
    await waitAt(page, { h: 2 });
    await waitStatus(page, /Following the speaker/);

    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');

    // From the keyboard: Tab reaches the button; Enter and Space press it and do not move the slides.
    let tabs = 0;
    const focused = () => page.evaluate(() => document.activeElement?.classList.contains('follow-toggle') === true);
    while (!(await focused()) && tabs++ < 40) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press(' ');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await where(page)).toEqual({ h: 2, f: null });
  }, 150_000);

  const SIZES = [
    { width: 1280, height: 720 },
    { width: 1024, height: 576 },
    { width: 800, height: 600 },
    // A phone: Reveal's scroll view, where the page scrolls and the bar stays at the top.
    { width: 390, height: 844 },
  ];

  it(`is large, high-contrast and covers nothing at ${SIZES.map((v) => `${v.width}×${v.height}`).join(', ')}`, async () => {
    const s = await relay();
    const presenter = await open(s.presenterUrl);
    await waitStatus(presenter.page, /presenting live/);
    const pages: [Opened, { width: number; height: number }][] = [[presenter, SIZES[0]!]];
    for (const viewport of SIZES) pages.push([await open(s.listenerUrl, viewport), viewport]);
    for (const [{ page }, viewport] of pages) {
      await waitStatus(page, /Following the speaker|presenting live/);
      for (const h of [0, 3, 10]) {
        await page.evaluate((h) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(h), h);
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        const report = await page.evaluate(measureBar);
        const where = `${viewport.width}×${viewport.height}, slide ${h}`;
        expect(report.overlaps, where).toEqual([]);
        expect(report.checked, where).toContain('the slide');
        // (Reveal's scroll view, on narrow screens, shows no slide number.)
        if (viewport.width > 435) expect(report.checked, where).toContain('the slide number');
        expect(report.barInView, where).toBe(true);
        for (const t of report.texts) {
          expect(t.fontSize, `${where}: ${t.what}`).toBeGreaterThanOrEqual(24);
          expect(t.contrast, `${where}: ${t.what}`).toBeGreaterThanOrEqual(7);
        }
      }
    }
    for (const [{ page }] of pages.slice(1)) {
      const button = await page.locator('.follow-toggle').boundingBox();
      expect(button!.height).toBeGreaterThanOrEqual(44);
      expect(await page.locator('.follow-status').getAttribute('aria-live')).toBe('polite');
      expect(await page.locator('.follow-status').getAttribute('role')).toBe('status');
    }
    const axe = await new AxeBuilder({ page: pages[1]![0].page }).include('.follow-bar').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }, 240_000);
});

describe('without the relay', () => {
  it('the deck on any other web server and the single file show no bar and connect nowhere', async () => {
    const site = staticSiteWithoutMeta(dist);
    const { server, url } = await listen(site);
    try {
      for (const address of [url, `${url}#presenter=abc`, `${url}#/3`, pathToFileURL(resolve(dist, 'ms-massage.html')).href]) {
        const opened = await open(address);
        await sleep(500);
        expect(await opened.page.locator('.follow-bar').count(), address).toBe(0);
        expect(opened.trouble.sockets, address).toEqual([]);
        expect(opened.trouble.failed, address).toEqual([]);
        expect(opened.trouble.errors, address).toEqual([]);
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 150_000);
});

// ---- helpers run in the page or for the static server ------------------------------------------------------------

async function slideCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
}

/** The bar against what it must not cover, and the size and contrast of its text. */
function measureBar() {
  const bar = document.querySelector('.follow-bar')!.getBoundingClientRect();
  const others: [string, Element | null][] = [
    ['the slide', (window as unknown as { Reveal: { getCurrentSlide(): Element } }).Reveal.getCurrentSlide()],
    ['the slide number', document.querySelector('.reveal .slide-number')],
    ['the arrows', document.querySelector('.reveal .controls')],
    ['the progress bar', document.querySelector('.reveal .progress')],
  ];
  const overlaps: string[] = [];
  const checked: string[] = [];
  for (const [what, el] of others) {
    if (!el) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    checked.push(what);
    if (r.left < bar.right && r.right > bar.left && r.top < bar.bottom && r.bottom > bar.top) overlaps.push(what);
  }
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const lum = (c: string) => {
    const [r, g, b] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const background = (el: Element): string => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (!/rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const texts = [...document.querySelectorAll('.follow-bar *')]
    .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
    .map((el) => {
      const style = getComputedStyle(el);
      const [a, b] = [lum(style.color), lum(background(el))];
      return {
        what: `${el.className}: ${el.textContent}`,
        fontSize: parseFloat(style.fontSize),
        contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
      };
    });
  return { overlaps, checked, texts, barInView: bar.top >= 0 && bar.bottom <= innerHeight && bar.height > 0 };
}

/** The built deck served as any static host would: the same files, without the relay's <meta>. */
function staticSiteWithoutMeta(root: string) {
  const site = staticSite(root);
  const index = readFileSync(resolve(root, 'index.html'));
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/' && path !== '/index.html') return site.handle(req, res, path);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(index);
  };
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}
