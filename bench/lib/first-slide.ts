// Opens a deck the way a reader does, in a fresh browser context (empty cache, new connections), and measures what
// showing slide 1 costs: every byte the server sent until the deck is ready, its fonts are in and the network has
// been quiet for half a second; and, with the CPU and network slowed through the DevTools protocol, first
// contentful paint, largest contentful paint and "ready" (Reveal's ready event; for Marp, bespoke marking slide 1
// active).
import type { Browser } from 'playwright-core';
import { sumBytes, type Bytes } from './bytes.ts';
import type { Served } from './serve.ts';

export const THROTTLE = {
  cpu: 4,
  /** 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips: Lighthouse's "slow 4G". */
  downloadBitsPerSecond: 1.6e6,
  uploadBitsPerSecond: 750e3,
  latencyMs: 150,
};

export interface Timings {
  fcp: number;
  lcp: number;
  ready: number;
}

export interface FirstSlide extends Timings {
  bytes: Bytes;
  requests: number;
  /** Requests for another host (refused: only 127.0.0.1 resolves) or that failed. */
  foreign: string[];
  failed: string[];
}

/** Runs in every page before its own scripts: watches paints and the moment the deck says it is ready. */
function probe() {
  if (window !== window.top) return;
  const b: Record<'fcp' | 'lcp' | 'ready', number | null> = { fcp: null, lcp: null, ready: null };
  (window as unknown as { __bench: typeof b }).__bench = b;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  // Class changes made by script (the parser's own attributes make no records, so this costs nothing while parsing).
  const seen = new MutationObserver((records) => {
    for (const r of records) {
      const c = (r.target as Element).classList;
      if ((c.contains('reveal') && c.contains('ready')) || c.contains('bespoke-marp-active')) {
        b.ready = performance.now();
        seen.disconnect();
        return;
      }
    }
  });
  seen.observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
}

export async function openFirstSlide(browser: Browser, served: Served, options: { throttle: boolean; timeoutMs?: number }): Promise<FirstSlide> {
  const timeout = options.timeoutMs ?? 180_000;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    const foreign: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(served.origin) && !/^(data|blob|about):/.test(r.url())) foreign.push(r.url());
    });
    page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`));
    await page.addInitScript(probe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (options.throttle) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: THROTTLE.latencyMs,
        downloadThroughput: THROTTLE.downloadBitsPerSecond / 8,
        uploadThroughput: THROTTLE.uploadBitsPerSecond / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
    }
    served.reset();
    await page.goto(served.url, { waitUntil: 'load', timeout });
    await page.waitForFunction(() => (window as unknown as { __bench: { ready: number | null } }).__bench.ready !== null, undefined, {
      timeout,
      polling: 250,
    });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState('networkidle', { timeout });
    const t = await page.evaluate(() => (window as unknown as { __bench: Timings }).__bench);
    const sent = served.sent.filter((s) => s.status === 200);
    for (const s of served.sent) if (s.status !== 200) failed.push(`${s.path} (${s.status})`);
    return { fcp: t.fcp, lcp: t.lcp, ready: t.ready, bytes: sumBytes(sent), requests: served.sent.length, foreign, failed };
  } finally {
    await context.close();
  }
}
