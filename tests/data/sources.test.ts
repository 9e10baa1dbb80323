// The talk held to its sources: quotes word for word, figures as the source gives them, and the source files
// themselves readable and used. Each mistake is made on purpose on a copy of the talk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTalk } from '../../src/data/load-data.ts';
import { formatProblem } from '../../src/data/data-error.ts';
import { copyTalk, problemsOf, ROOT, type TalkCopy } from './talk-copy.ts';

let talk: TalkCopy;
beforeEach(() => {
  talk = copyTalk();
});
afterEach(() => {
  talk.remove();
});

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The one problem a change causes, after checking the files were left as they were. */
function onlyProblem(): string {
  const before = talk.snapshot();
  const problems = problemsOf(talk.root);
  expect(talk.snapshot(), 'checking must not change the files').toEqual(before);
  expect(problems, problems.join('\n')).toHaveLength(1);
  return problems[0]!;
}

describe('the real talk', () => {
  it('passes, and every quote, conclusion and figure of the seed was checked against its passage', () => {
    expect(problemsOf(talk.root)).toEqual([]);
    const { provenance } = loadTalk({ root: ROOT, cwd: ROOT });
    const kinds = (k: string) => provenance.filter((p) => p.kind === k);
    expect(kinds('quote').map((p) => p.where)).toEqual([
      expect.stringMatching(/^data\/quotes\.yaml:\d+ {2}quotes\[0\]\.text$/),
      expect.stringMatching(/quotes\[1\]\.text$/),
      expect.stringMatching(/quotes\[2\]\.text$/),
      expect.stringMatching(/quotes\[3\]\.text$/),
      expect.stringMatching(/clinic\.description$/),
    ]);
    expect(kinds('conclusion')).toHaveLength(6);
    const pain = provenance.find((p) => p.where.endsWith('studies[0].results[0]'))!;
    expect(pain.said).toBe('Pain (massage vs exercise): 2.75 points, P = 0.001');
    expect(pain.passage).toContain('pain reduction (mean change 2.75 points, P = 0.001)');
    expect(pain.sourceFile).toBe('sources/blog-post.txt');
    // A figure marked as the paper's is not checked against text the talk does not hold.
    expect(provenance.some((p) => p.where.includes('studies[5].results[0]'))).toBe(false);
    const schroeder = kinds('quoted words').find((p) => p.where.startsWith('data/takeaways.yaml') && p.said.includes('noninvasive'))!;
    expect(schroeder.passage).toContain('Massage is a safe, noninvasive treatment');
  });
});

describe('quotes word for word', () => {
  it('reports a practitioner quote with one word changed, at its line, with the passage and the word', () => {
    talk.edit('data/quotes.yaml', (t) => t.replace('a significant difference can occur', 'a big difference can occur'));
    const line = lineOf(talk.read('data/quotes.yaml'), 'a big difference');
    const source = lineOf(talk.read('sources/blog-post.txt'), 'I have treated a number');
    expect(onlyProblem()).toMatch(
      new RegExp(
        `^data/quotes\\.yaml:\\d+:\\d+ {2}quotes\\[0\\]\\.text {2}the quote is not word for word in sources/blog-post\\.txt: it has "big" where the source has "significant"\\. ` +
          `Nearest passage \\(line ${source}\\): "[^"]*I have found that a significant difference can occur with footwork`,
      ),
    );
    expect(line).toBeGreaterThan(0);
  });

  it('reports a word left out without an ellipsis, and a word added', () => {
    talk.edit('data/quotes.yaml', (t) => t.replace('Not sure why this is?', 'Not sure why?'));
    expect(onlyProblem()).toMatch(/quotes\[2\]\.text {2}the quote is not word for word in sources\/blog-post\.txt: it leaves out words after "why" \(the source goes on "this …"\): mark words left out with an ellipsis/);
    talk.edit('data/quotes.yaml', (t) => t.replace('Not sure why?', 'Not sure why this really is?'));
    expect(onlyProblem()).toMatch(/quotes\[2\]\.text {2}.*it adds "really", which the source does not have there/);
  });

  it('reports an ellipsis that hides an added word', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('psycho-emotional state. … Lack of inter group', 'psycho-emotional state. … Clearly Lack of inter group'));
    expect(onlyProblem()).toMatch(
      /^data\/studies\.yaml:\d+:\d+ {2}studies\[3\]\.conclusion {2}the conclusion is not word for word in sources\/blog-post\.txt: it adds "Clearly" before "Lack", which the source does not have there\. Nearest passage \(line \d+\): "[^"]*Lack of inter group difference/,
    );
  });

  it('reports sentences left out of a conclusion with no ellipsis', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('significant methodological flaws. … Massage/bodywork', 'significant methodological flaws. Massage/bodywork'));
    expect(onlyProblem()).toMatch(/studies\[4\]\.conclusion {2}.*leaves out words after "flaws" \(the source goes on "There …"\)/);
  });

  it('accepts typographic quotes, dashes, line breaks and an ellipsis of three full stops', () => {
    talk.edit('data/quotes.yaml', (t) => t.replace("I don't see it as much", 'I don’t see it as much').replace('psycho-emotional', 'psycho–emotional'));
    talk.edit('data/studies.yaml', (t) => t.replace('psycho-emotional state. … Lack', 'psycho—emotional state...\n      Lack'));
    expect(problemsOf(talk.root)).toEqual([]);
  });

  it('reports words in quotation marks in a slide or its notes that the source does not have, at their line and column', () => {
    talk.edit('slides/research-overall.md', (t) => t.replace('That is my reading of the evidence', 'In short, “massage eases the symptoms of MS”. That is my reading of the evidence'));
    const text = talk.read('slides/research-overall.md');
    const line = lineOf(text, '“massage eases');
    const column = text.split('\n')[line - 1]!.indexOf('“massage') + 1;
    expect(onlyProblem()).toMatch(
      new RegExp(`^slides/research-overall\\.md:${line}:${column} {2}notes {2}"massage eases the symptoms of MS" is in quotation marks but not word for word in sources/blog-post\\.txt`),
    );
  });

  it('reports words in guillemets or single quotes as it does in double quotes, and takes no apostrophe for a quote', () => {
    talk.edit('slides/research-overall.md', (t) => t.replace('That is my reading of the evidence', 'The clients\' view: «massage eases the symptoms of MS». That is my reading of the evidence'));
    const text = talk.read('slides/research-overall.md');
    const line = lineOf(text, '«massage eases');
    const column = text.split('\n')[line - 1]!.indexOf('«massage') + 1;
    expect(onlyProblem()).toMatch(new RegExp(`^slides/research-overall\\.md:${line}:${column} {2}notes {2}"massage eases the symptoms of MS" is in quotation marks but not word for word`));
    talk.edit('slides/research-overall.md', (t) => t.replace('«massage eases the symptoms of MS»', "'massage eases the symptoms of MS'"));
    expect(onlyProblem()).toMatch(/notes {2}"massage eases the symptoms of MS" is in quotation marks but not word for word/);
  });

  it('holds a short quotation about a study to the part of the source about that study', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('so let me go slowly.', 'so let me go slowly. It helped with "footwork".'));
    const line = lineOf(talk.read('data/studies.yaml'), 'with "footwork"');
    expect(onlyProblem()).toMatch(
      new RegExp(`^data/studies\\.yaml:${line}:\\d+ {2}studies\\[0\\]\\.notes {2}"footwork" is in quotation marks, but sources/blog-post\\.txt does not have it where it speaks of this study\\. Nearest passage there \\(line \\d+\\)`),
    );
    // The same word in a takeaway, about no one study, is found anywhere in the sources.
    talk.edit('data/studies.yaml', (t) => t.replace(' It helped with "footwork".', ''));
    talk.edit('data/takeaways.yaml', (t) => t.replace('One study calls\n  massage', 'Mind the "footwork". One study calls\n  massage'));
    expect(problemsOf(talk.root)).toEqual([]);
  });

  it('reports quoted words in a data field at the line where they are, not where the field starts', () => {
    talk.edit('data/takeaways.yaml', (t) => t.replace('One study calls\n  massage "a safe, noninvasive treatment', 'One study calls\n  massage "a safe, gentle treatment'));
    const line = lineOf(talk.read('data/takeaways.yaml'), 'massage "a safe, gentle');
    expect(onlyProblem()).toMatch(new RegExp(`^data/takeaways\\.yaml:${line}:\\d+ {2}takeawaysNotes {2}"a safe, gentle treatment[^"]*" is in quotation marks but not word for word.*has "gentle" where the source has "noninvasive"`));
  });
});

describe('figures as the source gives them', () => {
  it('reports a mistyped figure (2.57 for 2.75) at its line, with the source passage', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('change: 2.75', 'change: 2.57'));
    const line = lineOf(talk.read('data/studies.yaml'), 'change: 2.57');
    expect(onlyProblem()).toMatch(
      new RegExp(
        `^data/studies\\.yaml:${line}:17 {2}studies\\[0\\]\\.results\\[0\\]\\.change {2}2\\.57 is not in sources/blog-post\\.txt in its passage: check the figure against the source, or mark it "source: paper" if it comes from the paper\\. ` +
          'Nearest passage \\(line \\d+\\): "[^"]*mean change 2\\.75 points, P = 0\\.001',
      ),
    );
  });

  it('without a passage, looks where the source gives the study, and still finds the mistyped figure', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('        passage: pain reduction (mean change 2.75 points, P = 0.001)\n', '').replace('change: 2.75', 'change: 2.57'));
    expect(onlyProblem()).toMatch(/studies\[0\]\.results\[0\]\.change {2}2\.57 is not in sources\/blog-post\.txt where it gives this study: .*Nearest passage \(line \d+\): "RESULTS: Massage therapy resulted in significantly larger improvement in pain reduction \(mean change 2\.75 points/);
  });

  it('reports a P value, a unit, a sample size and a session count that the source does not give', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('p: 0.009', 'p: 0.09').replace('unit: seconds\n        p: 0.007', 'unit: metres\n        p: 0.007'));
    const problems = problemsOf(talk.root);
    expect(problems).toEqual([
      expect.stringMatching(/studies\[0\]\.results\[1\]\.p {2}0\.09 is not in sources\/blog-post\.txt in its passage/),
      expect.stringMatching(/studies\[0\]\.results\[2\]\.change {2}7\.84 is in sources\/blog-post\.txt in its passage, but not followed by "metres"/),
    ]);
    talk.write('data/studies.yaml', talk.read('data/studies.yaml').replace('p: 0.09', 'p: 0.009').replace('unit: metres', 'unit: seconds'));
    talk.edit('data/studies.yaml', (t) => t.replace('    count: 24\n      of: adults', '    count: 42\n      of: adults').replace('45-minute massages twice a week for 5 weeks', '45-minute massages twice a week for 6 weeks'));
    expect(problemsOf(talk.root)).toEqual([
      expect.stringMatching(/studies\[2\]\.participants\.count {2}42 is not in sources\/blog-post\.txt where it gives this study/),
      expect.stringMatching(/studies\[2\]\.schedule\.text {2}6 is not in sources\/blog-post\.txt where it gives this study/),
    ]);
  });

  it('does not check a figure marked as from the paper', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.003\n', '        p: 0.004\n'));
    expect(problemsOf(talk.root)).toEqual([]);
  });
});

describe('the source files', () => {
  it('reports an empty source, and nothing else', () => {
    talk.write('sources/blog-post.txt', '  \n');
    expect(onlyProblem()).toBe('sources/blog-post.txt:1:1  the source text is empty: paste the words of the source into it (as plain text), or delete the file');
  });

  it('reports a source that is not UTF-8, at the line of the first wrong byte', () => {
    const text = talk.read('sources/blog-post.txt');
    const at = text.indexOf('Fiza Mahmood') + 'Fiza Mahmood'.length;
    // "é" written as one Latin-1 byte, as an old editor might save it: not UTF-8.
    talk.write('sources/blog-post.txt', Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(' caf\xe9', 'latin1'), Buffer.from(text.slice(at))]));
    const line = lineOf(text, 'Fiza Mahmood');
    expect(onlyProblem()).toMatch(new RegExp(`^sources/blog-post\\.txt:${line}:\\d+ {2}the file is not saved as UTF-8 text`));
  });

  it('reports a source id that nobody cites, and a source that is named but missing', () => {
    talk.write('sources/notes-from-call.txt', 'Words nobody quotes.\n');
    // A warning: the deck still builds (a talk made source first has such a source for a moment).
    const model = loadTalk({ root: talk.root, cwd: talk.root });
    expect(model.warnings.map(formatProblem)).toContain('sources/notes-from-call.txt:1:1  no quote, clinic or study names this source: add "from: notes-from-call" to what comes from it, or delete the file');
    rmSync(join(talk.root, 'sources/notes-from-call.txt'));
    talk.edit('data/quotes.yaml', (t) => t.replace(/(id: tina-gio\n {4}from: )blog-post/, '$1blog-pots'));
    expect(onlyProblem()).toMatch(/^data\/quotes\.yaml:\d+:\d+ {2}quotes\[2\]\.from {2}no source text "blog-pots": expected a file sources\/blog-pots\.txt: did you mean "blog-post"\?$/);
  });

  it('asks for the source of a quote that names none', () => {
    talk.edit('data/quotes.yaml', (t) => t.replace(/(id: rhonda-henry\n) {4}from: blog-post\n/, '$1'));
    expect(onlyProblem()).toMatch(/^data\/quotes\.yaml:\d+:\d+ {2}quotes\[3\] {2}say which source these words come from: add "from:" with the id of a file in sources\/ \(blog-post\)$/);
  });

  it('lets a talk have no sources at all', () => {
    rmSync(join(talk.root, 'sources'), { recursive: true });
    for (const f of ['data/quotes.yaml', 'data/studies.yaml']) talk.edit(f, (t) => t.replace(/^ +from: blog-post\n/gm, ''));
    expect(problemsOf(talk.root)).toEqual([]);
  });
});

describe('npm run check, as a process', () => {
  const check = (root: string) =>
    spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), ['src/cli/check.ts', '--talk', root], {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('passes on the real talk and fails, with file:line, on a changed quote word and a mistyped figure', () => {
    expect(check(ROOT).status).toBe(0);
    talk.edit('data/quotes.yaml', (t) => t.replace('Slow sustained pressure', 'Slow gentle pressure'));
    talk.edit('data/studies.yaml', (t) => t.replace('change: 2.75', 'change: 2.57'));
    const run = check(talk.root);
    expect(run.status, run.stderr).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => /^\S+:\d+:\d+ {2}/.test(l)).map((l) => l.replace(/^.*?data\//, 'data/'));
    expect(lines).toEqual([
      expect.stringMatching(/^data\/studies\.yaml:\d+:17 {2}studies\[0\]\.results\[0\]\.change {2}2\.57 is not in .*sources\/blog-post\.txt in its passage/),
      expect.stringMatching(/^data\/quotes\.yaml:\d+:\d+ {2}quotes\[1\]\.text {2}the quote is not word for word in .*sources\/blog-post\.txt: it has "gentle" where the source has "sustained"/),
    ]);
  });

  it('npm run build builds nothing on a mistyped figure, with the same message', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('change: 2.75', 'change: 2.57'));
    const out = mkdtempSync(join(tmpdir(), 'sources-build-'));
    writeFileSync(join(out, 'index.html'), 'the last good build');
    try {
      const build = spawnSync(resolve(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', out, '--emptyOutDir'], {
        cwd: ROOT,
        env: { ...process.env, DECK_TALK: talk.root, FORCE_COLOR: '0', NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(build.status).toBe(1);
      expect(build.stdout + build.stderr).toMatch(/studies\.yaml:\d+:17 {2}studies\[0\]\.results\[0\]\.change {2}2\.57 is not in \S*sources\/blog-post\.txt in its passage/);
      expect(readdirSync(out)).toEqual(['index.html']);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the last good build');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('numbers as sources write them', () => {
  it('reads "1,200", ".001", "Twenty-four" and "45-minute", and compares a change by its size', async () => {
    const { figuresOf, wordsOf } = await import('../../src/data/source-words.ts');
    const text = 'About 1,200 people (P < .001); Twenty-four adults had 45-minute sessions; pain fell by 2.75 points.';
    expect(figuresOf(wordsOf(text), text).map((f) => f.value)).toEqual([1200, 0.001, 24, 45, 2.75]);
    talk.edit('data/studies.yaml', (t) => t.replace('change: 2.75', 'change: -2.75'));
    expect(problemsOf(talk.root)).toEqual([]);
  });
});
