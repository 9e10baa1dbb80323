// Importing references (issue 28, items 1 and 5): `npm run refs -- import` reads RIS, BibTeX, PubMed .nbib and
// CSL-JSON, fills each matched study's missing reference fields in studies.yaml (every other byte kept), adds the
// studies it does not find, writes abstracts to sources/ when asked, and on bad input writes nothing.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTalk, problemsOf, ROOT, type TalkCopy } from '../data/talk-copy.ts';
import { applyImport } from '../../src/references/apply-import.ts';
import { readReferences, formatOf, ImportFileError } from '../../src/references/read-reference-file.ts';
import { fullPages } from '../../src/references/read-medline.ts';
import { initials } from '../../src/references/plan-import.ts';
import { loadTalk } from '../../src/data/load-data.ts';

const run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, 'fixtures');
const SIX = readFileSync(join(FIXTURES, 'six-studies.ris'), 'utf8');

let talk: TalkCopy;
beforeEach(() => {
  talk = copyTalk();
});
afterEach(() => talk.remove());

async function refs(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/refs.ts'), ...args], { cwd: ROOT, env: { ...process.env, DECK_TALK_MEMORY: 'off' } });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** studies.yaml with the given citation fields taken out of every study. */
const without = (text: string, fields: string[]) => text.split('\n').filter((l) => !fields.some((f) => new RegExp(`^      ${f}: `).test(l))).join('\n');

describe('importing into the real talk', () => {
  it('a RIS export of the six studies changes nothing in the talk as it is, and says why for each difference', async () => {
    const before = talk.snapshot();
    const { code, out } = await refs('import', join(FIXTURES, 'six-studies.ris'), '--talk', talk.root);
    expect(code).toBe(0);
    expect(out).toContain('Read 6 references');
    expect(out).toContain('- negahban-2013 matched record 1 (line 1) by its DOI: nothing to fill');
    expect(out).toContain('left alone: authors is "Schroeder B, et al." in studies.yaml, "Schroeder B" in the file');
    expect(out).toContain('Nothing to change');
    expect(talk.snapshot()).toEqual(before);
  });

  it('fills the same references into studies that had only their authors, journal and title, and nothing else moves', () => {
    const original = talk.read('data/studies.yaml');
    const bare = without(original, ['year', 'details', 'doi', 'pmid']);
    const result = applyImport(bare, readReferences('ris', SIX));
    // Every filled line is a line of the original file; no figure, comment or other line changed.
    const model = (text: string) => {
      talk.write('data/studies.yaml', text);
      return loadTalk({ root: talk.root, cwd: talk.root });
    };
    const after = model(result.studiesText).studies.studies;
    const before = model(original).studies.studies;
    for (const [i, study] of before.entries()) {
      const got = after[i]!;
      expect(got.results, study.id).toEqual(study.results);
      expect(got.citation.doi, study.id).toBe(study.citation.doi);
      expect(got.citation.pmid, study.id).toBe(study.citation.pmid);
      expect(got.citation.year, study.id).toBe(study.citation.year);
    }
    const details = Object.fromEntries(after.map((s) => [s.id, s.citation.details]));
    expect(details).toMatchObject({
      'negahban-2013': '2013 Dec; 27(12):1126–1136',
      'schroeder-2014': 'article 640916',
      'hernandez-reif-1998': '2(3):168–174',
      'huntley-2000': '2000 Jun; 8(2):97–105',
      // The "online" date the talk gives is not in the export.
      'mcclurg-2011': '2011 Feb; 17(2):223–233',
    });
    const lines = new Set(original.split('\n'));
    const added = result.studiesText.split('\n').filter((l) => !bare.split('\n').includes(l));
    for (const line of added.filter((l) => !l.includes('mcclurg') && !l.includes('2011 Feb'))) expect(lines.has(line), line).toBe(true);
    // Only lines were added: the rest of the file is the same, in the same order.
    expect(result.studiesText.split('\n').filter((l) => bare.split('\n').includes(l))).toEqual(bare.split('\n'));
  });

  it('adds a study it does not find, with its reference, and npm run check then lists what it still needs', async () => {
    const { code, out } = await refs('import', join(FIXTURES, 'new-study.nbib'), '--talk', talk.root, '--abstracts');
    expect(code, out).toBe(0);
    expect(out).toContain('- added study example-2024 ("Gentle massage and fatigue in multiple sclerosis: a small pilot study (example record for tests)")');
    const yaml = talk.read('data/studies.yaml');
    expect(yaml).toContain(`  - id: example-2024
    from: example-2024
    title: "Gentle massage and fatigue in multiple sclerosis: a small pilot study (example record for tests)"
    citation:
      authors: Example AM, Sample J
      journal: Journal of Example Studies
      year: 2024
      details: 2024 Mar; 12(3):101–109
      doi: 10.9999/example.2024.001
      pmid: "99999901"
`);
    // The abstract is the study's source text now, joined back from PubMed's wrapped lines.
    expect(talk.read('sources/example-2024.txt')).toContain('Fatigue scores fell by 4.5 points (p = 0.04). These results may support a larger trial.');
    const problems = problemsOf(talk.root).join('\n');
    expect(problems).toMatch(/studies\[6\]\.shortTitle|shortTitle/);
    expect(problems).toMatch(/design/);
  });

  it('reads the same references from BibTeX and CSL-JSON', () => {
    const bib = `@article{negahban2013,
  author = {Negahban, Hossein and Rezaie, Soghra and Goharpey, Shahin},
  title = {Massage therapy and exercise therapy in patients with multiple sclerosis: a randomized controlled pilot study},
  journal = {Clinical Rehabilitation}, year = {2013}, month = dec, volume = {27}, number = {12}, pages = {1126--1136},
  doi = {10.1177/0269215513491586}, pmid = {23828184}
}`;
    const json = JSON.stringify([{ id: 'x', type: 'article-journal', title: 'Massage therapy and exercise therapy in patients with multiple sclerosis: a randomized controlled pilot study', author: [{ family: 'Negahban', given: 'H.' }, { family: 'Rezaie', given: 'S.' }, { family: 'Goharpey', given: 'S.' }], 'container-title': 'Clinical Rehabilitation', issued: { 'date-parts': [[2013, 12]] }, volume: '27', issue: '12', page: '1126-1136', DOI: '10.1177/0269215513491586', PMID: '23828184' }]);
    const bare = without(talk.read('data/studies.yaml'), ['year', 'details', 'doi', 'pmid']);
    for (const [format, text] of [['bibtex', bib], ['csl-json', json]] as const) {
      const { plan } = applyImport(bare, readReferences(format, text));
      expect(plan.matches[0]!.study.id, format).toBe('negahban-2013');
      expect(plan.matches[0]!.by).toBe('title');
      expect(plan.matches[0]!.fill).toEqual({ year: 2013, details: '2013 Dec; 27(12):1126–1136', doi: '10.1177/0269215513491586', pmid: '23828184' });
      expect(plan.matches[0]!.differs, format).toEqual([]);
    }
  });

  it('keeps comments, blank lines and quoting elsewhere in the file byte for byte', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('  - id: negahban-2013', '  # The first study: keep this comment.\n  - id: negahban-2013'));
    const bare = without(talk.read('data/studies.yaml'), ['doi']);
    const result = applyImport(bare, readReferences('ris', SIX));
    expect(result.studiesText).toContain('  # The first study: keep this comment.\n  - id: negahban-2013');
    const removed = bare.split('\n');
    const now = result.studiesText.split('\n');
    expect(now.length - removed.length).toBe(3);
    expect(now.filter((l) => /^ {6}doi: /.test(l))).toHaveLength(3);
  });
});

describe('bad input: a clear message with the file and entry, and nothing written', () => {
  const attempt = async (name: string, text: string) => {
    const file = join(talk.root, name);
    writeFileSync(file, text);
    const before = talk.snapshot();
    const result = await refs('import', file, '--talk', talk.root, '--abstracts');
    expect(result.code, result.out).toBe(1);
    expect(result.out).toContain('Nothing was written.');
    expect(talk.snapshot()).toEqual(before);
    return result.out;
  };

  it('a RIS record with no ER', async () => {
    const out = await attempt('broken.ris', SIX.replace(/ER {2}- \r\n\r\nTY {2}- JOUR\r\nAU {2}- Schroeder/, '\r\nTY  - JOUR\r\nAU  - Schroeder'));
    expect(out).toMatch(/broken\.ris:1: record 1 \(line 1\) has no end: a "ER {2}- " line is missing before the next record at line 16/);
  });

  it('a BibTeX entry with unbalanced braces', async () => {
    const out = await attempt('broken.bib', '@article{ok2020,\n  title = {Fine},\n  year = {2020}\n}\n\n@article{bad2021,\n  title = {Unbalanced {braces},\n  year = {2021}\n}\n');
    expect(out).toMatch(/broken\.bib:\d+: the BibTeX could not be read in entry bad2021 \(line 6\): .*Check that every \{ has its \}/);
  });

  it('an .nbib record with no PMID', async () => {
    const out = await attempt('broken.nbib', `${readFileSync(join(FIXTURES, 'new-study.nbib'), 'utf8')}\nTI  - A second record\nAU  - Roe J\n`);
    expect(out).toMatch(/broken\.nbib:\d+: record 2 \(line \d+\) has no PMID/);
  });

  it('a CSL-JSON file that is not a list', async () => {
    const out = await attempt('one.json', JSON.stringify({ title: 'One reference', type: 'article-journal' }));
    expect(out).toContain('one.json:1: a CSL-JSON file is a list of references');
  });

  it('a reference whose DOI matches two studies', async () => {
    talk.edit('data/studies.yaml', (t) => t.replace('details: article 640916', 'details: article 640916\n      doi: 10.1177/0269215513491586'));
    const out = await attempt('six.ris', SIX);
    expect(out).toContain('six.ris:1: record 1 (line 1) matches 2 studies by its DOI (negahban-2013 and schroeder-2014)');
  });

  it('two records for one study, a file that is not UTF-8, one that holds control characters, an unknown kind of file', async () => {
    expect(await attempt('twice.ris', SIX + SIX)).toMatch(/both match study negahban-2013/);
    writeFileSync(join(talk.root, 'latin1.ris'), Buffer.from('TY  - JOUR\r\nTI  - Caf\xe9\r\nER  - \r\n', 'latin1'));
    const before = talk.snapshot();
    const latin = await refs('import', join(talk.root, 'latin1.ris'), '--talk', talk.root);
    expect(latin.code).toBe(1);
    expect(latin.out).toContain('latin1.ris:1: the file is not UTF-8 text');
    expect(talk.snapshot()).toEqual(before);
    expect(await attempt('bell.ris', 'TY  - JOUR\r\nTI  - Ring\u0007\r\nER  - \r\n')).toContain('bell.ris:2: the file holds a control character (U+0007)');
    expect(await attempt('notes.txt', 'Some notes about studies')).toContain('not a file this command reads');
  });
});

describe('the parts', () => {
  it('knows a file by its name or its first line', () => {
    expect(formatOf('x.nbib', '')).toBe('medline');
    expect(formatOf('export.txt', 'PMID- 123456\n')).toBe('medline');
    expect(formatOf('export.txt', 'TY  - JOUR\n')).toBe('ris');
    expect(formatOf('export.txt', '@article{a,\n')).toBe('bibtex');
    expect(formatOf('export', '[{"id": "a"}]')).toBe('csl-json');
  });

  it('writes MEDLINE\'s short page ranges in full, and initials from given names', () => {
    expect(fullPages('1126-36')).toBe('1126-1136');
    expect(fullPages('101-9')).toBe('101-109');
    expect(fullPages('e1234')).toBe('e1234');
    expect(initials('Hossein')).toBe('H');
    expect(initials('Ana Maria')).toBe('AM');
    expect(initials('J.-P.')).toBe('JP');
    expect(initials('H.')).toBe('H');
  });

  it('an empty RIS file is an error, not zero references', () => {
    expect(() => readReferences('ris', '\n\n')).toThrow(ImportFileError);
  });
});

it('the project\'s talk is untouched by these tests', () => {
  expect(existsSync(join(ROOT, 'data/studies.yaml'))).toBe(true);
});
