// A talk folder is untrusted input: a link out of the folder is never read (its words would reach the provenance
// page), a quote with no words is not "found", and quotes built to make the search blow up (many ellipses, a huge
// source) are answered, not hung on. The test's own time limit is the hang detector; speed is the benchmark's.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTalk, type TalkCopy } from './talk-copy.ts';
import { DataError, formatProblem } from '../../src/data/data-error.ts';
import { loadTalk } from '../../src/data/load-data.ts';
import { findQuote, sentenceAround, wordsOf } from '../../src/data/source-words.ts';

let talk: TalkCopy;
let secrets: string;
beforeEach(() => {
  talk = copyTalk();
  secrets = mkdtempSync(join(tmpdir(), 'secrets-'));
  // A file of this computer that must never be published: it holds the talk's own participant count (24).
  writeFileSync(join(secrets, 'credentials.txt'), 'aws_secret_access_key = AKIA-NOT-FOR-THE-DECK 24 people\n');
});
afterEach(() => {
  talk.remove();
  rmSync(secrets, { recursive: true, force: true });
});

function problems(): string[] {
  try {
    loadTalk({ root: talk.root, cwd: talk.root });
  } catch (e) {
    if (e instanceof DataError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

describe('a link out of the talk folder', () => {
  it('in sources/ is refused at the file, and its words reach nothing', () => {
    symlinkSync(join(secrets, 'credentials.txt'), join(talk.root, 'sources/team-notes.txt'));
    const found = problems();
    expect(found).toContainEqual(expect.stringMatching(/^sources\/team-notes\.txt:1:1 {2}this file leads outside the talk's folder/));
    expect(found.join('\n')).not.toContain('AKIA');
  });

  it('as the sources folder itself is refused', () => {
    rmSync(join(talk.root, 'sources'), { recursive: true });
    mkdirSync(join(secrets, 'elsewhere'));
    writeFileSync(join(secrets, 'elsewhere', 'blog-post.txt'), 'words');
    symlinkSync(join(secrets, 'elsewhere'), join(talk.root, 'sources'));
    expect(problems()).toContainEqual(expect.stringMatching(/^sources:1:1 {2}this file leads outside the talk's folder/));
  });

  it('as a data file is refused at the file', () => {
    const mine = join(secrets, 'resources.yaml');
    writeFileSync(mine, 'resources: []\n');
    rmSync(join(talk.root, 'data/resources.yaml'));
    symlinkSync(mine, join(talk.root, 'data/resources.yaml'));
    expect(problems()).toContainEqual(expect.stringMatching(/^data\/resources\.yaml:1:1 {2}this file leads outside the talk's folder/));
  });

  it('as a replay file named in talk.yaml is refused at its line', () => {
    writeFileSync(join(secrets, 'call.m4a'), 'not audio');
    mkdirSync(join(talk.root, 'recording'));
    symlinkSync(join(secrets, 'call.m4a'), join(talk.root, 'recording/call.m4a'));
    writeFileSync(join(talk.root, 'recording/talk.vtt'), 'WEBVTT\n');
    talk.edit('data/talk.yaml', (t) => `${t.trimEnd()}\nreplay:\n  audio: recording/call.m4a\n  chapters: ../${join(secrets).split('/').pop()}/x.vtt\n`);
    writeFileSync(join(secrets, 'x.vtt'), 'WEBVTT\n');
    // Through the check npm run check, build and replay all use.
    return import('../../src/replay/talk-inputs.ts').then(({ replayFileProblems }) => {
      const model = loadTalk({ root: talk.root, cwd: talk.root });
      const found = replayFileProblems(model, talk.root).map(formatProblem);
      expect(found).toContainEqual(expect.stringMatching(/talk\.yaml:\d+:\d+ {2}replay\.audio {2}"recording\/call\.m4a": this file leads outside the talk's folder/));
    });
  });
});

describe('quotes with nothing to find, or built to make the search blow up', () => {
  it('a conclusion of only an ellipsis is not found in its source', () => {
    talk.edit('data/studies.yaml', (t) => t.replace(/\n {4}conclusion: >-\n(?: {6}.*\n)+/, '\n    conclusion: "…"\n'));
    expect(problems()).toContainEqual(expect.stringMatching(/conclusion .*has no words in it/));
    expect(findQuote('… ...', wordsOf('any text at all'))).toMatchObject({ found: false });
  });

  it('ten ellipses against the talk\'s own source: answered, not hung on', () => {
    const source = wordsOf(talk.read('sources/blog-post.txt'));
    const quote = `${Array(10).fill('the').join(' … ')} … zebra`;
    expect(findQuote(quote, source)).toMatchObject({ found: false });
    // And one that is there, with its parts far apart but each within reach of the last.
    expect(findQuote('Massage … multiple sclerosis', source)).toMatchObject({ found: true });
  });

  it('a one-word misquote against a 5 MB source, and a figure\'s sentence in it: answered', () => {
    const sentence = 'Patients reported less pain after the sessions and walked further. ';
    const text = sentence.repeat(Math.ceil(5_000_000 / sentence.length));
    const words = wordsOf(text);
    expect(findQuote('Patients reported more pain after the sessions', words)).toMatchObject({ found: false });
    // A thousand sentences looked up in it, as a thousand figures would.
    for (let i = 0; i < 1000; i++) {
      const at = (i * 4999) % (text.length - 100);
      const s = sentenceAround(text, at);
      expect(s.end - s.start).toBeLessThan(200);
    }
  }, 60_000);

  it('more ellipses than a quote may have is said, not searched', () => {
    expect(findQuote(Array(60).fill('a').join(' … '), wordsOf('a b c'))).toMatchObject({ found: false, difference: expect.stringMatching(/leaves words out in 59 places/) });
  });
});

describe('invisible characters that would break the PowerPoint or the message formatter', () => {
  it('a control character in the title is refused at its line, as the schema\'s job', () => {
    talk.edit('data/talk.yaml', (t) => t.replace(/^title: (.*)$/m, 'title: "$1 \\x01"'));
    expect(problems()).toContainEqual(expect.stringMatching(/^data\/talk\.yaml:\d+:\d+ {2}title {2}this text holds an invisible control character \(U\+0001\) after ".*Sclerosis "/));
  });

  it('a private-use marker in a name or a label is refused, and could not splice a message anyway', async () => {
    talk.edit('data/people.yaml', (t) => t.replace('name: Keith Eric Grant', 'name: "Keith \\uE0000\\uE001 Grant"'));
    talk.edit('data/talk.yaml', (t) => `${t.trimEnd()}\nlabels:\n  thanks:\n    title: "Thanks \\uE000"\n`);
    const found = problems();
    expect(found).toContainEqual(expect.stringMatching(/people\.yaml:\d+:\d+ {2}helpers\[0\]\.name {2}this text holds an invisible control character \(U\+E000\)/));
    expect(found).toContainEqual(expect.stringMatching(/talk\.yaml:\d+:\d+ {2}labels\.thanks\.title {2}this text holds an invisible control character \(U\+E000\)/));
    const { makeWords } = await import('../../src/locale/words.ts');
    const { raw, unwrap } = await import('../../src/html/escape.ts');
    const w = makeWords('en', new Map([['m', '<b>{name}</b> for {what}']]));
    expect(unwrap(w.html('m', { name: 'A\uE0001\uE001B', what: raw('<i>x</i>') }))).toBe('<strong>A1B</strong> for <i>x</i>');
  });

  it('a control character in a hand-written slide is said at its line', () => {
    talk.edit('slides/agenda.md', (t) => t.replace('# ', '# \u0007'));
    expect(problems()).toContainEqual(expect.stringMatching(/^slides\/agenda\.md:\d+:1 {2}this text holds an invisible control character \(U\+0007\)/));
  });
});

describe('quotation marks built to make the search blow up', () => {
  it('"«" followed by thousands of spaces, repeated "“", "‘" and "\'": answered, and the passages still found', async () => {
    const { quotedPassages } = await import('../../src/data/quoted-passages.ts');
    expect(quotedPassages(`«${' '.repeat(20_000)}`)).toEqual([]);
    expect(quotedPassages('“'.repeat(50_000))).toEqual([]);
    expect(quotedPassages(` ‘a${'’b'.repeat(50_000)}`)).toEqual([]);
    expect(quotedPassages(` '${"a'".repeat(50_000)}`)).toEqual([]);
    expect(quotedPassages('"'.repeat(50_001) + '\n')).toEqual([]);
    // The forms still read as before.
    expect(quotedPassages('He said « ça va » and “fine”, ‘the therapist’s view’ and \'rock\' then „gut“.').map((p) => p.words)).toEqual([
      'ça va',
      'fine',
      'the therapist’s view',
      'rock',
      'gut',
    ]);
  });
});
