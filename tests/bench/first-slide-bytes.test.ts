// The byte budget of issue 8, held by a test because bytes, unlike timings, are stable: everything Chromium fetches
// to show slide 1 of the built deck, gzip-compressed as a web server would send it, measured by the benchmark's own
// code (bench/lib) on a fresh context with an empty cache.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../bench/lib/chromium.ts';
import { openFirstSlide, type FirstSlide } from '../../bench/lib/first-slide.ts';
import { serveGzip, type Served } from '../../bench/lib/serve.ts';
import { buildInto } from '../share/support/build.ts';

/** Budgets in bytes (1 KB = 1000 bytes, the stricter reading). */
const WITHOUT_TYPEFACE = 80_000;
const WITH_TYPEFACE = 130_000;

let browser: Browser;
let served: Served;
let first: FirstSlide;

beforeAll(async () => {
  const built = await buildInto('bench-bytes');
  served = await serveGzip(built.dir);
  browser = await launch();
  first = await openFirstSlide(browser, served, { throttle: false, timeoutMs: 60_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('bytes for the first slide (gzip)', () => {
  it(`stay within ${WITHOUT_TYPEFACE / 1000} KB without the typeface`, () => {
    const { total, font } = first.bytes;
    console.log(`first slide: ${JSON.stringify(first.bytes)} in ${first.requests} requests`);
    expect(total - font).toBeGreaterThan(10_000); // the measurement saw the page, script and style at all
    expect(total - font).toBeLessThanOrEqual(WITHOUT_TYPEFACE);
  });

  it(`stay within ${WITH_TYPEFACE / 1000} KB with the typeface, and the typeface is really fetched`, () => {
    expect(first.bytes.font).toBeGreaterThan(20_000); // two woff2 faces, regular and bold
    expect(first.bytes.total).toBeLessThanOrEqual(WITH_TYPEFACE);
  });

  it('come from the page itself: no failed request, none to another host, the speaker view not loaded', () => {
    expect(first.failed).toEqual([]);
    expect(first.foreign).toEqual([]);
    expect(served.sent.map((s) => s.path).filter((p) => /notes/i.test(p))).toEqual([]);
    expect(first.requests).toBeLessThanOrEqual(4); // page (style inline), script, two font files
  });
});
