// The handout's parts one by one: the print page, the notes beside each slide, the outline writer, the build
// check and the atomic write. No browser needed.
import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staleReason } from '../../src/handout/build-state.ts';
import { countPdfPages, writeAtomically } from '../../src/handout/make-pdfs.ts';
import { decodePdfString, encodePdfString, pageRefs, readOutline, withOutline } from '../../src/handout/pdf-outline.ts';
import {
  absoluteLinks,
  cssString,
  printedNotes,
  renderHandoutPage,
  slideBodyForPrint,
  splitNotes,
  topLevelBlocks,
} from '../../src/handout/render-handout-page.ts';
import { raw } from '../../src/html/escape.ts';
import type { TimedSlide } from '../../src/layout/slide.ts';
import { buildTalk, type BuiltDeck } from '../../src/deck/build-talk.ts';
import { outline, pdfInfo, ROOT } from './support.ts';

const TMP = resolve(ROOT, '.tmp', `pdf-units-${process.pid}`);
let deck: BuiltDeck;

beforeAll(async () => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  deck = await buildTalk(ROOT);
});

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const slide = (id: string, notes: string): TimedSlide => ({ id, title: id, kind: 'text', body: raw(`<h2>${id}</h2>`), notes: raw(notes), weight: 1, seconds: 10 });

describe('the handout page', () => {
  it('is one self-contained page: every slide with its notes, no script, a policy, the references', () => {
    const { fileName, source } = renderHandoutPage(deck);
    expect(fileName).toBe('ms-massage-handout.html');
    expect(source).toContain('http-equiv="Content-Security-Policy"');
    expect(source).not.toMatch(/<script\b/);
    for (const [i, s] of deck.slides.entries()) {
      expect(source).toContain(`id="slide-${s.id}"`);
      expect(source).toContain(`<span class="no">Slide ${i + 1}</span>`);
      expect(source).toContain(`${i + 1} / ${deck.slides.length}`);
    }
    for (const h of ['References', 'Where to read more', 'Thanks']) expect(source).toMatch(new RegExp(`<h2 id="[a-z-]+">${h}</h2>`));
  });

  it('says so on the cover of a talk that does not publish its notes, and prints each slide without an empty notes label', () => {
    const quiet = { ...deck, model: { ...deck.model, talk: { ...deck.model.talk, publishNotes: false } }, slides: deck.slides.map((s) => ({ ...s, notes: raw('') })) };
    for (const largePrint of [false, true]) {
      const { source } = renderHandoutPage(quiet, '', { largePrint });
      expect(source).toContain('The speaker’s notes are not published with this talk: each slide is printed on its own.');
      expect(source).not.toContain('What the speaker says');
      for (const s of deck.slides) expect(source).toContain(`id="slide-${s.id}"`);
    }
    expect(renderHandoutPage(deck).source).not.toContain('are not published with this talk');
  });

  it('makes the large-print page from the same slides: its own file, title, class and larger slides', () => {
    const { fileName, source } = renderHandoutPage(deck, '', { largePrint: true });
    expect(fileName).toBe('ms-massage-handout-large-print.html');
    expect(source).toContain('<title>Massage Therapy and Multiple Sclerosis: large-print handout</title>');
    expect(source).toContain('<body class="handout large-print">');
    expect(source).toContain('--thumb-zoom:0.54');
    expect(source).toContain("@bottom-right{content:'Page ' counter(page) ' of ' counter(pages)}".replace(/'/g, '"'));
    for (const s of deck.slides) expect(source).toContain(`id="slide-${s.id}"`);
  });

  it('points every link at a full address or a place in the page, so the links work from a PDF', () => {
    const { source } = renderHandoutPage(deck);
    const hrefs = [...source.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.filter((h) => !/^(https?:|mailto:|#)/.test(h))).toEqual([]);
    expect(hrefs).toContain('https://example.org/talks/ms-massage/ms-massage-text.html');
  });

  it("keeps the slides' own headings looking the same but out of the outline", () => {
    expect(slideBodyForPrint('<h1>T</h1><h2 class="x">U</h2>', deck.model, new Set())).toBe('<h1 role="none">T</h1><h2 role="none" class="x">U</h2>');
  });

  it('rewrites relative links and links to slides', () => {
    const ids = new Set(['agenda']);
    expect(absoluteLinks('<a href="x-text.html">t</a>', deck.model, ids)).toBe('<a href="https://example.org/talks/ms-massage/x-text.html">t</a>');
    expect(absoluteLinks('<a href="#/agenda">a</a><a href="#/nope">n</a>', deck.model, ids)).toBe('<a href="#slide-agenda">a</a><a href="#/nope">n</a>');
    expect(absoluteLinks('<a href="https://doi.org/1">d</a><a href="mailto:a@b.org">m</a>', deck.model, ids)).toBe(
      '<a href="https://doi.org/1">d</a><a href="mailto:a@b.org">m</a>',
    );
  });

  it('prints a quote repeated in later notes once, and points to it', () => {
    const quote = '<blockquote><p>Words.</p></blockquote>';
    const out = printedNotes([slide('a', `<p>Intro</p>${quote}`), slide('b', `<p>Again:</p>${quote}`), slide('c', '<p>Other</p>')], deck.model.words);
    expect(out[0]).toBe(`<p>Intro</p>${quote}`);
    expect(out[1]).toBe('<p>Again:</p><p class="same-quote">(Printed in full in the notes for slide 1.)</p>');
    expect(out[2]).toBe('<p>Other</p>');
  });

  it('splits notes into what fits beside the slide and the rest, keeping an introduction with what it introduces', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(splitNotes(`<p>${words(50)}</p><p>${words(10)}</p><p>${words(30)}</p>`, 70)).toEqual({
      lead: [`<p>${words(50)}</p>`, `<p>${words(10)}</p>`],
      rest: [`<p>${words(30)}</p>`],
    });
    // The first block always goes beside the slide, however long.
    expect(splitNotes(`<p>${words(200)}</p><p>x</p>`, 70).lead).toHaveLength(1);
    expect(splitNotes(`<p>${words(20)}</p><p>The whole quote:</p><blockquote><p>${words(90)}</p></blockquote>`, 70)).toEqual({
      lead: [`<p>${words(20)}</p>`],
      rest: ['<p>The whole quote:</p>', `<blockquote><p>${words(90)}</p></blockquote>`],
    });
  });

  it('finds top-level blocks, nested ones inside them', () => {
    expect(topLevelBlocks('<p>a</p>\n<ul><li>x</li><li><ul><li>y</li></ul></li></ul> loose <div><div>z</div></div>')).toEqual([
      '<p>a</p>',
      '<ul><li>x</li><li><ul><li>y</li></ul></li></ul>',
      'loose',
      '<div><div>z</div></div>',
    ]);
  });

  it('reads the notes as HTML, not as text that looks like it', () => {
    // A comment or code showing a tag is not a block of its own; a link shown as code is not rewritten.
    expect(topLevelBlocks('<p>a <code>&lt;div&gt;</code></p><!-- <p>x</p> -->\n<p>b</p>')).toEqual(['<p>a <code>&lt;div&gt;</code></p>', '<!-- <p>x</p> -->', '<p>b</p>']);
    const code = '<p><code>href="x.html"</code> <a title="href=&quot;y.html&quot;" href="y.html?a=1&amp;b=2">y</a></p>';
    expect(absoluteLinks(code, deck.model, new Set())).toBe(
      '<p><code>href="x.html"</code> <a title="href=&quot;y.html&quot;" href="https://example.org/talks/ms-massage/y.html?a=1&amp;b=2">y</a></p>',
    );
    // A heading that has its role already keeps it; one shown as code gets none.
    expect(slideBodyForPrint('<h2 role="heading">T</h2><p><code>&lt;h3&gt;</code></p>', deck.model, new Set())).toBe('<h2 role="heading">T</h2><p><code>&lt;h3&gt;</code></p>');
    // A quote inside a quote is part of it, not a quote of its own.
    const nested = '<blockquote><p>A</p><blockquote><p>B</p></blockquote><p>C</p></blockquote>';
    const out = printedNotes([slide('a', nested), slide('b', `<p>Again:</p>${nested}`)], deck.model.words);
    expect(out).toEqual([nested, '<p>Again:</p><p class="same-quote">(Printed in full in the notes for slide 1.)</p>']);
    // Words are counted in the text, tags apart: a line break separates two words.
    expect(splitNotes('<p>one<br>two</p><p>three four</p>', 2)).toEqual({ lead: ['<p>one<br>two</p>'], rest: ['<p>three four</p>'] });
  });

  it('writes CSS strings safely', () => {
    expect(cssString('A "talk" \\ 1')).toBe('"A \\22 talk\\22  \\5c  1"');
  });
});

describe('the outline writer', () => {
  const file = resolve(TMP, 'tiny.pdf');

  it('adds an outline to a PDF, readable by poppler, with titles in any script', () => {
    const pdf = tinyPdf(3);
    expect(countPdfPages(pdf)).toBe(3);
    const pages = pageRefs(pdf);
    expect(pages).toEqual(['3 0 R', '4 0 R', '5 0 R']);
    const titles = ['Slide 1: Plain (with parentheses)', 'Slide 2: “Curly” — dash', 'Slide 3: café'];
    const out = withOutline(pdf, titles.map((title, i) => ({ title, dest: `[${pages[i]} /Fit]` })), { author: 'A speaker', subject: 'What it is about' });
    writeFileSync(file, out);
    expect(outline(file)).toEqual(titles.map((title, i) => ({ title, page: i + 1, depth: 1 })));
    expect(readOutline(out).map((e) => e.title)).toEqual(titles);
    const info = pdfInfo(file);
    expect(info.Title).toBe('Tiny');
    expect(info.Author).toBe('A speaker');
    expect(info.Subject).toBe('What it is about');
    expect(info.Pages).toBe('3');
    // The update only adds: the original bytes are all still there, first.
    expect(out.subarray(0, pdf.length).equals(pdf)).toBe(true);
  });

  it('replaces an outline, again and again', () => {
    const once = withOutline(tinyPdf(2), [{ title: 'One', dest: '[3 0 R /Fit]' }]);
    const twice = withOutline(once, [{ title: 'Two', dest: '[4 0 R /Fit]' }, { title: 'Three', dest: '[3 0 R /Fit]' }]);
    writeFileSync(file, twice);
    expect(outline(file)).toEqual([
      { title: 'Two', page: 2, depth: 1 },
      { title: 'Three', page: 1, depth: 1 },
    ]);
  });

  it('encodes and decodes PDF strings', () => {
    for (const s of ['plain', 'with (parens) and \\ backslash', '“quotes” – dash', 'Ünïcödé']) expect(decodePdfString(encodePdfString(s))).toBe(s);
    expect(decodePdfString('(a\\(b\\)c\\n\\101)')).toBe('a(b)c\nA');
  });
});

describe('building first', () => {
  it('builds when the built files are missing or older than a source', () => {
    const dist = resolve(TMP, 'dist');
    const src = resolve(TMP, 'src');
    mkdirSync(dist, { recursive: true });
    mkdirSync(resolve(src, 'deep'), { recursive: true });
    writeFileSync(resolve(src, 'deep', 'a.yaml'), 'a: 1');
    const inputs = { dist, outputs: ['index.html', 'h.html'], sources: [src, resolve(TMP, 'missing-file')] };
    expect(staleReason(inputs)).toMatch(/index\.html is not built yet/);
    writeFileSync(resolve(dist, 'index.html'), '');
    writeFileSync(resolve(dist, 'h.html'), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(resolve(src, 'deep', 'a.yaml'), past, past);
    expect(staleReason(inputs)).toBeUndefined();
    const future = new Date(Date.now() + 60_000);
    utimesSync(resolve(src, 'deep', 'a.yaml'), future, future);
    expect(staleReason(inputs)).toMatch(/a\.yaml changed since the last build/);
  });
});

describe('writing a PDF', () => {
  it('writes the whole file under its name, and nothing else', () => {
    const dir = resolve(TMP, 'write');
    mkdirSync(dir, { recursive: true });
    writeAtomically(resolve(dir, 'x.pdf'), Buffer.from('%PDF-1.4 whole'));
    expect(readdirSync(dir)).toEqual(['x.pdf']);
  });

  it('leaves no temporary file when the file cannot be put in place', () => {
    const dir = resolve(TMP, 'write-fails');
    mkdirSync(resolve(dir, 'x.pdf'), { recursive: true });
    writeFileSync(resolve(dir, 'x.pdf', 'inside'), 'a folder stands where the PDF would go');
    expect(() => writeAtomically(resolve(dir, 'x.pdf'), Buffer.from('%PDF'))).toThrow();
    expect(readdirSync(dir)).toEqual(['x.pdf']);
  });
});

/** A small valid PDF with a classic cross-reference table, as Chromium writes them: catalog, page tree, info. */
function tinyPdf(pages: number): Buffer {
  const bodies: string[] = [];
  bodies[1] = '<</Type /Catalog\n/Pages 2 0 R>>';
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`);
  bodies[2] = `<</Type /Pages\n/Kids [${kids.join(' ')}]\n/Count ${pages}>>`;
  for (let i = 0; i < pages; i++) bodies[3 + i] = '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 200 100]>>';
  const info = 3 + pages;
  bodies[info] = '<</Title (Tiny)\n/Producer (a test)>>';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < bodies.length; n++) {
    offsets[n] = out.length;
    out += `${n} 0 obj\n${bodies[n]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${bodies.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < bodies.length; n++) out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${bodies.length}\n/Root 1 0 R\n/Info ${info} 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(out, 'latin1');
}
