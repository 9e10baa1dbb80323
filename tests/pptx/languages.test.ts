// The Spanish example talk's PowerPoint file (issue 14): no word the project writes is left in English, on a slide,
// in the notes, in a picture's alternative text or in the layout's name; the document's language is the talk's; and
// LibreOffice draws it with every word inside its slide.
import { resolve } from 'node:path';
import { DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { pageWords } from '../pdf/support.ts';
import { englishPhrases } from '../support/locale-phrases.ts';
import { notesBody, pptxOf, readPptx, renderWithLibreOffice, ROOT, textOf, type Pptx } from './support.ts';

const EXAMPLE = resolve(ROOT, 'examples/ejercicio-em');

/** All the words a reader of the file can meet: slides, notes, alternative text, layout and master names. */
async function everythingWritten(pptx: Pptx): Promise<string> {
  const slides = await pptx.slides();
  const notes = await pptx.notes();
  const names = await Promise.all(
    pptx.files
      .filter((f) => /^ppt\/(slideLayouts|slideMasters)\/[^/]+\.xml$/.test(f))
      .map(async (f) => DomUtils.getElementsByTagName('p:cSld', (await pptx.xml(f)).children).map((c) => c.attribs.name ?? '')),
  );
  const alts = slides.flatMap((s) => DomUtils.getElementsByTagName('p:cNvPr', s.children).map((e) => e.attribs.descr ?? ''));
  return [...slides.map(textOf), ...notes.map((n) => (n ? notesBody(n) : '')), ...alts, ...names.flat()].join('\n').replace(/\s+/g, ' ');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function englishIn(text: string, lang: string): string[] {
  return englishPhrases(lang).filter((p) => new RegExp(`(^|[^\\p{L}])${escape(p)}($|[^\\p{L}])`, 'u').test(text));
}

describe('the PowerPoint file of the Spanish example talk', () => {
  it('holds no English word the project writes', async () => {
    const { buffer, deck } = await pptxOf(EXAMPLE);
    const pptx = await readPptx(buffer);
    expect((await pptx.slides()).length).toBe(deck.slides.length);
    const text = await everythingWritten(pptx);
    expect(text).toContain('Símbolo: Mejoró'.split(':')[0]!);
    expect(englishIn(text, 'es')).toEqual([]);
  });

  it('gives each direction of an overview cell its own mark, in a row of its own that the study spans', async () => {
    const { buffer, deck } = await pptxOf(EXAMPLE);
    const slides = await (await readPptx(buffer)).slides();
    const at = deck.slides.findIndex((s) => s.kind === 'overview');
    const overview = slides[at]!;
    const alts = DomUtils.getElementsByTagName('p:cNvPr', overview.children).map((e) => e.attribs.descr).filter(Boolean);
    const w = deck.model.words;
    // "Opiniones sobre la piscina" (mixed) and "El calor" (worse) share a cell in the deck, a line each.
    expect(alts).toEqual(expect.arrayContaining([w.text('pptx.markAlt', { direction: w.text('result.mixed') }), w.text('pptx.markAlt', { direction: w.text('result.worse') })]));
    const cells = DomUtils.getElementsByTagName('a:tc', overview.children);
    expect(cells.some((c) => Number(c.attribs.rowSpan) >= 2)).toBe(true);
    const texts = cells.map((c) => textOf(c).trim());
    // Each finding in the "other findings" column is named in words before its outcomes.
    expect(texts).toContain(`${w.text('overview.markWord', { word: w.text('result.mixed') })} Opiniones sobre la piscina`);
    expect(texts).toContain(`${w.text('overview.markWord', { word: w.text('result.worse') })} El calor`);
  });

  it('finds English in the English talk, so the check above can fail', async () => {
    const text = await everythingWritten(await readPptx((await pptxOf(ROOT)).buffer));
    expect(englishIn(text, 'es')).toEqual(expect.arrayContaining(['What they found', 'Talk slide']));
  });

  it('says it is in Spanish: the document and every run', async () => {
    const pptx = await readPptx((await pptxOf(EXAMPLE)).buffer);
    const core = await pptx.xml('docProps/core.xml');
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('dc:language', core.children))).toBe('es');
    const langs = new Set((await pptx.slides()).flatMap((s) => DomUtils.getElementsByTagName('a:rPr', s.children).map((r) => r.attribs.lang)));
    expect(langs).toEqual(new Set(['es']));
  });

  it('is drawn by LibreOffice with one page per slide and every word inside its slide, above the slide number', async () => {
    const { buffer, deck } = await pptxOf(EXAMPLE);
    const pages = pageWords(renderWithLibreOffice(buffer, 'ejercicio-em'));
    expect(pages).toHaveLength(deck.slides.length);
    const out = pages.flatMap((page, i) =>
      page.words
        .filter((w) => !(w.text === String(i + 1) && w.xMin > page.width * 0.8))
        .filter((w) => w.xMin < 0 || w.xMax > page.width || w.yMax > (page.height * 670) / 720)
        .map((w) => `page ${i + 1}: ${w.text}`),
    );
    expect(out).toEqual([]);
  }, 180_000);
});
