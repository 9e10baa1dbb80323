// The messages a person editing the talk sees: exact, in plain words, at the line and column of the mistake.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTalk } from '../../src/data/load-data.ts';
import { copyTalk, problemsOf, type TalkCopy } from './talk-copy.ts';

let talk: TalkCopy;
beforeEach(() => {
  talk = copyTalk();
});
afterEach(() => talk.remove());

/** Breaks the copy and returns every problem, checking that reading it changed no file. */
function problemsAfter(file: string, change: (text: string) => string): string[] {
  talk.edit(file, change);
  const before = talk.snapshot();
  const problems = problemsOf(talk.root);
  expect(talk.snapshot()).toEqual(before);
  return problems;
}

describe('YAML mistakes, explained', () => {
  it('a value holding ": " needs quotes, and the message shows how', () => {
    expect(problemsAfter('data/talk.yaml', (t) => t.replace('title: Massage Therapy and Multiple Sclerosis', 'title: Massage: a guide'))).toEqual([
      'data/talk.yaml:4:8  the file is not valid YAML: this value holds a colon and a space (": "), which starts a new field: put the whole value in quotes, such as "Massage: a guide"',
    ]);
  });

  it('Markdown emphasis at the start of a value is read as a YAML reference', () => {
    expect(problemsAfter('data/talk.yaml', (t) => t.replace('subtitle: What the research', 'subtitle: *What* the research'))).toEqual([
      expect.stringMatching(/^data\/talk\.yaml:5:11 {2}the file is not valid YAML: this value starts with "\*", which YAML reads as a special mark, and then goes on: put the whole value in quotes, such as "\*What\* the research/),
    ]);
  });

  it('a YAML reference to nothing, alone on its line', () => {
    expect(problemsAfter('data/talk.yaml', (t) => t.replace('lang: en', 'lang: *en'))).toEqual([
      'data/talk.yaml:3:7  the file is not valid YAML: a value starting with "*" is read as a YAML reference (an alias): put the whole value in quotes, such as "*en"',
    ]);
  });

  it('an unclosed quotation mark is shown where it opens, not at the end of the file', () => {
    expect(problemsAfter('data/talk.yaml', (t) => t.replace('lang: en', 'lang: "en'))).toEqual([
      'data/talk.yaml:3:7  the file is not valid YAML: a quotation mark (") opens a value here but is never closed: add the closing " at the end of the value',
    ]);
  });

  it('an unclosed [ list is shown where it opens', () => {
    expect(problemsAfter('data/talk.yaml', (t) => t.replace('lengthMinutes: 30', 'lengthMinutes: [30'))).toEqual([
      'data/talk.yaml:17:16  the file is not valid YAML: a list that opens with "[" is not closed with "]" on the same line',
    ]);
  });

  it('a field indented one space too far', () => {
    expect(problemsAfter('data/talk.yaml', (t) => t.replace('  chapter:', '   chapter:'))).toEqual([
      [
        'data/talk.yaml:14:4  the field "chapter" is indented more than the field "kind" above it, so it is read as part of that field\'s text (and "chapter" counts as missing): start it in column 3, like "kind"',
        '    line 13:   kind: Conference call',
        '    line 14:    chapter: St. Louis Gateway Area Chapter',
        '               ^',
      ].join('\n'),
    ]);
  });

  it('a list item indented too far', () => {
    const problems = problemsAfter('data/quotes.yaml', (t) => t.replace('  - id: michael-reoch', '    - id: michael-reoch'));
    expect(problems[0]).toMatch(/^data\/quotes\.yaml:(\d+):5 {2}this list item \("- "\) starts in column 5, but the item it goes with \(line \d+\) starts in column 3: items of one list must start in the same column\n/);
    // The line it goes with and the mistake, one under the other, with a caret where it should start.
    expect(problems[0]!.split('\n').slice(1)).toEqual([expect.stringMatching(/^ {4}line \d+: {3}- id: /), expect.stringMatching(/^ {4}line \d+: {5}- id: michael-reoch$/), '               ^']);
  });

  it('YAML references repeated into a huge value are refused, not expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcde'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcd'[i]}`).join(', ')}]`)].join('\n');
    talk.write('data/resources.yaml', `${bomb}\n`);
    expect(problemsOf(talk.root)).toEqual([
      'data/resources.yaml:2:8  the file is not valid YAML: the file repeats YAML references (*name) too many times to be read safely: write the values out instead',
    ]);
  });

  it('a "---" line in a data file', () => {
    expect(problemsAfter('data/talk.yaml', (t) => t.replace('lang: en', 'lang: en\n---'))).toEqual([
      'data/talk.yaml:4:1  the file is not valid YAML: a line "---" splits the file in two: remove it (a data file holds one set of fields)',
    ]);
  });
});

describe('values of the wrong kind, explained', () => {
  it('a number where text belongs: put it in quotes', () => {
    expect(problemsAfter('data/quotes.yaml', (t) => t.replace('    credential: RMT', '    credential: 2013'))).toEqual([
      'data/quotes.yaml:40:17  quotes[1].credential  expected a piece of text, found the number 2013: to use it as text, put it in quotes, such as "2013"',
    ]);
  });

  it('a design one letter off a known one: guesses the known one', () => {
    expect(problemsAfter('data/studies.yaml', (t) => t.replace('design: [crossover]', 'design: [cross-over]'))).toEqual([
      expect.stringMatching(/^data\/studies\.yaml:\d+:14 {2}studies\[1\]\.design\[0\] {2}"cross-over" is not a design the deck knows: did you mean "crossover"\?/),
    ]);
  });

  it('a typo in a design the vocabulary has but this talk never used: "cohort stuy"', () => {
    expect(problemsAfter('data/studies.yaml', (t) => t.replace('design: [crossover]', 'design: [cohort stuy]'))).toEqual([
      expect.stringMatching(/studies\[1\]\.design\[0\] {2}"cohort stuy" is not a design the deck knows: did you mean "cohort study"\?/),
    ]);
  });

  it('a design that is really new is accepted as written', () => {
    expect(problemsAfter('data/studies.yaml', (t) => t.replace('design: [crossover]', 'design: [n-of-1 trial, cohort study]'))).toEqual([]);
  });

  it('a number below the least allowed, and a fraction where a whole number belongs', () => {
    expect(problemsAfter('data/talk.yaml', (t) => t.replace('lengthMinutes: 30', 'lengthMinutes: 0'))).toEqual([
      'data/talk.yaml:17:16  lengthMinutes  expected a number of at least 1, found 0',
    ]);
    talk.edit('data/talk.yaml', (t) => t.replace('lengthMinutes: 0', 'lengthMinutes: 30.5'));
    expect(problemsOf(talk.root)).toEqual(['data/talk.yaml:17:16  lengthMinutes  expected a whole number, found 30.5']);
  });

  it('one word where a list belongs: shows how to write a list', () => {
    expect(problemsAfter('data/studies.yaml', (t) => t.replace('design: [crossover]', 'design: crossover'))).toEqual([
      expect.stringMatching(/studies\[1\]\.design {2}expected a list, found "crossover": write a list as \[first, second\] or as lines that start with "- "$/),
    ]);
  });

  it('an empty list', () => {
    expect(problemsAfter('data/studies.yaml', (t) => t.replace('design: [crossover]', 'design: []'))).toEqual([
      expect.stringMatching(/studies\[1\]\.design {2}expected at least one design label, found an empty list$/),
    ]);
  });
});

describe('links', () => {
  it('a Markdown link that is not a web or mail link, in any text field', () => {
    expect(problemsAfter('data/studies.yaml', (t) => t.replace('Pain, fatigue, spasticity', 'Pain ([see](ftp://files.example/x)), fatigue, spasticity'))).toEqual([
      'data/studies.yaml:28:15  studies[0].measured  expected links to start with https://, http:// or mailto:, found a link to "ftp://files.example/x"',
    ]);
  });

  it('a link to a file on this computer, a data: link, and a bare address without https://', () => {
    const problems = problemsAfter('data/takeaways.yaml', (t) =>
      t.replace("One study’s gain in confidence lasted 4 weeks after massage stopped;", "One study's gain [lasted](file:///C:/x.html), [a](data:text/html,x) or [b](www.example.org)."),
    );
    expect(problems.map((p) => p.replace(/^.*? {2}.*? {2}/, ''))).toEqual([
      'expected links to start with https://, http:// or mailto:, found a link to "file:///C:/x.html"',
      'expected links to start with https://, http:// or mailto:, found a link to "data:text/html,x"',
      'expected links to start with https://, http:// or mailto:, found a link to "www.example.org"',
    ]);
  });

  it('a javascript: link in a hand-written slide, at its own line and column', () => {
    expect(problemsAfter('slides/why-this-talk.md', (t) => t.replace('- So I asked colleagues', '- So I [asked](javascript:alert(1)) colleagues'))).toEqual([
      'slides/why-this-talk.md:9:16  expected links to start with https://, http:// or mailto:, found a link to "javascript:alert(1)"',
    ]);
  });

  it('accepts web and mail links in text', () => {
    talk.edit('data/takeaways.yaml', (t) => t.replace("One study’s gain in confidence lasted 4 weeks after massage stopped;", "One study's gain [lasted](https://example.org/x) (write to <chapter@example.org>)."));
    expect(problemsOf(talk.root)).toEqual([]);
  });
});

describe('what fits on a quote slide', () => {
  it('a word too long for one line of the slide (a pasted web address)', () => {
    const url = 'https://pubmed.ncbi.nlm.nih.gov/?term=multiple+sclerosis+and+massage+therapy+randomized';
    expect(problemsAfter('data/quotes.yaml', (t) => t.replace('I hope that helps.', `I hope that helps. ${url}`))).toEqual([
      expect.stringMatching(/^data\/quotes\.yaml:\d+:\d+ {2}quotes\[0\]\.text {2}expected words that fit on one line of the slide, found "https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\?term\.\.\." \(87 characters with no space\): add spaces, or move it \(a web address, say\) to the notes$/),
    ]);
  });

  it('a name too long to fit under the quote', () => {
    expect(problemsAfter('data/quotes.yaml', (t) => t.replace('    person: Tina Gio', `    person: ${'Tina Gio '.repeat(6).trim()}`))).toEqual([
      expect.stringMatching(/quotes\[2\]\.person {2}expected at most 40 characters, so that the name fits under the quote, found 53 characters$/),
    ]);
  });

  it('a heading too long for one line', () => {
    expect(problemsAfter('data/quotes.yaml', (t) => t.replace('heading: What therapists see', 'heading: What massage therapists see in their own practice'))).toEqual([
      'data/quotes.yaml:7:10  heading  expected at most 32 characters, so that the heading fits on one line, found 49 characters',
    ]);
  });
});

describe('files', () => {
  it('a file saved in another encoding than UTF-8 (é would be lost)', () => {
    const latin1 = Buffer.from(talk.read('data/talk.yaml').replace('Multiple Sclerosis', 'Sclérose en plaques'), 'latin1');
    writeFileSync(join(talk.root, 'data/talk.yaml'), latin1);
    expect(problemsOf(talk.root)).toEqual([
      'data/talk.yaml:4:31  the file is not saved as UTF-8 text, so letters such as é, “ or — would be lost: save it again choosing the UTF-8 encoding',
    ]);
  });

  it('a file saved as UTF-16 ("Unicode" in Windows Notepad) reads the same', () => {
    const text = talk.read('data/talk.yaml').replace('Multiple Sclerosis', 'Sclérose en plaques — “MS”');
    writeFileSync(join(talk.root, 'data/talk.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]));
    expect(problemsOf(talk.root)).toEqual([]);
  });

  it('an empty slide file', () => {
    talk.write('slides/agenda.md', '\n');
    expect(problemsOf(talk.root)).toEqual([
      'slides/agenda.md:1:1  the slide file is empty: it needs front matter between two "---" lines (with an "id:"), a "# Heading", the slide\'s text, then "Notes:" and what to say',
    ]);
  });

  it('every problem of one slide file at once', () => {
    const problems = problemsAfter('slides/agenda.md', (t) => t.replace('weight: 0.8', 'weight: heavy').replace('# What we will cover\n', 'What we will cover\n'));
    expect(problems).toEqual([
      'slides/agenda.md:3:9  weight  expected a number, found "heavy"',
      'slides/agenda.md:5:1  the slide has no heading: start it with a line such as "# Why this talk"',
    ]);
  });

  it('an order entry without .md for a slide file that exists', () => {
    expect(problemsAfter('slides/order.yaml', (t) => t.replace('  - agenda.md\n', '  - agenda\n'))).toEqual([
      expect.stringMatching(/^slides\/order\.yaml:\d+:5 {2}slides\[3\] {2}"agenda" is not a slide: did you mean "agenda\.md"\?/),
    ]);
  });

  it('a slide file name with a typo', () => {
    expect(problemsAfter('slides/order.yaml', (t) => t.replace('  - agenda.md\n', '  - agendda.md\n'))).toEqual([
      expect.stringMatching(/^slides\/order\.yaml:\d+:5 {2}slides\[3\] {2}no slide file "agendda\.md" in slides: did you mean "agenda\.md"\?$/),
    ]);
  });

  it('a talk folder with nothing in it', () => {
    const empty = join(talk.root, 'nothing-here');
    mkdirSync(empty);
    expect(() => loadTalk({ root: empty, cwd: talk.root })).toThrow(
      'nothing-here/data:1:1  no talk here: nothing-here has no data folder. A talk is a folder holding data/ and slides/, such as examples/library-hours',
    );
  });
});
