// Prints the built deck to two PDFs with Chromium: the slides (Reveal's print view, one slide per 16:9 page) and
// the handout (the handout page the build writes, on US Letter or A4). Both tagged, with an outline, real text
// and live links. Each file is written under a temporary name and renamed, so a failed run leaves no half file.
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Talk } from '../schema/index.ts';
import { sharedUrl, handoutPageFile, handoutPdfFile, largePrintPageFile, largePrintPdfFile, slidesPdfFile, type Paper } from '../names/output-files.ts';
import type { Words } from '../locale/words.ts';
import { launchChromium } from '../chromium/chromium.ts';
import { confine } from './confine.ts';
import { pendingFiles, writeWhole } from '../serve/write-whole.ts';
import { pageRefs, readOutline, withOutline } from './pdf-outline.ts';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from './render-handout-page.ts';
import { serveFolder } from '../serve/serve-folder.ts';

export interface PdfOptions {
  /** The built site (dist/): index.html, assets/ and the handout page. The PDFs are written here too. */
  dist: string;
  talk: Talk;
  /** The talk's words: every word the PDFs carry (titles, outline entries) is in its language. */
  words: Words;
  paper?: Paper;
  /** Also print the large-print handout (<slug>-handout-large-print.pdf). */
  largePrint?: boolean;
  /** Where to write the PDFs, if not into dist. */
  outDir?: string;
  /** Progress and warnings, one line each. */
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** The exact command that builds this talk, for the message when it is not built. */
  buildCommand?: string;
}

export interface PdfFile {
  path: string;
  pages: number;
  bytes: number;
}

export interface PdfResult {
  slides: PdfFile;
  handout: PdfFile;
  largePrint?: PdfFile;
  /** Problems worth a look that did not stop the PDFs, such as a slide too tall for its page. */
  warnings: string[];
}

/** Something is missing or wrong in what is to be printed (not the machine): the message says what. */
export class PdfError extends Error {
  override name = 'PdfError';
}

export async function makePdfs(options: PdfOptions): Promise<PdfResult> {
  const { talk, words: w, paper = 'letter', log = () => {} } = options;
  const dist = resolve(options.dist);
  const outDir = resolve(options.outDir ?? dist);
  for (const file of ['index.html', handoutPageFile(talk), ...(options.largePrint ? [largePrintPageFile(talk)] : [])]) {
    if (!existsSync(join(dist, file))) throw new PdfError(`${join(dist, file)} is missing: build the deck first (${options.buildCommand ?? 'npm run build'}).`);
  }
  const browser = await launchChromium({ env: options.env });
  const server = await serveFolder(dist);
  const warnings: string[] = [];
  try {
    log(`Printing the handout (${paper === 'a4' ? 'A4' : 'US Letter'})…`);
    const { pdf: handout, slides: titles } = await printHandout(browser, server.url, talk, w, paper, warnings);
    const large = options.largePrint ? (log('Printing the large-print handout…'), await printHandout(browser, server.url, talk, w, paper, warnings, true)) : undefined;
    log('Printing the slides (Reveal print view)…');
    const slides = await printSlides(browser, server.url, talk, w, titles, warnings);
    if (server.missing.length) warnings.push(`the printed pages asked for files the build does not have: ${server.missing.join(', ')}`);
    const slidesPath = writeAtomically(join(outDir, slidesPdfFile(talk)), slides);
    const handoutPath = writeAtomically(join(outDir, handoutPdfFile(talk)), handout);
    const largePath = large ? writeAtomically(join(outDir, largePrintPdfFile(talk)), large.pdf) : undefined;
    return {
      slides: { path: slidesPath, pages: countPdfPages(slides), bytes: slides.length },
      handout: { path: handoutPath, pages: countPdfPages(handout), bytes: handout.length },
      ...(large && largePath ? { largePrint: { path: largePath, pages: countPdfPages(large.pdf), bytes: large.pdf.length } } : {}),
      warnings,
    };
  } finally {
    await server.close();
    await browser.close();
  }
}

interface RevealLike {
  isReady(): boolean;
  getTotalSlides(): number;
}

/** A slide as the handout page names it: its id and title. */
export interface SlideTitle {
  id: string;
  title: string;
}

/**
 * One slide per page, every fragment shown, slide numbers "n / total", links that work outside this server, and
 * an outline of the slides' titles (given in order; Chromium's own outline is kept if they do not match the pages).
 */
export async function printSlides(browser: Browser, base: string, talk: Talk, w: Words, titles: SlideTitle[], warnings: string[] = []): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width: SLIDE_WIDTH, height: SLIDE_HEIGHT }, reducedMotion: 'reduce' });
  // The deck and its own files in assets/, nothing else.
  const confined = await confine(context, base, (path) => path === 'index.html' || /^assets\/[^/]+$/.test(path));
  try {
    const page = await context.newPage();
    // Reveal's print view adds two <style> elements (page size, image limits) that the deck's policy refuses;
    // the deck's print.css sets what they would.
    const errors = watchErrors(page, /^Applying inline style violates/);
    // margin=0: the page is exactly the slide, 1280×720 (13.33 × 7.5 inches), as Reveal reads settings from the query.
    await page.goto(new URL('index.html?print-pdf&margin=0', base).href, { waitUntil: 'load' });
    await page.waitForFunction(
      () => {
        const reveal = (window as unknown as { Reveal?: RevealLike }).Reveal;
        const pages = document.querySelectorAll('.reveal .slides > .pdf-page').length;
        return reveal?.isReady() === true && pages > 0 && pages === document.querySelectorAll('.reveal .slides section').length;
      },
      undefined,
      { timeout: 30_000 },
    );
    const printed = await page.evaluate(
      async ({ shareUrl, width, height }) => {
        await document.fonts.ready;
        const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'));
        // Reveal hides every slide but the current one from assistive technology; in print all are shown, and the
        // PDF's tags are made from what assistive technology sees.
        document.querySelectorAll('.reveal .slides section[aria-hidden]').forEach((s) => s.removeAttribute('aria-hidden'));
        document.querySelectorAll('.reveal .slides section[hidden]').forEach((s) => s.removeAttribute('hidden'));
        // The number as the presenter reads it out, "7 / 36", not Reveal's bare "7".
        pages.forEach((p, i) => {
          const n = p.querySelector('.slide-number-pdf');
          if (n) n.textContent = `${i + 1} / ${pages.length}`;
        });
        for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('.reveal a[href]'))) {
          const href = a.getAttribute('href') ?? '';
          const slide = /^#\/([^/?#]+)/.exec(href)?.[1];
          if (slide !== undefined) a.setAttribute('href', document.getElementById(slide) ? `#${slide}` : shareUrl);
          else if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#')) a.setAttribute('href', new URL(href, shareUrl).href);
        }
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        // A slide whose content is larger than the slide would be cut off at the page's edge.
        const sections = pages.map((p) => p.querySelector('section'));
        return {
          ids: sections.map((s) => s?.id ?? ''),
          tall: sections
            .filter((s): s is HTMLElement => !!s && (s.scrollHeight > height + 1 || s.scrollWidth > width + 1))
            .map((s) => s.id || '?'),
        };
      },
      { shareUrl: sharedUrl(talk), width: SLIDE_WIDTH, height: SLIDE_HEIGHT },
    );
    refuseStrays('slides page', confined.refused, page.url(), new URL('index.html', base));
    for (const id of printed.tall) warnings.push(`slide "${id}" holds more than fits on it: its page cuts off the rest; shorten it`);
    if (errors.length) warnings.push(...errors.map((e) => `slides page: ${e}`));
    // The deck's print style sheet names the page size; the same size is given here in case it is missing.
    const pdf = await page.pdf({
      width: `${SLIDE_WIDTH}px`,
      height: `${SLIDE_HEIGHT}px`,
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
    });
    refuseStrays('slides page', confined.refused, page.url(), new URL('index.html', base));
    const pages = pageRefs(pdf);
    const info = { title: w.text('handout.slidesPdfTitle', { title: talk.title }), author: talk.speaker.name, subject: talk.description };
    const matches = titles.length === pages.length && titles.every((t, i) => t.id === printed.ids[i]);
    if (!matches) {
      warnings.push(`the slides PDF keeps Chromium's outline: its ${pages.length} pages do not match the ${titles.length} slides of the handout page`);
      return withOutline(pdf, readOutline(pdf), info);
    }
    return withOutline(
      pdf,
      titles.map((t, i) => ({ title: w.text('handout.outlineSlide', { n: i + 1, title: t.title }), dest: `[${pages[i]} /Fit]` })),
      info,
    );
  } catch (e) {
    refuseStrays('slides page', confined.refused, new URL('index.html', base).href, new URL('index.html', base));
    throw e;
  } finally {
    await context.close();
  }
}

/**
 * The handout page, portrait, on the chosen paper; the page's own CSS sets the margins and page numbers. Also gives
 * the slides' ids and titles as the page lists them.
 */
export async function printHandout(
  browser: Browser,
  base: string,
  talk: Talk,
  w: Words,
  paper: Paper,
  warnings: string[] = [],
  largePrint = false,
): Promise<{ pdf: Buffer; slides: SlideTitle[] }> {
  const context = await browser.newContext({ viewport: { width: 816, height: 1056 }, reducedMotion: 'reduce' });
  // The handout page carries everything inline: it may load itself and nothing else.
  const file = largePrint ? largePrintPageFile(talk) : handoutPageFile(talk);
  const confined = await confine(context, base, (path) => path === file);
  const address = new URL(file, base);
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(address.href, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    });
    refuseStrays('handout page', confined.refused, page.url(), address);
    const fonts = await page.evaluate(() => Array.from(document.fonts).filter((f) => f.status === 'loaded').length);
    if (fonts === 0) warnings.push('handout page: the Atkinson Hyperlegible font did not load; the PDF uses a fallback font');
    if (errors.length) warnings.push(...errors.map((e) => `handout page: ${e}`));
    // (No named functions inside: tsx would wrap them in a helper the page does not have.)
    const { headings, slides } = await page.evaluate(() => {
      return {
        // The headings Chromium makes outline entries of: those assistive technology sees as headings.
        headings: Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
          .filter((h) => !h.closest('[role="none"], [role="presentation"], [aria-hidden="true"]'))
          .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()),
        slides: Array.from(document.querySelectorAll<HTMLElement>('article.entry[data-title]')).map((a) => ({
          id: a.id.replace(/^slide-/, ''),
          title: a.dataset.title ?? '',
        })),
      };
    });
    const raw = await page.pdf({ format: paper === 'a4' ? 'A4' : 'Letter', printBackground: true, tagged: true, outline: true });
    // Again after printing: a timed redirect (<meta http-equiv=refresh>) may only fire once the page has loaded.
    refuseStrays('handout page', confined.refused, page.url(), address);
    // Chromium's entries, in heading order, with their places on the page; the titles from the page's own text.
    const entries = readOutline(raw);
    const info = { title: w.text(largePrint ? 'handout.largePrintTitle' : 'handout.title', { title: talk.title }), author: talk.speaker.name, subject: talk.description };
    if (entries.length !== headings.length) {
      warnings.push(`the handout PDF keeps Chromium's outline: ${entries.length} entries for ${headings.length} headings`);
      return { pdf: withOutline(raw, entries, info), slides };
    }
    return { pdf: withOutline(raw, entries.map((e, i) => ({ ...e, title: headings[i]! })), info), slides };
  } catch (e) {
    // A refused redirect leaves the page on Chromium's error page, so the step that failed is not the news.
    refuseStrays('handout page', confined.refused, address.href, address);
    throw e;
  } finally {
    await context.close();
  }
}

/**
 * Stops the run when a page asked for anything but its own files, or is no longer the page it was opened as: a
 * page like that holds markup the build should never have written, and its PDF must not be made.
 */
function refuseStrays(what: string, refused: string[], at: string, expected: URL): void {
  const moved = new URL(at).pathname !== expected.pathname || new URL(at).origin !== expected.origin;
  if (!refused.length && !moved) return;
  const asked = refused.length ? ` It asked for ${refused.join(', ')}, which the PDF step refused.` : '';
  throw new PdfError(
    `The ${what} tried to load something other than its own files.${asked}${moved ? ` It moved to ${at}.` : ''} Rebuild the deck (npm run build) and try again.`,
  );
}

function watchErrors(page: Page, expected?: RegExp): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (expected?.test(m.text())) return;
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

let cleanupHooked = false;

/** Writes under a temporary name in the same folder, then renames: the final name only ever holds a whole file. */
export function writeAtomically(path: string, data: Uint8Array): string {
  hookCleanup();
  return writeWhole(path, data);
}

function hookCleanup(): void {
  if (cleanupHooked) return;
  cleanupHooked = true;
  process.once('exit', () => pendingFiles.forEach((t) => rmSync(t, { force: true })));
}

/** Pages in a PDF as Chromium writes it: the largest /Count of a /Type /Pages node (the root). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  let max = 0;
  for (const m of text.matchAll(/<<((?:(?!>>)[\s\S])*?)>>/g)) {
    const dict = m[1]!;
    if (!/\/Type\s*\/Pages\b/.test(dict)) continue;
    const count = /\/Count\s+(\d+)/.exec(dict);
    if (count) max = Math.max(max, Number(count[1]));
  }
  return max;
}
