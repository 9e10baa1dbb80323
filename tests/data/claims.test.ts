// Every claim traced to its passage (issue 23): takeaways, tips, a study's meaning and caveat, result details and
// research slides name the sources' words they rest on, or say they are the speaker's own view; npm run check finds
// each passage where the source speaks of what the claim rests on, and holds a claim to the sources' hedges.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTalk, type TalkCopy } from './talk-copy.ts';
import { DataError, formatProblem } from '../../src/data/data-error.ts';
import { loadTalk } from '../../src/data/load-data.ts';
import { hedgeIn } from '../../src/data/sources/check-claims.ts';

let talk: TalkCopy;
beforeEach(() => {
  talk = copyTalk();
});
afterEach(() => talk.remove());

function problems(): string[] {
  try {
    loadTalk({ root: talk.root, cwd: talk.root });
  } catch (e) {
    if (e instanceof DataError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

/** The 1-based line of the first line of `file` holding `text`. */
const lineOf = (file: string, text: string) => talk.read(file).split('\n').findIndex((l) => l.includes(text)) + 1;

describe('the real talk', () => {
  it('passes, and every takeaway and tip is on the provenance list with the passages it rests on, or as the speaker\'s own view', () => {
    const model = loadTalk({ root: talk.root, cwd: talk.root });
    const claims = model.provenance.filter((p) => p.kind === 'claim' || p.kind === 'own view');
    for (const point of [...model.takeaways.takeaways, ...model.takeaways.tips]) {
      const entry = claims.find((c) => c.said === point.text);
      expect(entry, point.text).toBeDefined();
      expect(entry!.kind).toBe(point.own ? 'own view' : 'claim');
      expect(entry!.passages!.length).toBe(point.passages?.length ?? 0);
      for (const p of entry!.passages!) expect(p.sourceFile).toBe('sources/blog-post.txt');
    }
    // Each study's meaning and caveat too.
    for (const s of model.studies.studies) {
      expect(claims.some((c) => c.where.includes(`studies[${model.studies.studies.indexOf(s)}].meaning`)), s.id).toBe(true);
      expect(claims.some((c) => c.where.includes(`studies[${model.studies.studies.indexOf(s)}].caveat`)), s.id).toBe(true);
    }
  });
});

describe('a claim that says more than its passages', () => {
  it('"may" deleted from a takeaway whose passage says "may": reported at its line, with both wordings', () => {
    const file = 'data/takeaways.yaml';
    talk.edit(file, (t) => t.replace('noninvasive treatment that may assist MS patients in managing the stress of their symptoms”.', 'noninvasive treatment that assists MS patients in managing the stress of their symptoms”.'));
    const found = problems().join('\n');
    const line = lineOf(file, 'that assists MS patients');
    expect(found).toMatch(new RegExp(`data/takeaways\\.yaml:${line}:\\d+ {2}takeaways\\[4\\]\\.text {2}"One study calls massage “a safe, noninvasive treatment that assists[^"]*" drops the sources' hedge: every passage it rests on hedges \\("may" in "Massage is a safe, noninvasive treatment that may assist`));
  });

  it('a study\'s meaning without the hedge its passage has: reported', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('a carer, may ease the symptoms of constipation.', 'a carer, eases the symptoms of constipation.'));
    const found = problems().join('\n');
    expect(found).toMatch(/data\/studies\.yaml:\d+:\d+ {2}studies\[5\]\.meaning\.text {2}"Daily tummy massage, done by the person or a carer, eases the symptoms of constipation\." drops the sources' hedge: every passage it rests on hedges \("suggest"/);
  });

  it('a takeaway\'s passages removed: reported as resting on none', () => {
    const file = 'data/takeaways.yaml';
    talk.edit(file, (t) => t.replace(/( {2}- text: One study’s gain in confidence[^\n]*\n {4}basis: \[finch-2014\]\n) {4}passages:\n(?: {6}- [^\n]*\n)+/, '$1'));
    const found = problems().join('\n');
    const line = lineOf(file, 'One study’s gain in confidence');
    expect(found).toContain(`data/takeaways.yaml:${line}:11  takeaways[3].text  "One study’s gain in confidence lasted 4 weeks after massage stopped; its auth…" states a finding but rests on no passage of the sources: add "passages:"`);
  });

  it('a takeaway\'s basis removed: reported at the takeaway', () => {
    const file = 'data/takeaways.yaml';
    talk.edit(file, (t) => t.replace(/( {2}- text: One study’s gain in confidence[^\n]*\n) {4}basis: \[finch-2014\]\n/, '$1'));
    const found = problems().join('\n');
    expect(found).toMatch(/data\/takeaways\.yaml:\d+:\d+ {2}takeaways\[3\][^ ]* {2}.*say what this rests on: add "basis:"/);
  });

  it('a passage not in the source: reported beside the nearest passage', () => {
    talk.edit('data/takeaways.yaml', (t) => t.replace('      - The improvement in self-efficacy endured 4 weeks after the end of the treatment series', '      - The improvement in self-efficacy endured 8 weeks after the end of the treatment series'));
    const found = problems().join('\n');
    expect(found).toMatch(/data\/takeaways\.yaml:\d+:\d+ {2}takeaways\[3\]\.passages\[0\] {2}the passage is not word for word in sources\/blog-post\.txt where it speaks of finch-2014: it has "8" where the source has "4"\. Nearest passage \(line 40\)/);
  });

  it('a passage that hides an added word behind an ellipsis: reported', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('        - Massage therapy could be more effective than exercise therapy', '        - Massage therapy could … clearly be more effective than exercise therapy'));
    const found = problems().join('\n');
    expect(found).toMatch(/data\/studies\.yaml:\d+:\d+ {2}studies\[0\]\.caveat\.passages\[1\] {2}the passage is not word for word/);
  });

  it('a passage found in the source, but where it speaks of another study: reported', () => {
    talk.edit('data/takeaways.yaml', (t) => t.replace('      - The improvement in self-efficacy endured 4 weeks after the end of the treatment series', '      - Massage is a safe, noninvasive treatment'));
    const found = problems().join('\n');
    expect(found).toMatch(/takeaways\[3\]\.passages\[0\] {2}the passage "Massage is a safe, noninvasive treatment" is in sources\/blog-post\.txt \(line 32\), but not where it speaks of what this rests on \(finch-2014\)/);
  });

  it('a result\'s detail that is not the source\'s words and has no passage: reported', () => {
    talk.edit('data/studies.yaml', (t) => t.replace('        detail: enhanced social functional status', '        detail: much better social life'));
    const found = problems().join('\n');
    expect(found).toMatch(/studies\[2\]\.results\[3\]\.detail {2}the detail is not word for word in sources\/blog-post\.txt where it speaks of hernandez-reif-1998/);
  });

  it('a hand-written slide that reports research with neither passages nor "own": reported at its file', () => {
    talk.edit('slides/research-overall.md', (t) => t.replace(/^own: true\npassages:\n(?: {2}- [^\n]*\n)+/m, ''));
    const found = problems().join('\n');
    expect(found).toMatch(/slides\/research-overall\.md:1:1 {2}reports {2}"My reading of the research" states a finding but rests on no passage/);
  });
});

describe('the speaker\'s own view', () => {
  it('with passages is fine, and without any is fine too: it reads as the speaker\'s', () => {
    talk.edit('data/takeaways.yaml', (t) => t.replace(/( {2}- text: "It seems the greatest benefit[^\n]*\n {4}own: true\n) {4}basis: [^\n]*\n {4}passages:\n(?: {6}- [^\n]*\n)+/, '$1'));
    const model = loadTalk({ root: talk.root, cwd: talk.root });
    const own = model.provenance.find((p) => p.kind === 'own view' && p.said.startsWith('It seems the greatest benefit'));
    expect(own?.passages).toEqual([]);
  });

  it('"own" set to anything but true is a problem at its line', () => {
    talk.edit('data/takeaways.yaml', (t) => t.replace('    own: true\n', '    own: yes please\n'));
    expect(problems().join('\n')).toMatch(/data\/takeaways\.yaml:\d+:\d+ {2}takeaways\[1\]\.own {2}expected "own: true"/);
  });
});

describe('a talk without sources', () => {
  it('is not held to passages: claims with none still build (check warns that nothing was checked)', () => {
    talk.edit('data/takeaways.yaml', (t) => t.replace(/ {4}passages:\n(?: {6}- [^\n]*\n)+/g, ''));
    rmSync(`${talk.root}/sources`, { recursive: true });
    talk.edit('data/quotes.yaml', (t) => t.replace(/^ {4}from: blog-post\n/gm, '').replace(/^ {2}from: blog-post\n/gm, ''));
    talk.edit('data/studies.yaml', (t) => t.replace(/^ {4}from: blog-post\n/gm, ''));
    const model = loadTalk({ root: talk.root, cwd: talk.root });
    expect(model.warnings.map(formatProblem).join('\n')).toMatch(/sources/);
  });
});

describe('hedge words', () => {
  const words = (list: string[]) => list.map((h) => h.split(' '));
  it('are found as whole words, phrases included, in any language the locale lists', () => {
    expect(hedgeIn('Massage may assist', words(['may']))).toBe('may');
    expect(hedgeIn('Mayo Clinic found', words(['may']))).toBeUndefined();
    expect(hedgeIn('A difference can occur with footwork', words(['can occur']))).toBe('can occur');
    expect(hedgeIn('El masaje parece mejorar el ánimo', words(['parece', 'puede']))).toBe('parece');
    expect(hedgeIn('Le massage semble aider', words(['semble']))).toBe('semble');
  });
});
