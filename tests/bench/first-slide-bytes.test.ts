// The byte budget of issues 8 and 16, held by a test because bytes, unlike timings, are stable: everything Chromium
// fetches to show slide 1 of the built deck, gzip-compressed as a web server would send it, measured by the
// benchmark's own code (bench/lib) on a fresh context with an empty cache. Issue 16 cut the typeface to the talk's
// characters and moved the speaker notes out of the page: 63.1 kB with the typeface, 53.2 kB without (from 90.9 and
// 56.1); most of what is left is Reveal.js itself (about 31.6 kB of script and 5 kB of style sheet, gzip).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../bench/lib/chromium.ts';
import { openFirstSlide, type FirstSlide } from '../../bench/lib/first-slide.ts';
import { serveGzip, type Served } from '../../bench/lib/serve.ts';
import { buildInto } from '../share/support/build.ts';

/** Budgets in bytes (1 KB = 1000 bytes, the stricter reading). */
const WITHOUT_TYPEFACE = 55_000;
const WITH_TYPEFACE = 65_000;
/** The two faces, regular and bold, cut to the talk's characters: about 5 kB each (the whole Latin faces were 17 kB each). */
const TYPEFACE = { min: 8_000, max: 12_000 };

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
    expect(first.bytes.font).toBeGreaterThan(TYPEFACE.min); // two woff2 faces, regular and bold
    expect(first.bytes.font).toBeLessThanOrEqual(TYPEFACE.max); // cut to the talk's characters, not the whole faces
    expect(first.bytes.total).toBeLessThanOrEqual(WITH_TYPEFACE);
  });

  it('come from the page itself: no failed request, none to another host, the speaker view not loaded', () => {
    expect(first.failed).toEqual([]);
    expect(first.foreign).toEqual([]);
    // Neither the speaker view's code nor the speaker notes (a chunk of their own since issue 16) are fetched.
    expect(served.sent.map((s) => s.path).filter((p) => /notes/i.test(p))).toEqual([]);
    expect(first.requests).toBeLessThanOrEqual(4); // page (style inline), script, two font files
  });
});
