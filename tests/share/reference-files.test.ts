// The references handed back (issue 28, item 3): the build writes <slug>-references.ris and .json, which a citation
// manager imports in one step. Read back as Zotero would: the RIS parsed by Citation.js's own RIS reader, the JSON
// as CSL-JSON; every study there with its title, authors, journal, year, DOI and PubMed id, and linked.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTalk, type BuiltDeck } from '../../src/deck/build-talk.ts';
import { unwrap } from '../../src/html/escape.ts';
import { cslItems, referenceFiles, risText } from '../../src/share/reference-files.ts';
import { authorsOf, volumeIssuePages } from '../../src/references/csl-item.ts';
import { readReferences } from '../../src/references/read-reference-file.ts';
import { applyImport } from '../../src/references/apply-import.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTextPage } from '../../src/share/render-text-page.ts';
import { ROOT } from '../data/talk-copy.ts';

let deck: BuiltDeck;
beforeAll(async () => {
  deck = await buildTalk(ROOT);
});

describe('the references as files for a citation manager', () => {
  it('writes RIS and CSL-JSON named after the talk', () => {
    expect(referenceFiles(deck.model).map((f) => f.fileName)).toEqual(['ms-massage-references.ris', 'ms-massage-references.json']);
  });

  it('gives every study in CSL-JSON with what studies.yaml says of it, nothing more', () => {
    const [, json] = referenceFiles(deck.model);
    const items = JSON.parse(json.source) as ReturnType<typeof cslItems>;
    expect(items.map((i) => i.id)).toEqual(deck.model.studies.studies.map((s) => s.id));
    const negahban = items[0]!;
    expect(negahban).toMatchObject({
      type: 'article-journal',
      title: 'Massage therapy and exercise therapy in patients with multiple sclerosis: a randomized controlled pilot study',
      author: [{ family: 'Negahban', given: 'H' }, { family: 'Rezaie', given: 'S' }, { family: 'Goharpey', given: 'S' }],
      'container-title': 'Clinical Rehabilitation',
      issued: { 'date-parts': [[2013, 12]] },
      volume: '27',
      issue: '12',
      page: '1126-1136',
      DOI: '10.1177/0269215513491586',
      PMID: '23828184',
    });
    // "Schroeder B, et al.": the name given, and no invented others; an article number, not pages.
    expect(items[1]).toMatchObject({ author: [{ family: 'Schroeder', given: 'B' }], number: '640916' });
    // A study with no DOI and no PubMed id gets no link; "accepted 2013" stays a status, with no date of publication
    // made up from it (a style would print it as one).
    expect(items[3]).toMatchObject({ status: 'accepted 2013' });
    expect(items[3]!.issued).toBeUndefined();
    expect(items[3]!.URL).toBeUndefined();
  });

  it('writes RIS a citation manager reads back whole: one line a field, every title and DOI intact', () => {
    const [ris] = referenceFiles(deck.model);
    for (const line of ris.source.split('\r\n').filter(Boolean)) expect(line, line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    const back = new Cite(ris.source).data as { title: string; DOI?: string; author: { family: string }[] }[];
    expect(back.map((b) => b.title)).toEqual(deck.model.studies.studies.map((s) => s.title));
    expect(back.map((b) => b.DOI ?? '')).toEqual(deck.model.studies.studies.map((s) => s.citation.doi ?? ''));
    expect(back[0]!.author.map((a) => a.family)).toEqual(['Negahban', 'Rezaie', 'Goharpey']);
  });

  it('keeps a title of any length on one line', () => {
    const long = 'A '.repeat(200).trim();
    const text = risText([{ id: 'x', type: 'article-journal', title: long, author: [{ family: 'Doe', given: 'J' }], 'container-title': 'J' }]);
    expect(text).toContain(`TI  - ${long}\r\n`);
  });

  it('keeps a title with line breaks, or RIS tags in it, inside its one field', () => {
    const model = { studies: { ...deck.model.studies, studies: [{ ...deck.model.studies.studies[0]!, title: 'Massage\nER  - \nTY  - JOUR\nTI  - Forged' }] } };
    const text = risText(cslItems(model));
    expect(text.split('\r\n').filter((l) => l.startsWith('TY  - '))).toHaveLength(1);
    // White space made single, so nothing in the title reads as a tag ("XX  - ") at the start of a line.
    expect(text).toContain('TI  - Massage ER - TY - JOUR TI - Forged\r\n');
    expect(new Cite(text).data).toHaveLength(1);
  });

  it('reads authors and details as references lists write them', () => {
    expect(authorsOf('Huntley A, Ernst E')).toEqual([{ family: 'Huntley', given: 'A' }, { family: 'Ernst', given: 'E' }]);
    expect(authorsOf('Hernandez-Reif M, Field T, Field T, Theakston H').map((a) => a.family)).toEqual(['Hernandez-Reif', 'Field', 'Field', 'Theakston']);
    expect(authorsOf('The MS Study Group')).toEqual([{ family: 'The MS Study Group' }]);
    expect(volumeIssuePages('2000 Jun; 8(2):97–105')).toEqual({ volume: '8', issue: '2', page: '97-105' });
    expect(volumeIssuePages('in press')).toBeUndefined();
  });

  it('reads back through the import command\'s readers: the same six studies and DOIs, and importing them changes nothing', () => {
    const [ris, json] = referenceFiles(deck.model);
    const studiesText = readFileSync(join(ROOT, 'data/studies.yaml'), 'utf8');
    for (const [format, text] of [['ris', ris.source], ['csl-json', json.source]] as const) {
      const records = readReferences(format, text);
      expect(records.map((r) => r.doi), format).toEqual(deck.model.studies.studies.map((s) => s.citation.doi));
      const result = applyImport(studiesText, records);
      expect(result.plan.matches.map((m) => m.study.id), format).toEqual(deck.model.studies.studies.map((s) => s.id));
      expect(result.plan.additions, format).toEqual([]);
      expect(result.studiesText, format).toBe(studiesText);
    }
  });

  it('is linked from the text version and the references slide\'s notes', () => {
    const text = renderTextPage(deck).source;
    expect(text).toContain('<a href="ms-massage-references.ris">ms-massage-references.ris</a>');
    expect(text).toContain('<a href="ms-massage-references.json">ms-massage-references.json</a>');
    const notes = unwrap(deck.slides.find((s) => s.id === 'references')!.notes);
    expect(notes).toContain('href="https://example.org/talks/ms-massage/ms-massage-references.ris"');
    expect(notes).toContain('href="https://example.org/talks/ms-massage/ms-massage-references.json"');
  });
});
