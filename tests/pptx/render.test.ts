// The PowerPoint file as LibreOffice Impress draws it (issue 14): rendered to PDF with `soffice --headless`, read back
// with poppler-utils. One page per slide, every word inside its page and above the slide number's row (so no text box
// spilled), the slide number on each page, and pictures drawn. LibreOffice and poppler-utils are installed by
// `npm test`'s pretest (scripts/ensure-libreoffice.mjs); without them these tests fail with the command to run.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { pageTexts, pageWords } from '../pdf/support.ts';
import { pptxOf, renderWithLibreOffice, ROOT, TMP } from './support.ts';

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** The slide number sits in a row 50 px high at the bottom (of 720): nothing else may reach into it. */
const NUMBER_ROW = 670 / 720;

describe('the PowerPoint file rendered by LibreOffice Impress', () => {
  let pdf = '';
  let slideCount = 0;
  let titles: string[] = [];

  it('renders one 16:9 page per slide', async () => {
    const { buffer, deck } = await pptxOf(ROOT);
    slideCount = deck.slides.length;
    titles = deck.slides.map((s) => s.title);
    pdf = renderWithLibreOffice(buffer, 'talk');
    const pages = pageWords(pdf);
    expect(pages).toHaveLength(slideCount);
    for (const p of pages) expect(p.width / p.height).toBeCloseTo(16 / 9, 2);
  }, 180_000);

  it('keeps every word inside its slide, and above the slide number row', () => {
    const problems: string[] = [];
    pageWords(pdf).forEach((page, i) => {
      const words = page.words.filter((w) => w.text.trim());
      expect(words.length, `page ${i + 1}`).toBeGreaterThan(2);
      // The slide number: the last word at the bottom right.
      const number = words.filter((w) => w.text === String(i + 1) && w.yMin > page.height * NUMBER_ROW && w.xMin > page.width * 0.8);
      if (number.length !== 1) problems.push(`page ${i + 1}: slide number ${i + 1} not at the bottom right`);
      for (const w of words) {
        if (number.includes(w)) continue;
        if (w.xMin < 0 || w.yMin < 0 || w.xMax > page.width || w.yMax > page.height) problems.push(`page ${i + 1} (${titles[i]}): "${w.text}" is off the slide`);
        else if (w.yMax > page.height * NUMBER_ROW) problems.push(`page ${i + 1} (${titles[i]}): "${w.text}" runs into the footer (y ${w.yMax.toFixed(0)} of ${page.height.toFixed(0)})`);
      }
    });
    expect(problems).toEqual([]);
  });

  it('shows each slide heading on its page', () => {
    const texts = pageTexts(pdf).map((t) => t.replace(/\s+/g, ' '));
    const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(texts[0]).toContain('Massage Therapy and Multiple Sclerosis');
    expect(texts.filter((t) => t.includes('What they found')).length).toBe(titles.filter((t) => /: results( \(\d+ of \d+\))?$/.test(t)).length);
    expect(flat(texts.at(-1)!)).toContain('Questions?');
  });

  it('draws the QR code as a picture on the last page', () => {
    const png = (page: number) => {
      const out = `${pdf.replace(/\.pdf$/, '')}-${page}`;
      execFileSync('pdftoppm', ['-r', '48', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, out]);
      return PNG.sync.read(readFileSync(`${out}.png`));
    };
    // Dark pixels in the right part of the last slide, where the QR code is and no text is.
    const last = png(slideCount);
    let dark = 0;
    for (let y = Math.round(last.height * 0.2); y < last.height * 0.6; y++)
      for (let x = Math.round(last.width * 0.72); x < last.width * 0.95; x++) if (last.data[(y * last.width + x) * 4]! < 80) dark++;
    expect(dark).toBeGreaterThan(1500);
  });
});
