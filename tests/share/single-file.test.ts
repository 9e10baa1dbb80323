// The single file, copied alone into an empty folder and opened from file:// with every network request refused:
// every slide shows, the fonts load from inside it, and it asks for nothing but itself.
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cspHash } from '../../src/share/csp.ts';
import { sharedUrl, singleFile, textVersionFile } from '../../src/names/output-files.ts';
import { speakerViewInline } from '../../src/share/speaker-view.ts';
import { buildInto, ROOT, type Built } from './support/build.ts';
import { launchChromium, loadedFonts, waitForReveal, walkSlides, watchedContext, type Browser } from './support/browser.ts';
import { recordRequests } from './support/report.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let built: Built;
let browser: Browser;
let html: string;
let fileUrl: string;

/** The page's markup and styles without its script (whose strings hold the speaker view's own HTML). */
const withoutScripts = (page: string) => page.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
const offline = (url: string) => url.startsWith('file:') || url.startsWith('data:');

beforeAll(async () => {
  [built, browser] = await Promise.all([buildInto('single'), launchChromium()]);
  const name = singleFile(built.deck.model.talk);
  html = built.read(name);
  // Alone in a folder of its own: nothing beside it to fall back on.
  const alone = resolve(ROOT, '.tmp', 'share-test-single-alone');
  rmSync(alone, { recursive: true, force: true });
  mkdirSync(alone, { recursive: true });
  copyFileSync(resolve(built.dir, name), resolve(alone, name));
  fileUrl = pathToFileURL(resolve(alone, name)).href;
});
afterAll(async () => {
  await browser?.close();
});

describe('the single file, as written', () => {
  it('has every script, style, font and image inside it', () => {
    expect(html).not.toMatch(/<script\b[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b[^>]*rel="(?:stylesheet|modulepreload|preload)"/i);
    const css = [...withoutScripts(html).matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('\n');
    const urls = [...css.matchAll(/url\(\s*["']?([^)"']{0,40})/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/^(data:|#)/);
    expect(html).toContain('data:font/woff2;base64,');
    expect(html).not.toMatch(/\.woff2?\b/);
  });

  it('holds in its one script the chunks the build loads on demand (the speaker view, the notes)', () => {
    // The real build splits its script, so this file really had chunks to take in (the speaker-view test runs them).
    const chunks = readdirSync(resolve(built.dir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(1);
    const scripts = [...html.matchAll(/<script\b(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).not.toMatch(/\bimport\s*\(|\bimport\s*[{*"'`]|\bfrom\s*["'`]\.\//);
  });

  it('allows by its CSP exactly its own inline script and styles, by hash, and nothing from any site', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const policy = Object.fromEntries(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(policy['default-src']).toEqual(["'none'"]);
    // The deck's words are a JSON data block (type="application/json"): never run, so no CSP source is needed for it.
    const scripts = [...html.matchAll(/<script\b(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...withoutScripts(html).matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(scripts.length).toBe(1);
    const sv = speakerViewInline();
    expect(policy['script-src']!.sort()).toEqual([...scripts, ...sv.scripts].map(cspHash).sort());
    for (const s of [...styles, ...sv.styles]) expect(policy['style-src']).toContain(cspHash(s));
    for (const sources of Object.values(policy)) {
      for (const s of sources) expect(s).toMatch(/^('none'|'self'|'unsafe-hashes'|'sha256-[A-Za-z0-9+/=]+'|data:)$/);
    }
    // The policy comes before everything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<(script|style|link)\b/));
  });

  it('links to the published text version, and every link to another site is noopener noreferrer', () => {
    const talk = built.deck.model.talk;
    expect(html).not.toContain(`href="${textVersionFile(talk)}"`);
    expect(html).toContain(`href="${sharedUrl(talk, textVersionFile(talk))}"`);
    const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
    const external = [...markup.matchAll(/<a\b[^>]*href="https?:[^>]*>/g)].map((m) => m[0]);
    expect(external.length).toBeGreaterThan(5);
    for (const a of external) expect(a).toMatch(/rel="noopener noreferrer"/);
  });

  it('is a few hundred kilobytes', () => {
    expect(statSync(resolve(built.dir, singleFile(built.deck.model.talk))).size).toBeLessThan(600 * 1024);
  });
});

describe('the single file opened from file:// with the network refused', () => {
  it('shows every slide, loads its fonts and asks for nothing but itself', async () => {
    const { context, watch } = await watchedContext(browser, offline);
    const page = await context.newPage();
    await page.goto(fileUrl);
    const shown = await walkSlides(page);

    expect(shown.map((s) => s.id)).toEqual(built.deck.slides.map((s) => s.id));
    for (const s of shown) {
      expect(s.shown, `slide ${s.id} on screen`).toBe(true);
      expect(s.textLength, `slide ${s.id} has text`).toBeGreaterThan(0);
    }
    expect(await loadedFonts(page)).toEqual(expect.arrayContaining(['Atkinson Hyperlegible 400', 'Atkinson Hyperlegible 700']));

    const self = fileUrl.split('#')[0];
    expect(watch.requests.filter((u) => !u.startsWith('data:') && u.split('#')[0] !== self)).toEqual([]);
    expect(watch.failed).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.csp).toEqual([]);
    recordRequests('single file from file://', watch.requests);
    await context.close();
  });

  it('opens a given slide from its address', async () => {
    const { context, watch } = await watchedContext(browser, offline);
    const page = await context.newPage();
    await page.goto(`${fileUrl}#/questions`);
    await waitForReveal(page);
    expect(await page.evaluate(() => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().id)).toBe('questions');
    expect(watch.failed).toEqual([]);
    await context.close();
  });

  it('opens the speaker view with S, its previews showing this same file', async () => {
    const { context, watch } = await watchedContext(browser, offline);
    const page = await context.newPage();
    await page.goto(fileUrl);
    await waitForReveal(page);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    const notes = popup.locator('.speaker-controls-notes .value');
    await expect.poll(() => notes.textContent(), { timeout: 15_000 }).toContain('Welcome, and thank you for having me.');
    await expect
      .poll(async () => {
        const frames = popup.frames().filter((f) => f.url().includes('receiver'));
        const ready = await Promise.all(
          frames.map((f) => f.evaluate(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true).catch(() => false)),
        );
        return ready.filter(Boolean).length;
      }, { timeout: 15_000 })
      .toBe(2);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => notes.textContent(), { timeout: 10_000 }).toContain('First, thank you');
    // Keys pressed in the speaker window move the deck too: its messages pass the deck's message guard from file://.
    await popup.bringToFront();
    await popup.keyboard.press('ArrowRight');
    const at = () => page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
    await expect.poll(at, { timeout: 10_000 }).toBe(2);
    expect(watch.csp).toEqual([]);
    expect(watch.requests.filter((u) => !offline(u) && u !== 'about:blank')).toEqual([]);
    expect(watch.failed).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
