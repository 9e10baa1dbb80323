// The way back to the deck and the link preview: the QR code on the last slide reads back as the share link,
// and the preview image of the title slide is a 1200×630 PNG named, by absolute address, in every page's meta.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH, previewImageFile, sharedUrl, singleFile, textVersionFile } from '../../src/names/output-files.ts';
import { renderPreviewImage } from '../../src/share/preview-image.ts';
import { buildInto, type Built } from './support/build.ts';
import { launchChromium, waitForReveal, watchedContext, type Browser } from './support/browser.ts';
import { serveFolder, type Served } from '../../src/serve/serve-folder.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let built: Built;
let browser: Browser;
let server: Served;

beforeAll(async () => {
  [built, browser] = await Promise.all([buildInto('qr'), launchChromium()]);
  server = await serveFolder(built.dir, '/');
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

describe('the QR code on the last slide', () => {
  it('reads back as the share link', async () => {
    const talk = built.deck.model.talk;
    const { context, watch } = await watchedContext(browser, (u) => u.startsWith(`${server.origin}/`));
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForReveal(page);
    await page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: { slide(h: number): void; getTotalSlides(): number } }).Reveal;
      reveal.slide(reveal.getTotalSlides() - 1);
    });
    const svg = page.locator('section.present figure.qr svg');
    expect(await svg.isVisible()).toBe(true);
    const png = PNG.sync.read(await svg.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(code?.data).toBe(talk.shareUrl);
    expect(await page.locator('section.present').textContent()).toContain(talk.shareUrl.replace(/^https?:\/\//, '').replace(/\/$/, ''));
    expect(watch.failed).toEqual([]);
    await context.close();
  });
});

describe('the link preview', () => {
  it('is a 1200×630 PNG of the title slide, rendered from the single file', async () => {
    const talk = built.deck.model.talk;
    const out = resolve(built.dir, previewImageFile(talk));
    await renderPreviewImage(resolve(built.dir, singleFile(talk)), out);
    const png = PNG.sync.read(readFileSync(out));
    expect([png.width, png.height]).toEqual([PREVIEW_WIDTH, PREVIEW_HEIGHT]);

    const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];
    // The deck's background in the corners, its accent bar along the bottom.
    expect(at(5, 5)).toEqual([0xff, 0xfd, 0xf7]);
    expect(at(png.width - 5, 5)).toEqual([0xff, 0xfd, 0xf7]);
    expect(at(600, png.height - 4)).toEqual([0x1f, 0x5f, 0xa8]);
    // Dark text: the title in large type across the upper half, more words below.
    let dark = 0;
    let darkTop = 0;
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const [r, g, b] = at(x, y);
        if (r! + g! + b! < 150) {
          dark++;
          if (y < png.height / 2) darkTop++;
        }
      }
    }
    const share = dark / (png.width * png.height);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.3);
    expect(darkTop / dark).toBeGreaterThan(0.5);
  });

  it('is named with absolute addresses under the share link, with title and description, in every page', () => {
    const talk = built.deck.model.talk;
    const image = sharedUrl(talk, previewImageFile(talk));
    expect(image).toMatch(/^https?:\/\//);
    for (const [file, url] of [
      ['index.html', sharedUrl(talk)],
      [singleFile(talk), sharedUrl(talk)],
      [textVersionFile(talk), sharedUrl(talk, textVersionFile(talk))],
    ] as const) {
      const page = built.read(file);
      const meta = (attr: string, name: string) => new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`).exec(page)?.[1];
      expect(meta('property', 'og:image'), file).toBe(image);
      expect(meta('name', 'twitter:image'), file).toBe(image);
      expect(meta('property', 'og:image:width'), file).toBe(String(PREVIEW_WIDTH));
      expect(meta('property', 'og:image:height'), file).toBe(String(PREVIEW_HEIGHT));
      expect(meta('property', 'og:image:alt'), file).toContain(talk.title);
      expect(meta('property', 'og:url'), file).toBe(url);
      expect(meta('property', 'og:title'), file).toContain(talk.title);
      expect(meta('property', 'og:description'), file).toBe(talk.description);
      expect(meta('name', 'description'), file).toBe(talk.description);
      expect(meta('name', 'twitter:card'), file).toBe('summary_large_image');
      expect(meta('name', 'referrer'), file).toBe('no-referrer');
      expect(page, file).toMatch(/<title>[^<]*Massage Therapy and Multiple Sclerosis[^<]*<\/title>/);
    }
  });
});
