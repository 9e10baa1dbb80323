// The PowerPoint file of the real talk, read back from its XML (issue 14): one slide per deck slide, each with a real
// title placeholder, the talk's figures, names and quotes as text, notes on every slide, tables as tables, pictures
// with alternative text, working links, sizes no smaller than 24 px, and the document's properties.
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { notesText } from '../../src/pptx/notes-text.ts';
import { ATTRIBUTIONS, FIGURES, NAMES, QUOTES, STUDY_TITLES } from '../pdf/expected.ts';
import { notesBody, placeholderType, pptxOf, readPptx, ROOT, shapes, textOf } from './support.ts';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Quotes compared with straight or curly apostrophes alike. */
const plain = (s: string) => flat(s).replace(/[’‘]/g, "'").replace(/[“”]/g, '"');

async function talk() {
  const { buffer, deck } = await pptxOf(ROOT);
  const pptx = await readPptx(buffer);
  return { deck, pptx, slides: await pptx.slides(), notes: await pptx.notes() };
}

describe('the PowerPoint file of the talk', () => {
  it('has one 16:9 slide (13.33 × 7.5 in) per deck slide, in the same order', async () => {
    const { deck, pptx, slides } = await talk();
    expect(slides.length).toBe(deck.slides.length);
    expect(slides.length).toBeGreaterThan(30);
    const size = DomUtils.findOne((e) => e.name === 'p:sldSz', (await pptx.xml('ppt/presentation.xml')).children, true)!;
    expect(Number(size.attribs.cx) / 914400).toBeCloseTo(13.333, 2);
    expect(Number(size.attribs.cy) / 914400).toBeCloseTo(7.5, 2);
    const titles = slides.map((s) => flat(textOf(shapes(s).find((sp) => placeholderType(sp) === 'title')!)));
    // Each slide's title is its heading: the deck's slide titles (which name the part, "1 of 2") start the same way.
    deck.slides.forEach((slide, i) => {
      const heading = flat(slide.title.replace(/ \(\d+ of \d+\)$/, '').replace(/: results$/, ''));
      if (slide.kind === 'study-results') expect(titles[i]).toMatch(/^What they found/);
      else if (slide.kind === 'quote') expect(titles[i]).toMatch(/^What therapists see/);
      else if (slide.kind === 'clinic') expect(titles[i]).toBe('MS Massage Specialty Clinic, Toronto');
      else expect(titles[i], slide.id).toContain(heading.replace(/ continued$/, ''));
    });
  });

  it('gives every slide a title placeholder with text, placed on the slide', async () => {
    const { slides, pptx } = await talk();
    for (const [i, slide] of slides.entries()) {
      const title = shapes(slide).filter((sp) => placeholderType(sp) === 'title');
      expect(title, `slide ${i + 1}`).toHaveLength(1);
      expect(flat(textOf(title[0]!)).length, `slide ${i + 1}`).toBeGreaterThan(2);
      const off = DomUtils.findOne((e) => e.name === 'a:off', title, true)!;
      expect(Number(off.attribs.y)).toBeLessThan(914400 * 1.5);
    }
    // The layout the slides use has the title placeholder, so PowerPoint's outline view lists the titles.
    const layouts = pptx.files.filter((f) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(f));
    const withTitle = await Promise.all(layouts.map(async (f) => shapes(await pptx.xml(f)).some((sp) => placeholderType(sp) === 'title')));
    expect(withTitle).toContain(true);
    // Layout names in the talk's words, and none of pptxgenjs's sample text left in the masters.
    const names = await Promise.all(layouts.map(async (f) => DomUtils.getElementsByTagName('p:cSld', (await pptx.xml(f)).children)[0]!.attribs.name));
    expect(names.sort()).toEqual(['Blank', 'Talk slide']);
    const masters = pptx.files.filter((f) => /^ppt\/(slideMasters|notesMasters)\/[^/]+\.xml$/.test(f));
    const masterText = (await Promise.all(masters.map(async (f) => textOf(await pptx.xml(f))))).join(' ');
    expect(masterText).not.toMatch(/null|Click to edit|level|\d+\/\d+\/\d+/);
  });

  it('holds every figure, name, attribution, study title and quote of the talk as text on a slide or in its notes', async () => {
    const { slides, notes } = await talk();
    const text = plain([...slides.map(textOf), ...notes.map((n) => (n ? notesBody(n) : ''))].join('\n'));
    const missing = [...FIGURES, ...NAMES, ...ATTRIBUTIONS, ...STUDY_TITLES, ...Object.values(QUOTES).flat()].filter((s) => !text.includes(plain(s)));
    expect(missing).toEqual([]);
  });

  it('puts each slide speaker notes in its notes pane, the whole quote on every part of a split quote', async () => {
    const { deck, notes } = await talk();
    expect(notes.every(Boolean)).toBe(true);
    deck.slides.forEach((slide, i) => {
      const body = notesBody(notes[i]!);
      expect(body.length, slide.id).toBeGreaterThan(20);
      expect(flat(body)).toBe(flat(notesText(unwrap(slide.notes))));
    });
    const parts = deck.slides.map((s, i) => [s, i] as const).filter(([s]) => s.id.startsWith('quote-bert-davich'));
    expect(parts).toHaveLength(3);
    for (const [, i] of parts) {
      const body = plain(notesBody(notes[i]!));
      for (const paragraph of QUOTES['Bert Davich, LMT']!) expect(body).toContain(plain(paragraph));
    }
  });

  it('makes the overview and every study result a real table (a:tbl), with the figures in its cells', async () => {
    const { deck, slides } = await talk();
    deck.slides.forEach((slide, i) => {
      const tables = DomUtils.getElementsByTagName('a:tbl', slides[i]!.children);
      if (slide.kind === 'overview' || slide.kind === 'study-results') expect(tables.length, slide.id).toBe(1);
    });
    const results = deck.slides.findIndex((s) => s.id === 'study-negahban-2013-results');
    const table = DomUtils.getElementsByTagName('a:tbl', slides[results]!.children)[0]!;
    const rows = DomUtils.getElementsByTagName('a:tr', [table]).map((tr) => DomUtils.getElementsByTagName('a:tc', [tr]).map((tc) => flat(textOf(tc))));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(['Improved', 'Pain (massage vs exercise): mean change 2.75 points, P = 0.001']);
    const overview = DomUtils.getElementsByTagName('a:tbl', slides[deck.slides.findIndex((s) => s.id === 'overview')]!.children)[0]!;
    const head = DomUtils.getElementsByTagName('a:tc', [DomUtils.getElementsByTagName('a:tr', [overview])[0]!]).map((tc) => flat(textOf(tc)));
    expect(head).toEqual(['Study', 'Design', 'Size', 'Measured improvement', 'Other findings']);
  });

  it('shows lists as bullet or numbered paragraphs, not lines of text', async () => {
    const { deck, slides } = await talk();
    const agenda = slides[deck.slides.findIndex((s) => s.id === 'agenda')]!;
    const numbered = DomUtils.getElementsByTagName('a:buAutoNum', agenda.children);
    expect(numbered).toHaveLength(5);
    // Every list item of every slide (bar the results, which are a table) is one bullet or numbered paragraph.
    deck.slides.forEach((slide, i) => {
      const doc = parseDocument(unwrap(slide.body));
      const items = DomUtils.findAll((e) => e.name === 'li' && !(e.parent as { attribs?: Record<string, string> } | null)?.attribs?.class?.includes('results'), doc.children);
      const bullets = DomUtils.findAll((e) => e.name === 'a:buChar' || e.name === 'a:buAutoNum', slides[i]!.children);
      expect(bullets.length, slide.id).toBe(items.length);
    });
    // An item with bold, italic or linked words is still one numbered paragraph (its properties given once, first).
    const references = deck.slides.map((s, i) => [s, slides[i]!] as const).filter(([s]) => s.kind === 'references');
    const numbers = references.flatMap(([, x]) => DomUtils.getElementsByTagName('a:buAutoNum', x.children).map((n) => Number(n.attribs.startAt)));
    expect(numbers).toEqual(deck.model.studies.studies.map((_, i) => i + 1));
    for (const x of slides) for (const p of DomUtils.getElementsByTagName('a:p', x.children)) {
      const props = p.children.filter((c) => c.type === 'tag' && (c as { name: string }).name === 'a:pPr');
      expect(props.length).toBeLessThanOrEqual(1);
      if (props.length) expect(p.children.find((c) => c.type === 'tag')).toBe(props[0]);
    }
  });

  it('gives every picture alternative text: the marks their direction, the QR code its address', async () => {
    const { deck, slides } = await talk();
    const pictures = slides.flatMap((s, i) => DomUtils.getElementsByTagName('p:pic', s.children).map((p) => ({ i, p })));
    expect(pictures.length).toBeGreaterThan(20);
    for (const { p } of pictures) {
      const descr = DomUtils.findOne((e) => e.name === 'p:cNvPr', [p], true)!.attribs.descr ?? '';
      expect(descr.trim().length).toBeGreaterThan(3);
      expect(descr).not.toMatch(/^data:|\.png$/);
    }
    const alts = (id: string) =>
      DomUtils.getElementsByTagName('p:cNvPr', slides[deck.slides.findIndex((s) => s.id === id)]!.children)
        .map((e) => e.attribs.descr)
        .filter(Boolean);
    expect(alts('questions')).toContain('QR code for https://example.org/talks/ms-massage/');
    expect(alts('study-schroeder-2014-results')).toEqual(['Symbol: No clear change', 'Symbol: No clear change', 'Symbol: Participants’ own report']);
    const overview = deck.slides.filter((s) => s.kind === 'overview').flatMap((s) => alts(s.id));
    expect(overview).toEqual(
      expect.arrayContaining(['Symbol: Improved', 'Symbol: No clear change', 'Symbol: Seems to improve', 'Symbol: Participants’ own report', 'Symbol: Not compelling', 'Symbol: Not reported']),
    );
  });

  it('makes links that work: the references DOI and PubMed links, and the text version at the share link', async () => {
    const { pptx } = await talk();
    const targets = (
      await Promise.all(
        pptx.files
          .filter((f) => /^ppt\/slides\/_rels\/.*\.rels$/.test(f))
          .map(async (f) => DomUtils.getElementsByTagName('Relationship', (await pptx.xml(f)).children).filter((r) => r.attribs.Type?.endsWith('/hyperlink'))),
      )
    )
      .flat()
      .map((r) => r.attribs.Target);
    expect(targets).toEqual(
      expect.arrayContaining([
        'https://doi.org/10.1177/0269215513491586',
        'https://pubmed.ncbi.nlm.nih.gov/23828184/',
        'https://pubmed.ncbi.nlm.nih.gov/?term=multiple+sclerosis+and+massage',
        'https://example.org/talks/ms-massage/',
        'https://example.org/talks/ms-massage/ms-massage-text.html',
      ]),
    );
    expect(targets.every((t) => /^(https?|mailto):/.test(t!))).toBe(true);
  });

  it('writes nothing under 24 px (18 pt), names Atkinson Hyperlegible, and numbers the slides in the footer', async () => {
    const { slides, pptx } = await talk();
    for (const [i, slide] of slides.entries()) {
      const sizes = DomUtils.findAll((e) => (e.name === 'a:rPr' || e.name === 'a:endParaRPr' || e.name === 'a:defRPr') && 'sz' in e.attribs, slide.children).map((e) => Number(e.attribs.sz));
      expect(Math.min(...sizes), `slide ${i + 1}`).toBeGreaterThanOrEqual(1800);
      const faces = new Set(DomUtils.getElementsByTagName('a:latin', slide.children).map((e) => e.attribs.typeface));
      expect([...faces], `slide ${i + 1}`).toEqual(['Atkinson Hyperlegible']);
      expect(DomUtils.findAll((e) => e.name === 'a:fld' && e.attribs.type === 'slidenum', slide.children), `slide ${i + 1}`).toHaveLength(1);
    }
    // The theme names the typeface too, and the fallback is a sans-serif (pitch family 34 = variable, swiss).
    const theme = await pptx.xml('ppt/theme/theme1.xml');
    expect(DomUtils.findAll((e) => e.name === 'a:latin' && e.attribs.typeface === 'Atkinson Hyperlegible', theme.children).length).toBeGreaterThan(0);
    const run = DomUtils.getElementsByTagName('a:latin', slides[0]!.children)[0]!;
    expect(run.attribs.pitchFamily).toBe('34');
  });

  it('uses the deck colours: near-black text on the deck background, contrast above 7:1', async () => {
    const { slides } = await talk();
    const lum = (hex: string) => {
      const c = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const contrast = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    const colours = new Set(
      slides.flatMap((s) =>
        DomUtils.findAll((e) => e.name === 'a:rPr', s.children).flatMap((r) => DomUtils.findAll((e) => e.name === 'a:srgbClr', r.children).map((c) => c.attribs.val!)),
      ),
    );
    expect(colours.size).toBeGreaterThan(0);
    for (const c of colours) expect(contrast(c, 'FFFDF7'), c).toBeGreaterThanOrEqual(7);
  });

  it('carries the title, subject, author and language in its document properties', async () => {
    const { deck, pptx } = await talk();
    const core = await pptx.xml('docProps/core.xml');
    const field = (name: string) => flat(DomUtils.textContent(DomUtils.getElementsByTagName(name, core.children)));
    expect(field('dc:title')).toBe('Massage Therapy and Multiple Sclerosis');
    expect(field('dc:subject')).toBe(flat(deck.model.talk.description));
    expect(field('dc:language')).toBe('en');
    expect(field('dc:creator')).toBe(deck.model.talk.speaker.name ?? '');
    expect(field('dc:creator')).not.toContain('PptxGenJS');
    const runs = (await pptx.slides()).flatMap((s) => DomUtils.getElementsByTagName('a:rPr', s.children));
    expect(new Set(runs.map((r) => r.attribs.lang))).toEqual(new Set(['en']));
  });

  it('keeps text with markup as text: a talk title holding <b> and a script tag is written as characters', async () => {
    const { deck } = await pptxOf(ROOT);
    const { makePptx } = await import('../../src/pptx/make-pptx.ts');
    const { html } = await import('../../src/html/escape.ts');
    const nasty = '<b>bold?</b> <script>alert(1)</script> & "quotes"';
    const slides = [{ ...deck.slides[3]!, title: nasty, body: html`<h2>${nasty}</h2><ul><li>${nasty}</li></ul>`, notes: html`<p>${nasty}</p>` }];
    const pptx = await readPptx((await makePptx({ model: deck.model, slides })).buffer);
    const [slide] = await pptx.slides();
    const [notes] = await pptx.notes();
    expect(textOf(slide!)).toContain(nasty);
    expect(notesBody(notes!)).toBe(nasty);
    expect(DomUtils.getElementsByTagName('b', slide!.children)).toHaveLength(0);
    expect(DomUtils.getElementsByTagName('script', slide!.children)).toHaveLength(0);
  });
});
