// References in the talk's citation style (issue 28, item 2): citeproc formats the references slide, the study
// slides, the handout and the text version in AMA, APA, Vancouver or a style file the talk ships, in its language;
// a style that is unknown, too big or not CSL is a problem at talk.yaml's field, and nothing is built.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTalk, problemsOf, type TalkCopy } from '../data/talk-copy.ts';
import { loadTalk } from '../../src/data/load-data.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { textOf, parseHtml, elements } from '../../src/html/dom.ts';
import { unwrap } from '../../src/html/escape.ts';
import { outsideAllowList } from '../../src/html/check-allowlist.ts';
import { DECK_ATTRIBUTES, DECK_TAGS } from '../../src/html/allowlist.ts';
import { ROOT } from '../support/project.ts';
import { MAX_STYLE_BYTES } from '../../src/references/citation-style.ts';

let talk: TalkCopy;
beforeEach(() => {
  talk = copyTalk();
});
afterEach(() => talk.remove());

const style = (name: string) => talk.edit('data/talk.yaml', (t) => t.replace(/^citationStyle: .*$/m, `citationStyle: ${name}`));
const referencesSlides = async () => {
  const deck = await buildTalk(talk.root);
  return deck.slides.filter((s) => s.kind === 'references').map((s) => unwrap(s.body)).join('\n');
};

describe('a talk names its citation style', () => {
  it('apa: authors, initials and "&", the year in brackets, listed by author without numbers', async () => {
    style('apa');
    const html = await referencesSlides();
    const text = textOf(parseHtml(html));
    expect(text).toContain('Negahban, H., Rezaie, S., & Goharpey, S. (2013). Massage therapy and exercise therapy in patients with multiple sclerosis');
    expect(text).toContain('Clinical Rehabilitation, 27(12), 1126–1136. https://doi.org/10.1177/0269215513491586');
    // "Schroeder B, et al.": the list's "et al." is kept, never a single author shown as the only one.
    expect(text).toContain('Schroeder, B., et al. (2014)');
    // Author-date: a list by author's name (Finch before Hernandez-Reif … Schroeder), not numbered.
    const doc = parseHtml(html);
    expect(elements(doc, 'ol')).toHaveLength(0);
    const firsts = elements(doc, 'li').map((li) => textOf(li).split(',')[0]);
    expect(firsts).toEqual([...firsts].sort((a, b) => a!.localeCompare(b!)));
  });

  it('ama: "Negahban H, Rezaie S, Goharpey S." and the journal in italics; the DOI a link', async () => {
    style('ama');
    const html = await referencesSlides();
    expect(textOf(parseHtml(html))).toContain('Negahban H, Rezaie S, Goharpey S. Massage therapy and exercise therapy');
    expect(html).toContain('<i>Clinical Rehabilitation</i>');
    expect(html).toMatch(/<a href="https:\/\/doi\.org\/10\.1177\/0269215513491586"[^>]*>doi:10\.1177\/0269215513491586<\/a>/);
    // PubMed ids, which the style leaves out, follow as links.
    expect(html).toMatch(/<a href="https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/23828184\/"[^>]*>PMID 23828184<\/a>/);
    expect(elements(parseHtml(html), 'ol').length).toBeGreaterThan(0);
  });

  it('vancouver by default, and the study slides carry the same reference as the references slide', async () => {
    talk.edit('data/talk.yaml', (t) => t.replace(/^citationStyle: .*\n/m, ''));
    const deck = await buildTalk(talk.root);
    const study = deck.slides.find((s) => s.id === 'study-negahban-2013')!;
    const cite = textOf(elements(parseHtml(unwrap(study.body)), (e) => e.attribs.class === 'citation'));
    expect(cite).toBe('Negahban H, Rezaie S, Goharpey S. Massage therapy and exercise therapy in patients with multiple sclerosis: a randomized controlled pilot study. Clinical Rehabilitation. 2013 Dec;27(12):1126–36. doi:10.1177/0269215513491586; PMID 23828184.');
  });

  it('keeps citeproc\'s HTML inside the deck\'s allow-list, and a title\'s markup as text', async () => {
    talk.edit('data/studies.yaml', (t) => t.replace('title: "Complementary and alternative', 'title: "<script>alert(1)</script> <b onclick=x>Complementary and alternative'));
    for (const name of ['ama', 'apa', 'vancouver']) {
      if (name !== 'vancouver') style(name);
      else talk.edit('data/talk.yaml', (t) => t.replace(/^citationStyle: .*$/m, 'citationStyle: vancouver'));
      const html = await referencesSlides();
      expect(outsideAllowList(html, DECK_TAGS, DECK_ATTRIBUTES), name).toEqual([]);
      expect(html).not.toContain('<script');
      expect(html).not.toMatch(/<b onclick/);
      expect(textOf(parseHtml(html))).toContain('<script>alert(1)</script>');
    }
  });

  it('formats in the talk\'s language: the Spanish example\'s dates in Spanish', async () => {
    const deck = await buildTalk(join(ROOT, 'examples/ejercicio-em'));
    const refs = textOf(parseHtml(deck.slides.filter((s) => s.kind === 'references').map((s) => unwrap(s.body)).join('')));
    expect(refs).toContain('Revista de Ejemplo. marzo de 2025;12(3):45-52.');
  });

  it('takes a style file the talk keeps in its folder', async () => {
    const csl = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Chapter house style</title><id>chapter</id><updated>2026-01-01T00:00:00+00:00</updated>
    <category citation-format="numeric"/></info>
  <citation><layout><text variable="citation-number"/></layout></citation>
  <bibliography><layout suffix="."><text variable="title" text-case="uppercase"/><text variable="container-title" prefix=" — "/></layout></bibliography>
</style>`;
    writeFileSync(join(talk.root, 'data/chapter.csl'), csl);
    style('data/chapter.csl');
    const model = loadTalk({ root: talk.root, cwd: talk.root });
    expect(model.references.styleTitle).toBe('Chapter house style');
    expect(model.references.byId.get('huntley-2000')!.text).toBe(
      'COMPLEMENTARY AND ALTERNATIVE THERAPIES FOR TREATING MULTIPLE SCLEROSIS SYMPTOMS: A SYSTEMATIC REVIEW — Complementary Therapies in Medicine.',
    );
    expect(model.files).toContain(join(talk.root, 'data/chapter.csl'));
  });
});

describe('a style that cannot be used is a problem at talk.yaml, in plain words', () => {
  const line = () => talk.read('data/talk.yaml').split('\n').findIndex((l) => l.startsWith('citationStyle:')) + 1;

  it('an unknown name, with the near one suggested', () => {
    style('vancover');
    expect(problemsOf(talk.root)).toEqual([
      `data/talk.yaml:${line()}:16  citationStyle  "vancover" is not a citation style this project has: did you mean "vancouver"? Expected ama, apa or vancouver, or the path of a .csl file in the talk's folder, such as data/chapter-style.csl`,
    ]);
  });

  it('an unknown style is said in the same run as another problem of talk.yaml', () => {
    style('vancover');
    talk.edit('data/talk.yaml', (t) => t.replace(/^lengthMinutes: .*$/m, 'lengthMinutes: twenty'));
    const found = problemsOf(talk.root);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('lengthMinutes  expected a number');
    expect(found[1]).toContain('citationStyle  "vancover" is not a citation style');
  });

  it('a missing file, a file outside the talk, a file too big, a file that is not CSL, a dependent style', () => {
    style('data/missing.csl');
    expect(problemsOf(talk.root)[0]).toContain('no style file data/missing.csl');
    style('../elsewhere.csl');
    writeFileSync(join(talk.root, '../elsewhere.csl'), '<style/>');
    expect(problemsOf(talk.root).join('\n')).toMatch(/citationStyle {2}.*outside the talk's folder/);
    style('data/big.csl');
    writeFileSync(join(talk.root, 'data/big.csl'), `<style>${' '.repeat(MAX_STYLE_BYTES)}</style>`);
    expect(problemsOf(talk.root)[0]).toMatch(/data\/big\.csl is \d+ KB: a citation style is far smaller/);
    style('data/page.csl');
    writeFileSync(join(talk.root, 'data/page.csl'), '<html><body>AMA style</body></html>');
    expect(problemsOf(talk.root)[0]).toContain('data/page.csl is not a CSL citation style: its first element is not <style>');
    style('data/dependent.csl');
    writeFileSync(
      join(talk.root, 'data/dependent.csl'),
      '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>X</title><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>',
    );
    expect(problemsOf(talk.root)[0]).toContain('it is a dependent style that only points to another (http://www.zotero.org/styles/apa)');
    style('data/broken.csl');
    writeFileSync(join(talk.root, 'data/broken.csl'), '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>X</title></info><bibliography><layout><text variable="title"></layout></bibliography>');
    const broken = problemsOf(talk.root);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^data\/talk\.yaml:\d+:\d+ {2}citationStyle {2}data\/broken\.csl is not a CSL citation style: its XML is broken at line 1, column \d+ \(Expected closing tag 'text'/);
  });
});
