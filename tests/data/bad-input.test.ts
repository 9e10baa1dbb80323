// Mistakes a person editing the talk can make, each tried on purpose on a copy of the talk.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTalk, problemsOf, type TalkCopy } from './talk-copy.ts';

let talk: TalkCopy;
let before: Record<string, string>;
beforeEach(() => {
  talk = copyTalk();
});
afterEach(() => {
  talk.remove();
});

/** Breaks the copy, checks the one problem it causes, and that loading changed none of the files. */
function expectProblem(pattern: RegExp): string {
  before = talk.snapshot();
  const problems = problemsOf(talk.root);
  expect(talk.snapshot(), 'loading the talk must not change its files').toEqual(before);
  expect(problems.length, problems.join('\n')).toBeGreaterThan(0);
  const hit = problems.find((p) => pattern.test(p));
  expect(hit, `no problem matched ${pattern}:\n${problems.join('\n')}`).toBeDefined();
  // Every problem names a file, a line and a column.
  for (const p of problems) expect(p).toMatch(/^[\w./-]+\.(yaml|md):\d+:\d+ {2}/);
  return hit!;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the real talk', () => {
  it('loads with no problem', () => {
    expect(problemsOf(talk.root)).toEqual([]);
  });
});

describe('YAML that cannot be read', () => {
  it('reports malformed YAML with its line', () => {
    talk.edit('data/talk.yaml', (t) => t.replace('lengthMinutes: 30', 'lengthMinutes: [30'));
    expectProblem(/^data\/talk\.yaml:\d+:\d+ {2}the file is not valid YAML/);
  });

  it('reports a tab used for indentation', () => {
    talk.edit('data/people.yaml', (t) => t.replace('  organisation:', '\torganisation:'));
    const problems = problemsOf(talk.root);
    // One problem for the line, not the two or three the YAML reader sees after a tab.
    expect(problems).toEqual(['data/people.yaml:3:1  the file is not valid YAML: this line is indented with a tab: indent with spaces only']);
  });

  it('reports the same field written twice', () => {
    talk.edit('data/talk.yaml', (t) => t.replace('lengthMinutes: 30', 'lengthMinutes: 30\nlengthMinutes: 40'));
    expectProblem(/^data\/talk\.yaml:18:1 {2}the file is not valid YAML: the field "lengthMinutes" is written twice in the same group: keep only one$/);
  });

  it('reports an empty data file', () => {
    talk.write('data/resources.yaml', '# nothing here yet\n');
    expectProblem(/^data\/resources\.yaml:1:1 {2}the file is empty/);
  });

  it('reports a missing data file the talk needs', () => {
    rmSync(`${talk.root}/data/studies.yaml`);
    expectProblem(/^data\/studies\.yaml:1:1 {2}file not found/);
  });

  it('reports a slide of the running order whose data file was removed, at its line', () => {
    rmSync(`${talk.root}/data/resources.yaml`);
    expectProblem(/^slides\/order\.yaml:\d+:5 {2}slides\[\d+\] {2}"resources" shows resources from data\/resources\.yaml, but the talk has no such file: add them there, or take "resources" out of the running order$/);
  });

  it('reports a file that holds a list where fields are expected', () => {
    talk.write('data/talk.yaml', '- title: A talk\n');
    expectProblem(/^data\/talk\.yaml:1:1 {2}expected a group of fields, found a list of 1 item$/);
  });
});

describe('fields', () => {
  it('reports a missing required field at its parent, naming the field', () => {
    talk.edit('data/studies.yaml', (t) => t.replace(/\n {4}measured: How far people walked[^\n]*/, ''));
    expectProblem(/^data\/studies\.yaml:\d+:5 {2}studies\[1\]\.measured {2}missing: a piece of text is required here/);
  });

  it('reports a wrong type with what was found', () => {
    talk.edit('data/talk.yaml', (t) => t.replace('lengthMinutes: 30', 'lengthMinutes: thirty'));
    const text = talk.read('data/talk.yaml');
    const hit = expectProblem(/lengthMinutes {2}expected a number, found "thirty"/);
    expect(hit.startsWith(`data/talk.yaml:${lineOf(text, 'lengthMinutes')}:`)).toBe(true);
  });

  it('reports a P value written as text, at its line and column', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: "p<.01"'));
    const line = lineOf(talk.read('data/studies.yaml'), 'p: "p<.01"');
    expectProblem(new RegExp(`^data/studies\\.yaml:${line}:12 {2}studies\\[0\\]\\.results\\[1\\]\\.p {2}expected a number such as 0\\.001, found "p<\\.01"$`));
  });

  it('reports a figure written with its unit, where a number belongs', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('        change: 2.75\n', '        change: 2.75 points\n'));
    expectProblem(/^data\/studies\.yaml:\d+:17 {2}studies\[0\]\.results\[0\]\.change {2}expected a number such as 2\.75, found "2\.75 points"$/);
  });

  it('reports a P value out of range', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: 5'));
    expectProblem(/studies\[0\]\.results\[1\]\.p {2}expected a P value below 1, found 5/);
  });

  it('reports a change with no unit', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('        change: 2.75\n        unit: points\n', '        change: 2.75\n'));
    expectProblem(/studies\[0\]\.results\[0\]\.unit {2}a result with a "change" also needs its "unit"/);
  });

  it('suggests the nearest field for an unknown one, pointing at the key', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('    caveat:\n      text: >-\n        Small: 24 people.', '    cavaet:\n      text: >-\n        Small: 24 people.'));
    const line = lineOf(talk.read('data/studies.yaml'), 'cavaet:');
    expectProblem(new RegExp(`^data/studies\\.yaml:${line}:5 {2}studies\\[1\\]\\.cavaet {2}unknown field "cavaet": did you mean "caveat"\\?`));
  });

  it('reports an empty list that a slide of the running order shows', () => {
    talk.edit('data/takeaways.yaml', (t) => t.replace(/takeaways:\n(  - [\s\S]*?)takeawaysNotes/, 'takeaways: []\ntakeawaysNotes'));
    expectProblem(/^slides\/order\.yaml:\d+:5 {2}slides\[\d+\] {2}"takeaways" shows takeaways from data\/takeaways\.yaml, but it has none/);
  });

  it('reports a quote with no attribution', () => {
    talk.edit('data/quotes.yaml', (t) => t.replace('    person: Tina Gio\n', ''));
    expectProblem(/quotes\[2\]\.person {2}missing: a piece of text is required here/);
  });

  it('reports an empty text field', () => {
    talk.edit('data/quotes.yaml', (t) => t.replace('    credential: RMT', '    credential: ""'));
    expectProblem(/quotes\[1\]\.credential {2}expected some text, found an empty string/);
  });

  it('reports an id that is not a plain slug', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('  - id: finch-2014', '  - id: Finch 2014'));
    expectProblem(/studies\[3\]\.id {2}expected an id of lower-case letters, digits and single hyphens/);
  });

  it('reports a design label that is not one of the known ones', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('design: [crossover]', 'design: [cross-over]'));
    expectProblem(/studies\[1\]\.design\[0\]/);
  });

  it('reports a DOI in the wrong form', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('doi: 10.1177/0269215513491586', 'doi: https://doi.org/10.1177/0269215513491586'));
    expectProblem(/studies\[0\]\.citation\.doi {2}expected a DOI such as 10\.1177/);
  });

  it('reports a link that is not a web or mail link', () => {
    talk.edit('data/resources.yaml', (t) => t.replace('url: https://pubmed', 'url: javascript:alert(1)//pubmed'));
    expectProblem(/resources\[0\]\.url {2}expected a link starting with https:\/\/, http:\/\/ or mailto:/);
  });

  it('accepts a mailto link', () => {
    talk.edit('data/resources.yaml', (t) => t.replace(/url: https:\/\/pubmed\S+/, 'url: mailto:chapter@example.org'));
    expect(problemsOf(talk.root)).toEqual([]);
  });
});

describe('ids across files', () => {
  it('reports a takeaway resting on an id that does not exist, with a suggestion', () => {
    talk.edit('data/takeaways.yaml', (t) => t.replace('basis: [tina-gio, bert-davich]', 'basis: [tina-gioo, bert-davich]'));
    const line = lineOf(talk.read('data/takeaways.yaml'), 'tina-gioo');
    expectProblem(new RegExp(`^data/takeaways\\.yaml:${line}:\\d+ {2}tips\\[0\\]\\.basis\\[0\\] {2}no study or quote has the id "tina-gioo": did you mean "tina-gio"\\?`));
  });

  it('reports duplicate study ids', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('  - id: finch-2014', '  - id: negahban-2013'));
    expectProblem(/studies\[3\]\.id {2}duplicate id "negahban-2013": already used by data\/studies\.yaml studies\[0\]\.id/);
  });

  it('reports a quote id that clashes with a study id', () => {
    talk.edit('data/quotes.yaml', (t) => t.replace('  - id: rhonda-henry', '  - id: mcclurg-2011'));
    expectProblem(/quotes\[3\]\.id {2}duplicate id "mcclurg-2011"/);
  });

  it('reports the clinic shared by an unknown quote', () => {
    talk.edit('data/quotes.yaml', (t) => t.replace('sharedBy: michael-reoch', 'sharedBy: michael-roach'));
    expectProblem(/clinic\.sharedBy {2}no quote has the id "michael-roach": did you mean "michael-reoch"\?/);
  });

  it('reports a book whose author is not among the helpers', () => {
    talk.edit('data/people.yaml', (t) => t.replace('author: ruth-werner', 'author: ruth-warner'));
    expectProblem(/book\.author {2}no helper has the id "ruth-warner": did you mean "ruth-werner"\?/);
  });

  it('reports duplicate people ids', () => {
    talk.edit('data/people.yaml', (t) => t.replace('id: toni-kodner', 'id: fiza-mahmood'));
    expectProblem(/invitedBy\.people\[1\]\.id {2}duplicate id "fiza-mahmood"/);
  });
});

describe('the running order and slide files', () => {
  it('reports an order entry that names nothing', () => {
    talk.edit('slides/order.yaml', (t) => t.replace('  - tips\n', '  - tipps\n'));
    expectProblem(/^slides\/order\.yaml:\d+:5 {2}slides\[9\] {2}"tipps" is not a slide: did you mean "tips"\? Expected a file of the slides folder ending in \.md \(agenda\.md, .*\), or one of the slides made from the data: title, /);
  });

  it('reports an order entry naming a slide file that does not exist', () => {
    talk.edit('slides/order.yaml', (t) => t.replace('  - agenda.md\n', '  - agend.md\n'));
    expectProblem(/^slides\/order\.yaml:\d+:\d+ {2}slides\[3\] {2}no slide file "agend\.md"/);
  });

  it('reports a slide listed twice', () => {
    talk.edit('slides/order.yaml', (t) => t.replace('  - questions\n', '  - questions\n  - overview\n'));
    expectProblem(/"overview" is listed twice/);
  });

  it('reports a slide file with no heading', () => {
    talk.edit('slides/agenda.md', (t) => t.replace('# What we will cover\n', 'What we will cover\n'));
    expectProblem(/^slides\/agenda\.md:\d+:1 {2}the slide has no heading/);
  });

  it('reports a slide file with no front matter', () => {
    talk.edit('slides/agenda.md', (t) => t.replace(/^---\n[\s\S]*?\n---\n/, ''));
    expectProblem(/^slides\/agenda\.md:1:1 {2}expected front matter between two "---" lines/);
  });

  it('reports a slide file with no notes', () => {
    talk.edit('slides/agenda.md', (t) => t.slice(0, t.indexOf('Notes:')));
    expectProblem(/^slides\/agenda\.md:\d+:1 {2}the slide has no speaker notes/);
  });

  it('reports a bad field in a slide file\'s front matter at the file\'s own line', () => {
    talk.edit('slides/agenda.md', (t) => t.replace('weight: 0.8', 'weight: heavy'));
    expectProblem(/^slides\/agenda\.md:3:9 {2}weight {2}expected a number, found "heavy"/);
  });

  it('reports two hand-written slides with the same id', () => {
    talk.edit('slides/agenda.md', (t) => t.replace('id: agenda', 'id: why-this-talk'));
    expectProblem(/^slides\/order\.yaml:\d+:5 {2}slides\[3\] {2}slide id "why-this-talk" in agenda\.md is also used by why-this-talk\.md$/);
  });

  it('reports a hand-written slide whose id is that of a study\'s or a quote\'s slides', () => {
    talk.edit('slides/agenda.md', (t) => t.replace('id: agenda', 'id: study-finch-2014-results'));
    expectProblem(/slide id "study-finch-2014-results" in agenda\.md is also used by the slides of the study "finch-2014"$/);
    talk.edit('slides/agenda.md', (t) => t.replace('id: study-finch-2014-results', 'id: quote-bert-davich-2'));
    expectProblem(/slide id "quote-bert-davich-2" in agenda\.md is also used by the slides of the quote "bert-davich"$/);
  });

  it('reports a hand-written slide whose id clashes with a generated one', () => {
    talk.edit('slides/agenda.md', (t) => t.replace('id: agenda', 'id: questions'));
    expectProblem(/slide id "questions" in agenda\.md is also used by a generated slide/);
  });
});

describe('everything at once', () => {
  it('reports every problem in every file in one run', () => {
    talk.edit('data/talk.yaml', (t) => t.replace('lengthMinutes: 30', 'lengthMinutes: thirty'));
    talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: "p<.01"'));
    talk.edit('data/resources.yaml', (t) => t.replace('url: https://pubmed', 'url: ftp://pubmed'));
    talk.edit('slides/agenda.md', (t) => t.replace('# What we will cover\n', 'What we will cover\n'));
    const problems = problemsOf(talk.root);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['data/talk.yaml', 'data/studies.yaml', 'data/resources.yaml', 'slides/agenda.md']);
  });
});

describe('a file with a problem does not hide problems across files', () => {
  it('reports a wrong type in studies.yaml and a takeaway resting on a missing id in one run', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: "p<.01"'));
    talk.edit('data/takeaways.yaml', (t) => t.replace('basis: [negahban-2013, schroeder-2014, mcclurg-2011]', 'basis: [negahban-2013, schroeder-2014, mcclurg-2012]'));
    const studies = talk.read('data/studies.yaml');
    const takeaways = talk.read('data/takeaways.yaml');
    const line = lineOf(takeaways, 'mcclurg-2012');
    const column = takeaways.split('\n')[line - 1]!.indexOf('mcclurg-2012') + 1;
    expect(problemsOf(talk.root)).toEqual([
      `data/studies.yaml:${lineOf(studies, 'p: "p<.01"')}:12  studies[0].results[1].p  expected a number such as 0.001, found "p<.01"`,
      `data/takeaways.yaml:${line}:${column}  takeaways[2].basis[2]  no study or quote has the id "mcclurg-2012": did you mean "mcclurg-2011"?`,
    ]);
  });

  it('does not call a study unknown when only one of its results is wrong', () => {
    // negahban-2013 is named by three takeaways; one of its results has a wrong type.
    expect(talk.read('data/takeaways.yaml')).toContain('negahban-2013');
    talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: "p<.01"'));
    expect(problemsOf(talk.root)).toEqual([
      expect.stringMatching(/^data\/studies\.yaml:\d+:12 {2}studies\[0\]\.results\[1\]\.p {2}expected a number such as 0\.001, found "p<\.01"$/),
    ]);
  });

  it('does not call a quote unknown when another field of it is wrong, in tips or as the clinic\'s teller', () => {
    // tina-gio is named by a tip, michael-reoch by tips and by the clinic's sharedBy.
    talk.edit('data/quotes.yaml', (t) => t.replace('    credential: LMT\n', '    credential: 5\n').replace('    credential: RMT', '    credential: [RMT]'));
    const problems = problemsOf(talk.root);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^data\/quotes\.yaml:13:17 {2}quotes\[0\]\.credential {2}expected a piece of text, found the number 5/);
    expect(problems[1]).toMatch(/^data\/quotes\.yaml:40:17 {2}quotes\[1\]\.credential {2}/);
  });

  it('does not call an id unknown when the study that may have it has a broken id', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('  - id: finch-2014', '  - id: Finch 2014'));
    const line = lineOf(talk.read('data/studies.yaml'), 'id: Finch 2014');
    expect(problemsOf(talk.root)).toEqual([
      expect.stringMatching(new RegExp(`^data/studies\\.yaml:${line}:9 {2}studies\\[3\\]\\.id {2}expected an id of lower-case letters`)),
    ]);
  });

  it('checks the ids of takeaways.yaml even when the file has another problem, in line order', () => {
    talk.edit('data/takeaways.yaml', (t) =>
      t.replace('basis: [tina-gio, bert-davich]', 'basis: [tina-gioo, bert-davich]').replace('  - text: One study’s gain in confidence lasted 4 weeks after massage stopped; its authors think ongoing treatment is needed to keep such gains.', '  - text: ""\n    note: gone'),
    );
    const text = talk.read('data/takeaways.yaml');
    const problems = problemsOf(talk.root);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^data/takeaways\\.yaml:${lineOf(text, 'tina-gioo')}:\\d+ {2}tips\\[0\\]\\.basis\\[0\\] {2}no study or quote has the id "tina-gioo"`)),
      expect.stringMatching(new RegExp(`^data/takeaways\\.yaml:${lineOf(text, 'text: ""')}:11 {2}takeaways\\[3\\]\\.text {2}expected some text`)),
      expect.stringMatching(new RegExp(`^data/takeaways\\.yaml:${lineOf(text, 'note: gone')}:5 {2}takeaways\\[3\\]\\.note {2}unknown field "note"`)),
    ]);
  });

  it('checks the running order and slide ids when studies.yaml and one order entry have problems', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: "p<.01"'));
    talk.edit('slides/order.yaml', (t) => t.replace('  - title\n', '  - slides/title.md\n').replace('  - tips\n', '  - tipps\n'));
    talk.edit('slides/agenda.md', (t) => t.replace('id: agenda', 'id: study-negahban-2013'));
    expect(problemsOf(talk.root)).toEqual([
      expect.stringMatching(/^data\/studies\.yaml:\d+:12 {2}studies\[0\]\.results\[1\]\.p {2}/),
      expect.stringMatching(/^slides\/order\.yaml:\d+:5 {2}slides\[0\] {2}expected a file name in the slides folder/),
      expect.stringMatching(/^slides\/order\.yaml:\d+:5 {2}slides\[3\] {2}slide id "study-negahban-2013" in agenda\.md is also used by the slides of the study "negahban-2013"$/),
      expect.stringMatching(/^slides\/order\.yaml:\d+:5 {2}slides\[9\] {2}"tipps" is not a slide/),
    ]);
  });
});
