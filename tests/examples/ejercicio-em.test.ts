// The Spanish example (examples/ejercicio-em), and the same talk in French: no word the project writes is left in
// English, figures are written as the language writes them, and the designs the vocabulary did not list in this
// talk's first version (cohort, qualitative) are shown in the talk's language.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { DomUtils, parseDocument as parseHtml } from 'htmlparser2';
import { unwrap } from '../../src/html/escape.ts';
import { EXTRA_PAGES } from '../../src/vite/extra-pages.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { ROOT, problemsOf } from '../data/talk-copy.ts';
import { englishPhrases } from '../support/locale-phrases.ts';

const EXAMPLE = resolve(ROOT, 'examples/ejercicio-em');
const work = mkdtempSync(join(tmpdir(), 'ejercicio-em-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The same talk with another `lang`: the talk's own words stay Spanish, the deck's own words change. */
function inLanguage(lang: string): string {
  const dir = join(work, lang);
  cpSync(EXAMPLE, dir, { recursive: true });
  const talk = join(dir, 'data', 'talk.yaml');
  const doc = parseDocument(readFileSync(talk, 'utf8'));
  doc.set('lang', lang);
  doc.delete('labels');
  writeFileSync(talk, doc.toString());
  return dir;
}

/** The visible words of a page of HTML (scripts and styles left out). */
function textOf(html: string): string {
  const doc = parseHtml(html);
  const drop = DomUtils.findAll((e) => e.name === 'script' || e.name === 'style', doc.children);
  for (const e of drop) DomUtils.removeElement(e);
  // Text nodes joined by a space: a heading right after a paragraph is two phrases, not one run-on word.
  return DomUtils.findAll(() => true, doc.children)
    .flatMap((e) => e.children.filter((c) => c.type === 'text').map((c) => (c as unknown as { data: string }).data))
    .join(' ')
    .replace(/\s+/g, ' ');
}

async function everythingWritten(root: string): Promise<string> {
  const deck = await buildTalk(root);
  const slides = deck.slides.map((s) => `${s.title} ${textOf(unwrap(s.body))} ${textOf(unwrap(s.notes))}`).join(' ');
  const pages = await Promise.all(EXTRA_PAGES.map(async (page) => (await page(deck)).source));
  return [slides, ...pages.map((p) => textOf(String(p)))].join(' ');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function englishIn(text: string, lang: string): string[] {
  return englishPhrases(lang).filter((p) => new RegExp(`(^|[^\\p{L}])${escape(p)}($|[^\\p{L}])`, 'u').test(text));
}

describe('the Spanish example talk', () => {
  it('passes the check, with a cohort study, a qualitative study and a study with seven results', async () => {
    expect(problemsOf(EXAMPLE)).toEqual([]);
    const deck = await buildTalk(EXAMPLE);
    // An example's addresses are example.org on purpose, and this one has no sources/: those are its only warnings.
    expect(deck.model.warnings.filter((w) => !/ is a placeholder address \(example\.org\)|^the talk has no sources\/ folder/.test(w.message))).toEqual([]);
    expect(deck.model.warnings.length).toBeGreaterThan(0);
    expect(deck.model.studies.studies.map((s) => s.results.length)).toEqual([2, 3, 7]);
    const eyebrows = deck.slides.filter((s) => s.kind === 'study').map((s) => textOf(unwrap(s.body)));
    expect(eyebrows[0]).toContain('Estudio 1 de 3 · Estudio de cohortes');
    expect(eyebrows[1]).toContain('Estudio 2 de 3 · Estudio cualitativo');
  });

  it('writes figures the Spanish way and keeps its own label overrides', async () => {
    const deck = await buildTalk(EXAMPLE);
    const text = deck.slides.map((s) => textOf(unwrap(s.body))).join(' ');
    expect(text).toContain('cambio medio 12,5 puntos');
    expect(text).toContain('p = 0,002');
    expect(text).not.toMatch(/\d\.\d/);
    expect(text).toContain('¡Gracias por escucharnos!');
  });

  it('shows no English word the project writes, on any slide, note or page', async () => {
    expect(englishIn(await everythingWritten(EXAMPLE), 'es')).toEqual([]);
  });

  it('the check of that English-word test finds English when the talk is in English', async () => {
    expect(englishIn(await everythingWritten(inLanguage('en')), 'es')).toEqual(expect.arrayContaining(['What they found', 'Takeaways']));
  });
});

describe('the same talk in French', () => {
  it('shows no English word the project writes, and French figures', async () => {
    const root = inLanguage('fr');
    expect(problemsOf(root)).toEqual([]);
    const written = await everythingWritten(root);
    expect(englishIn(written, 'fr')).toEqual([]);
    expect(written).toContain('12,5');
    expect(written).not.toMatch(/\b0\.\d/);
  });
});
