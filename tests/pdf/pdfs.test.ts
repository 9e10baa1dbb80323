// `npm run pdf` end to end: builds the deck into a folder of the test's own (never dist/), prints both PDFs with
// Debian's Chromium, and reads them back with poppler-utils as a reader's PDF viewer would: pages, text, links,
// outline, tags, fonts, and where every word sits on its page. Without Chromium these tests fail; they never skip.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { printedNotes } from '../../src/handout/render-handout-page.ts';
import { doiUrl, pubmedUrl } from '../../src/references/csl-item.ts';
import { buildTalk, type BuiltDeck } from '../../src/deck/build-talk.ts';
import { ATTRIBUTIONS, FIGURES, NAMES, QUOTES, REFERENCES, RESOURCE_LINKS, STUDY_TITLES } from './expected.ts';
import {
  flat,
  fonts,
  htmlBlocks,
  htmlText,
  linkAnnotations,
  outline,
  pageSize,
  pageTexts,
  pageWords,
  pdfInfo,
  cutOff,
  loose,
  ROOT,
  runPdfScript,
  squash,
  token,
  type Run,
} from './support.ts';

// Folders of this run's own (two test runs in one tree at once must not share them), removed at the end.
const DIST = resolve(ROOT, '.tmp', `pdf-test-${process.pid}`);
const A4 = resolve(ROOT, '.tmp', `pdf-test-a4-${process.pid}`);
const SLIDES = resolve(DIST, 'ms-massage-slides.pdf');
const HANDOUT = resolve(DIST, 'ms-massage-handout.pdf');
const HANDOUT_A4 = resolve(A4, 'ms-massage-handout.pdf');
const LARGE = resolve(DIST, 'ms-massage-handout-large-print.pdf');
const SPANISH = resolve(ROOT, '.tmp', `pdf-test-es-${process.pid}`);
const INCH = 72;

let deck: BuiltDeck;
let run: Run;

beforeAll(async () => {
  rmSync(DIST, { recursive: true, force: true });
  rmSync(A4, { recursive: true, force: true });
  deck = await buildTalk(ROOT);
  // The folder does not exist yet, so the script must build the deck first.
  run = runPdfScript(['--dist', DIST, '--large-print']);
  if (run.status !== 0) throw new Error(`npm run pdf failed with ${run.status}:\n${run.stdout}\n${run.stderr}`);
}, 300_000);

afterAll(() => {
  rmSync(DIST, { recursive: true, force: true });
  rmSync(A4, { recursive: true, force: true });
  rmSync(SPANISH, { recursive: true, force: true });
});

/** The first word on the page whose text is `text`, found on the page that holds `on` (a heading). */
function wordOn(file: string, on: string, text: string): { width: number; height: number; xMax: number; page: number; pageWidth: number } {
  const pages = pageWords(file);
  const texts = pageTexts(file).map(flat);
  for (const [i, page] of pages.entries()) {
    if (!texts[i]!.includes(on)) continue;
    const w = page.words.find((x) => x.text === text);
    if (w) return { width: w.xMax - w.xMin, height: w.yMax - w.yMin, xMax: w.xMax, page: i + 1, pageWidth: page.width };
  }
  throw new Error(`no "${text}" on a page with "${on}" in ${file}`);
}

/** The handout's text as one string, its running footer ("…: handout", "Page n of m") taken out. */
function handoutText(file: string): string {
  return flat(
    pageTexts(file)
      .map((page) =>
        page
          .split('\n')
          .filter((line) => !/^(Massage Therapy and Multiple Sclerosis: handout)?\s*(Page \d+ of \d+)?$/.test(line.trim()) || !line.trim())
          .join('\n'),
      )
      .join('\n'),
  );
}

describe('npm run pdf', () => {
  it('builds the deck when it is not built, then writes both files and says what it wrote', () => {
    expect(run.stdout).toContain('Building the deck first');
    expect(run.stdout).toMatch(new RegExp(`ms-massage-slides\\.pdf\\s+${deck.slides.length} pages`));
    expect(run.stdout).toMatch(/ms-massage-handout\.pdf\s+\d+ pages/);
    expect(run.stdout).toMatch(/Done in [\d.]+ s\./);
    // No warning but the one the talk has earned: its share link is still the example address.
    expect(run.stderr.split('\n').filter((l) => /warning/i.test(l) && !/ is a placeholder address /.test(l))).toEqual([]);
    expect(existsSync(SLIDES) && existsSync(HANDOUT)).toBe(true);
  });

  it('leaves no temporary file behind', () => {
    expect(readdirSync(DIST).filter((f) => f.includes('partial'))).toEqual([]);
  });
});

describe('the slides PDF', () => {
  it('has one 16:9 page per slide, 1280×720 (13.33 × 7.5 inches)', () => {
    expect(Number(pdfInfo(SLIDES).Pages)).toBe(deck.slides.length);
    expect(pageTexts(SLIDES)).toHaveLength(deck.slides.length);
    expect(pageSize(SLIDES)).toEqual({ width: 960, height: 540 });
  });

  it("shows each slide's heading and its number, n / total, on the slide's own page", () => {
    const pages = pageTexts(SLIDES).map(flat);
    const total = deck.slides.length;
    deck.slides.forEach((s, i) => {
      const heading = /<h[12]\b[^>]*>([\s\S]*?)<\/h[12]>/.exec(unwrap(s.body))![1]!;
      expect(squash(pages[i]!), `page ${i + 1} (${s.id})`).toContain(squash(htmlText(heading).replace(/continued$/, '')));
      const number = new RegExp(`(?<!\\d)${i + 1} / ${total}(?!\\d)`);
      expect(pages[i], `page ${i + 1} (${s.id})`).toMatch(number);
      for (const [j, other] of pages.entries()) if (j !== i) expect(other).not.toMatch(number);
    });
  });

  it('cuts nothing off: every word lies on the page, and the last line of each slide is on its page', () => {
    expect(cutOff(SLIDES, deck.slides)).toEqual([]);
  });

  it("is tagged, with an outline of the slides' titles, each pointing at its page", () => {
    expect(pdfInfo(SLIDES).Tagged).toBe('yes');
    expect(pdfInfo(SLIDES).Title).toBe('Massage Therapy and Multiple Sclerosis: slides');
    expect(outline(SLIDES)).toEqual(deck.slides.map((s, i) => ({ title: `Slide ${i + 1}: ${s.title}`, page: i + 1, depth: 1 })));
  });

  it('keeps links clickable: the references and the share link are link annotations, none points at this machine', () => {
    const links = linkAnnotations(SLIDES);
    const urls = links.map((l) => l.url);
    for (const study of deck.model.studies.studies) {
      if (study.citation.doi) expect(urls).toContain(doiUrl(study.citation.doi));
      if (study.citation.pmid) expect(urls).toContain(pubmedUrl(study.citation.pmid));
    }
    expect(urls).toContain(deck.model.talk.shareUrl);
    expect(urls).toContain(new URL('ms-massage-text.html', deck.model.talk.shareUrl).href);
    expect(urls.filter((u) => /127\.0\.0\.1|localhost|^file:/.test(u))).toEqual([]);
    // The references slides carry their own links.
    const refs = deck.slides.flatMap((s, i) => (s.kind === 'references' ? [i + 1] : []));
    expect(links.filter((l) => refs.includes(l.page)).map((l) => l.url)).toContain(doiUrl('10.1177/0269215513491586'));
  });

  it('is real text in embedded fonts on every page', () => {
    expect(fonts(SLIDES).length).toBeGreaterThan(0);
    expect(fonts(SLIDES).filter((f) => !f.embedded)).toEqual([]);
    for (const [i, text] of pageTexts(SLIDES).entries()) expect(text.trim().length, `page ${i + 1}`).toBeGreaterThan(10);
  });
});

describe('the handout PDF (US Letter)', () => {
  it('is US Letter, portrait, each slide above its notes, drawn at 0.44 or more of its size in the slides PDF', () => {
    expect(pageSize(HANDOUT)).toEqual({ width: 612, height: 792 });
    // "specialty." is on slide 4 and nowhere in its notes: its size on the slide picture against the slides PDF.
    const onSlide = wordOn(SLIDES, 'Why this talk', 'specialty.');
    const inHandout = wordOn(HANDOUT, 'Slide 4: Why this talk', 'specialty.');
    const ratio = inHandout.width / onSlide.width;
    expect(ratio).toBeGreaterThanOrEqual(0.44);
    // The slide's body text is 36 px, 27 pt in the slides PDF: at least 8 pt in the handout.
    expect(27 * ratio).toBeGreaterThanOrEqual(8);
    // No page holds more than two slides; the notes' first words are on their slide's page.
    const perPage = new Map<number, number>();
    for (const entry of outline(HANDOUT).filter((e) => e.title.startsWith('Slide '))) perPage.set(entry.page, (perPage.get(entry.page) ?? 0) + 1);
    expect(Math.max(...perPage.values())).toBeLessThanOrEqual(2);
    const texts = pageTexts(HANDOUT).map(flat);
    expect(texts[inHandout.page - 1]).toContain('Fiza and Toni asked me to speak');
  });

  it('holds every figure, name and attribution of the talk as text', () => {
    const text = handoutText(HANDOUT);
    for (const s of [...FIGURES, ...NAMES, ...ATTRIBUTIONS, ...STUDY_TITLES]) expect(text, s).toContain(s);
    for (const r of REFERENCES) {
      expect(text).toContain(r.journal);
      if (r.pmid) expect(text).toContain(`PMID ${r.pmid}`);
      if (r.doi) expect(squash(text)).toContain(r.doi);
    }
  });

  it('holds every quote word for word', () => {
    const text = handoutText(HANDOUT);
    for (const [who, paragraphs] of Object.entries(QUOTES)) for (const p of paragraphs) expect(text, who).toContain(p);
  });

  it("has every slide in order, with its number and title, and the last line of each slide's notes", () => {
    expectSlidesAndNotes(HANDOUT);
  });

  it('ends with the references in full, their links clickable, then where to read more and the thanks', () => {
    const entries = outline(HANDOUT);
    const refsPage = entries.find((e) => e.title === 'References')!.page;
    const links = linkAnnotations(HANDOUT).filter((l) => l.page >= refsPage).map((l) => l.url);
    for (const study of deck.model.studies.studies) {
      if (study.citation.doi) expect(links).toContain(doiUrl(study.citation.doi));
      if (study.citation.pmid) expect(links).toContain(pubmedUrl(study.citation.pmid));
    }
    for (const url of RESOURCE_LINKS) expect(links).toContain(url);
    const back = flat(pageTexts(HANDOUT).slice(refsPage - 1).join('\n'));
    // The addresses are printed too, for readers of the paper copy.
    expect(squash(back)).toContain(squash(doiUrl('10.1177/0269215513491586')));
    expect(squash(back)).toContain(squash(pubmedUrl('23828184')));
    for (const s of ['Where to read more', 'Thanks', 'Fiza Mahmood and Toni Kodner', 'Keith Eric Grant, PhD.', 'Ruth Werner']) expect(back).toContain(s);
    expect(linkAnnotations(HANDOUT).filter((l) => /127\.0\.0\.1|localhost|^file:/.test(l.url))).toEqual([]);
  });

  it('is tagged, with an outline: the talk, each slide, the references, where to read more, the thanks', () => {
    expect(pdfInfo(HANDOUT).Tagged).toBe('yes');
    expect(pdfInfo(HANDOUT).Title).toBe('Massage Therapy and Multiple Sclerosis: handout');
    const entries = outline(HANDOUT);
    expect(entries.map((e) => e.title)).toEqual([
      deck.model.talk.title,
      ...deck.slides.map((s, i) => `Slide ${i + 1}: ${s.title}`),
      'References',
      'Where to read more',
      'Thanks',
    ]);
    const texts = pageTexts(HANDOUT).map(flat);
    for (const e of entries.filter((x) => x.title.startsWith('Slide '))) expect(texts[e.page - 1], e.title).toContain(e.title.split(':')[0]!);
    expect(entries.map((e) => e.page)).toEqual([...entries.map((e) => e.page)].sort((a, b) => a - b));
  });

  it('runs nothing off the paper: every word lies inside the page margins', () => {
    expectInsideMargins(HANDOUT);
  });

  it('is real text in embedded fonts on every page', () => {
    expect(fonts(HANDOUT).filter((f) => !f.embedded)).toEqual([]);
    for (const [i, text] of pageTexts(HANDOUT).entries()) expect(text.trim().length, `page ${i + 1}`).toBeGreaterThan(100);
  });
});

describe('the large-print handout (npm run pdf -- --large-print)', () => {
  it('is written beside the others, and said', () => {
    expect(run.stdout).toMatch(/ms-massage-handout-large-print\.pdf\s+\d+ pages .* large-print handout, US Letter/);
    expect(existsSync(LARGE)).toBe(true);
  });

  it('prints the notes at 16 points or more: 1.6 times the standard handout\'s 10.5', () => {
    const large = wordOn(LARGE, 'Slide 4: Why this talk', 'Fiza');
    const standard = wordOn(HANDOUT, 'Slide 4: Why this talk', 'Fiza');
    expect(large.height / standard.height).toBeGreaterThanOrEqual(1.6);
    // A word box is about the font size tall (ascender to descender).
    expect(large.height).toBeGreaterThanOrEqual(16);
  });

  it('gives each slide a page of its own, its picture across the page above its notes', () => {
    const slides = outline(LARGE).filter((e) => e.title.startsWith('Slide '));
    expect(slides).toHaveLength(deck.slides.length);
    expect(new Set(slides.map((e) => e.page)).size).toBe(deck.slides.length);
    // The slide's own number box sits at the picture's right edge: near the page's right margin.
    const number = wordOn(LARGE, 'Slide 4: Why this talk', 'specialty.');
    const onSlide = wordOn(SLIDES, 'Why this talk', 'specialty.');
    expect(number.width / onSlide.width).toBeGreaterThanOrEqual(0.52);
  });

  it("has every slide and the last line of every note: a note longer than a page goes on, never cut", () => {
    expectSlidesAndNotes(LARGE);
    // The tips' notes are longer than a large-print page: their last words are on a later page than their heading.
    const texts = pageTexts(LARGE).map(flat);
    const heading = texts.findIndex((t) => t.includes('Tips for massage sessions') && t.includes('WHAT THE SPEAKER SAYS'));
    const end = texts.findIndex((t) => t.includes('helpful with positioning and spasticity'));
    expect(end).toBeGreaterThan(heading);
  });

  it('has its title and page numbers on every page, an outline, tags and real text', () => {
    const texts = pageTexts(LARGE).map(flat);
    for (const [i, text] of texts.entries()) {
      expect(text, `page ${i + 1}`).toContain('Massage Therapy and Multiple Sclerosis');
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${texts.length}`);
      expect(text.length, `page ${i + 1}`).toBeGreaterThan(80);
    }
    expect(pdfInfo(LARGE).Tagged).toBe('yes');
    expect(pdfInfo(LARGE).Title).toBe('Massage Therapy and Multiple Sclerosis: large-print handout');
    expect(outline(LARGE).map((e) => e.title)).toEqual(outline(HANDOUT).map((e) => e.title));
    expectInsideMargins(LARGE);
    expect(fonts(LARGE).filter((f) => !f.embedded)).toEqual([]);
  });
});

describe('the PDFs of a talk in Spanish (examples/ejercicio-em)', () => {
  let es: Run;
  beforeAll(() => {
    es = runPdfScript(['--talk', 'examples/ejercicio-em', '--dist', SPANISH, '--large-print'], { DECK_TALK_MEMORY: 'off' });
    if (es.status !== 0) throw new Error(`npm run pdf on the Spanish example failed with ${es.status}:\n${es.stdout}\n${es.stderr}`);
  }, 300_000);

  it('carries no English the project wrote: titles, footers and outline entries in Spanish', () => {
    const file = (name: string) => resolve(SPANISH, readdirSync(SPANISH).find((f) => f.endsWith(name))!);
    const slides = file('-slides.pdf');
    const handout = file('-handout.pdf');
    const large = file('-handout-large-print.pdf');
    expect(pdfInfo(slides).Title).toMatch(/: diapositivas$/);
    expect(pdfInfo(handout).Title).toMatch(/: folleto$/);
    expect(pdfInfo(large).Title).toMatch(/: folleto en letra grande$/);
    for (const pdf of [slides, handout, large]) {
      const entries = outline(pdf).map((e) => e.title);
      expect(entries.filter((t) => /^Slide \d/.test(t)), pdf).toEqual([]);
      expect(entries.some((t) => /^Diapositiva 1: /.test(t)), pdf).toBe(true);
    }
    for (const pdf of [handout, large]) {
      const texts = pageTexts(pdf).map(flat);
      for (const [i, text] of texts.entries()) {
        expect(text, `${pdf} page ${i + 1}`).toContain(`Página ${i + 1} de ${texts.length}`);
        expect(text, `${pdf} page ${i + 1}`).not.toMatch(/\bPage \d+ of\b|: handout\b/);
      }
    }
  });
});

describe('the handout PDF on A4 (npm run pdf -- --a4)', () => {
  let a4: Run;
  beforeAll(() => {
    a4 = runPdfScript(['--dist', DIST, '--no-build', '--a4', '--out', A4]);
    if (a4.status !== 0) throw new Error(`npm run pdf -- --a4 failed with ${a4.status}:\n${a4.stdout}\n${a4.stderr}`);
  }, 300_000);

  it('is A4, portrait, and says so', () => {
    expect(a4.stdout).toMatch(/handout, A4/);
    expect(a4.stdout).not.toContain('Building');
    const { width, height } = pageSize(HANDOUT_A4);
    expect(Math.abs(width - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(height - 841.9)).toBeLessThan(1.5);
  });

  it('holds the same text, and nothing runs off the paper', () => {
    const text = handoutText(HANDOUT_A4);
    for (const s of [...FIGURES, ...NAMES, ...ATTRIBUTIONS, ...STUDY_TITLES]) expect(text, s).toContain(s);
    for (const paragraphs of Object.values(QUOTES)) for (const p of paragraphs) expect(text).toContain(p);
    expectInsideMargins(HANDOUT_A4);
    expect(outline(HANDOUT_A4)).toHaveLength(deck.slides.length + 4);
  });
});

/** Every slide in order, with its number and title, and the last line of each slide's notes (never cut off). */
function expectSlidesAndNotes(file: string): void {
  // Without white space or hyphens: a heading in large print may wrap after a hyphen ("self-" / "efficacy"), which
  // a text extractor joins without it.
  const text = loose(handoutText(file));
  let at = -1;
  deck.slides.forEach((s, i) => {
    const heading = `Slide ${i + 1}: ${s.title}`;
    const found = text.indexOf(loose(heading), at + 1);
    expect(found, heading).toBeGreaterThan(at);
    at = found;
  });
  // A text extractor may mix lines (the slide's and the notes'), so the last paragraph is looked for word by word
  // on the slide's own pages (its page and, if it runs on, the next).
  const notes = printedNotes(deck.slides, deck.model.words);
  const words = pageWords(file).map((p) => p.words.map((w) => token(w.text)));
  const texts = pageTexts(file).map(loose);
  const starts = outline(file).filter((e) => e.title.startsWith('Slide ')).map((e) => e.page);
  deck.slides.forEach((s, i) => {
    const last = htmlBlocks(notes[i]!).at(-1)!;
    const from = starts[i]! - 1;
    const to = (starts[i + 1] ?? starts[i]! + 1) + 1;
    const pages = new Set(words.slice(from, to).flat());
    const text = texts.slice(from, to).join('');
    const found = (t: string) => pages.has(t) || text.includes(loose(t)) || t.split('-').every((part) => !part || pages.has(token(part)));
    const missing = last.split(' ').map(token).filter((t) => t && !found(t));
    expect(missing, `last paragraph of the notes of ${s.id}: ${last}`).toEqual([]);
  });
}

/** Every word at least 0.35 inch from the left and right edges, 0.3 inch from the top and 0.25 from the bottom. */
function expectInsideMargins(file: string): void {
  for (const [i, { width, height, words }] of pageWords(file).entries()) {
    const outside = words.filter(
      (w) => w.xMin < 0.35 * INCH || w.xMax > width - 0.35 * INCH || w.yMin < 0.3 * INCH || w.yMax > height - 0.25 * INCH,
    );
    expect(outside.map((w) => `${w.text} @${w.xMin.toFixed(0)},${w.yMin.toFixed(0)}`), `page ${i + 1}`).toEqual([]);
  }
}
