// The text version: every slide in order, notes behind a control that works from the keyboard, the full references,
// 0 axe-core violations, nothing loaded from anywhere, and a print layout.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { doiUrl, pubmedUrl } from '../../src/references/csl-item.ts';
import { textVersionFile } from '../../src/names/output-files.ts';
import { textBody } from '../../src/share/render-text-page.ts';
import { textOf } from '../content/page-text.ts';
import { buildInto, ROOT, type Built } from './support/build.ts';
import { launchChromium, loadedFonts, watchedContext, type Browser, type Page } from './support/browser.ts';
import { recordRequests } from './support/report.ts';
import { serveFolder, type Served } from '../../src/serve/serve-folder.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let built: Built;
let browser: Browser;
let server: Served;
let html: string;
let file: string;

beforeAll(async () => {
  [built, browser] = await Promise.all([buildInto('text'), launchChromium()]);
  file = textVersionFile(built.deck.model.talk);
  html = built.read(file);
  server = await serveFolder(built.dir, '/talks/ms-massage/');
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

async function open(options: Parameters<typeof watchedContext>[2] = {}) {
  const { context, watch } = await watchedContext(browser, (u) => u.startsWith(`${server.origin}/`), options);
  const page = await context.newPage();
  await page.goto(`${server.url}${file}`);
  return { context, watch, page };
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('the text version', () => {
  it('has 0 axe-core violations, in light and in dark colour schemes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, watch, page } = await open({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
      expect(watch.failed).toEqual([]);
      expect(watch.csp).toEqual([]);
      await context.close();
    }
  });

  it('holds every slide in order, each with its heading, text and speaker notes', async () => {
    const { context, page } = await open();
    expect(await page.locator('h1').allTextContents()).toEqual([built.deck.model.talk.title]);
    const sections = await page.locator('main > section').evaluateAll((all) =>
      all.map((s) => ({ id: s.id, heading: s.querySelector('h2')?.textContent ?? '', notes: s.querySelectorAll('details.notes').length })),
    );
    const slides = built.deck.slides;
    expect(sections.map((s) => s.id)).toEqual(slides.map((s) => s.id));
    sections.forEach((s, i) => {
      expect(s.heading.replace(/\s+/g, ' ').trim()).toBe(`Slide ${i + 1} of ${slides.length} ${slides[i]!.title}`);
      expect(s.notes).toBe(1);
    });
    const text = textOf(html);
    for (const slide of slides) {
      // Every word of the slide and of its notes, minus only a repeated heading and the link to this very page.
      expect(text, slide.id).toContain(textOf(textBody(unwrap(slide.body), slide.title, file, 'Table')).trim());
      expect(text, slide.id).toContain(textOf(unwrap(slide.notes)).trim());
    }
    await context.close();
  });

  it('gives the full reference of every study, with its DOI and PubMed links', () => {
    const text = textOf(html);
    for (const study of built.deck.model.studies.studies) {
      const c = study.citation;
      expect(text).toContain(study.title);
      expect(text).toContain(c.journal);
      // The first author's name as the style writes it ("Negahban H", "Schroeder B, et al.").
      expect(text).toContain(c.authors.split(',')[0]!.trim());
      if (c.doi) expect(html).toContain(`href="${doiUrl(c.doi)}"`);
      if (c.pmid) expect(html).toContain(`href="${pubmedUrl(c.pmid)}"`);
    }
  });

  it('shows and hides the speaker notes from the keyboard alone', async () => {
    const { context, page } = await open();
    const openNotes = () => page.locator('details.notes[open]').count();
    const total = built.deck.slides.length;
    expect(await openNotes()).toBe(total);

    // The button that shows or hides all notes, reached with Tab.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'notes-toggle'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('notes-toggle');
    const button = page.locator('#notes-toggle');
    expect(await button.textContent()).toBe('Hide all speaker notes');
    await page.keyboard.press('Enter');
    expect(await openNotes()).toBe(0);
    expect(await button.textContent()).toBe('Show all speaker notes');
    expect(await page.locator('details.notes .notes, details.notes > p').first().isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Space');
    expect(await openNotes()).toBe(total);

    // Each slide's own control: a <summary>, reached with Tab, toggled with Enter.
    for (let i = 0; i < 200 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'SUMMARY'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    expect(await openNotes()).toBe(total - 1);
    await expect.poll(() => button.textContent()).toBe('Show all speaker notes');
    await page.keyboard.press('Enter');
    expect(await openNotes()).toBe(total);
    await context.close();
  });

  it('fits a phone screen: nothing but the tables, each in a focusable box of its own, scrolls sideways', async () => {
    const { context, page } = await open({ viewport: { width: 360, height: 740 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const boxes = await page.locator('.table-scroll').evaluateAll((all) =>
      all.map((b) => ({ label: b.getAttribute('aria-label'), tabindex: b.getAttribute('tabindex'), table: b.querySelectorAll('table').length })),
    );
    expect(boxes.length).toBe(await page.locator('table').count());
    for (const b of boxes) expect(b).toEqual({ label: expect.stringMatching(/\w/), tabindex: '0', table: 1 });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('keeps its notes reachable without script: each <details> starts open', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    expect(await page.locator('details.notes[open]').count()).toBe(built.deck.slides.length);
    expect(await page.locator('.controls').isVisible()).toBe(false);
    await context.close();
  });

  it('prints large and black on white, without the contents list and button, notes included', async () => {
    const { context, page } = await open();
    await page.emulateMedia({ media: 'print' });
    const look = await page.evaluate(() => ({
      size: parseFloat(getComputedStyle(document.documentElement).fontSize),
      color: getComputedStyle(document.body).color,
      background: getComputedStyle(document.documentElement).backgroundColor,
      nav: getComputedStyle(document.querySelector('nav')!).display,
      notes: document.querySelectorAll('details.notes[open]').length,
    }));
    expect(look.size).toBeGreaterThanOrEqual(16);
    expect(look.color).toBe('rgb(0, 0, 0)');
    expect(look.background).toBe('rgb(255, 255, 255)');
    expect(look.nav).toBe('none');
    expect(look.notes).toBe(built.deck.slides.length);
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });

  it('loads nothing from anywhere: alone, from file://, with the network refused, its fonts still load', async () => {
    const alone = resolve(ROOT, '.tmp', 'share-test-text-alone');
    rmSync(alone, { recursive: true, force: true });
    mkdirSync(alone, { recursive: true });
    copyFileSync(resolve(built.dir, file), resolve(alone, file));
    const url = pathToFileURL(resolve(alone, file)).href;
    const { context, watch } = await watchedContext(browser, (u) => u.startsWith('file:') || u.startsWith('data:'));
    const page = await context.newPage();
    await page.goto(url);
    expect(await loadedFonts(page)).toEqual(expect.arrayContaining(['Atkinson Hyperlegible 400', 'Atkinson Hyperlegible 700']));
    expect(watch.requests.filter((u) => !u.startsWith('data:'))).toEqual([url]);
    expect(watch.failed).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.csp).toEqual([]);
    recordRequests('text version from file://', watch.requests);
    await context.close();
  });

  it('marks every link to another site noopener noreferrer', () => {
    const links = [...html.matchAll(/<a\b[^>]*href="https?:[^>]*>/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(5);
    for (const a of links) expect(a).toMatch(/rel="noopener noreferrer"/);
  });
});

describe('textBody', () => {
  it('drops a heading that repeats the title and moves the others under the slide heading', () => {
    expect(textBody('<h2>Takeaways</h2><p>x</p>', 'Takeaways', 't.html', 'Table')).toBe('<p>x</p>');
    expect(textBody('<p class="eyebrow">e</p><h2>What they found</h2><h3>a</h3>', 'Study: results', 't.html', 'Table')).toBe(
      '<p class="eyebrow">e</p><h3>What they found</h3><h4>a</h4>',
    );
    expect(textBody('<h1>Ann &amp; Bo&#39;s talk</h1><p>by</p>', "Ann & Bo's talk", 't.html', 'Table')).toBe('<p>by</p>');
  });

  it('leaves out paragraphs that only link to the text version itself', () => {
    expect(textBody('<h2>Q</h2><p>Slides: <a href="https://x.org/">x</a></p>\n<p>Text: <a href="t.html">t.html</a></p>', 'Q', 't.html', 'Table')).toBe(
      '<p>Slides: <a href="https://x.org/">x</a></p>',
    );
  });

  it('puts each table in a scrolling region named by its caption, entities decoded once and escaped once', () => {
    expect(textBody('<table><caption>Pain &amp; <em>sleep</em></caption><tr><td>1</td></tr></table>', 'T', 't.html', 'Table')).toBe(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Pain &amp; sleep"><table><caption>Pain &amp; <em>sleep</em></caption><tr><td>1</td></tr></table></div>',
    );
    expect(textBody('<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>', 'T', 't.html', 'Tabla')).toBe(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Tabla"><table><tr><td><table><tr><td>in</td></tr></table></td></tr></table></div>',
    );
  });

  it('reads markup, not text that looks like it: code showing a heading or a link stays', () => {
    const code = '<p><code>&lt;h2&gt; href="t.html" &lt;/p&gt;</code></p>';
    expect(textBody(`<h2>T</h2>${code}`, 'T', 't.html', 'Table')).toBe(code);
  });
});
