// The YAML mistakes volunteers make, in every file of a talk: an indentation one step off in a list or a group, a
// tab, a missing space after a colon, an unclosed quote, a stray "-". Each gets one sentence without parser jargon
// at the line where the mistake is (not the line after), and nothing is built.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTalk, type TalkCopy } from './talk-copy.ts';
import { DataError, formatProblem } from '../../src/data/data-error.ts';
import { loadTalk } from '../../src/data/load-data.ts';

const FILES = ['data/talk.yaml', 'data/people.yaml', 'data/studies.yaml', 'data/quotes.yaml', 'data/takeaways.yaml', 'data/resources.yaml', 'slides/order.yaml'];
const JARGON = /Sequence item|indicator|implicit key|Nested mappings|block scalar|flow|Unexpected|scalar|mapping/i;

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

/** Applies `change` to the first line `pick` chooses (by its index among the file's lines); returns its number. */
function breakLine(file: string, pick: (line: string, i: number, all: string[]) => boolean, change: (line: string) => string | string[]): number {
  const lines = talk.read(file).split('\n');
  const i = lines.findIndex(pick);
  if (i < 0) throw new Error(`no line to break in ${file}`);
  lines.splice(i, 1, ...[change(lines[i]!)].flat());
  talk.write(file, lines.join('\n'));
  return i + 1;
}

const content = (l: string | undefined) => l !== undefined && l.trim() !== '' && !l.trim().startsWith('#');
/** The next line with something on it. */
const nextContent = (all: string[], i: number) => all.slice(i + 1).find(content);
const indentOf = (l: string) => /^ */.exec(l)![0].length;
/** A "field: value" line whose next line is a field of the same group. */
const fieldWithSibling = (l: string, i: number, all: string[]) => {
  const next = nextContent(all, i);
  return /^ *[A-Za-z]\w*: \S/.test(l) && !/^ *- /.test(l) && next !== undefined && /^ *[A-Za-z]\w*:/.test(next) && indentOf(next) === indentOf(l);
};
const listItem = (l: string, i: number, all: string[]) => {
  const next = all.slice(i + 1).find((x) => content(x) && indentOf(x) <= indentOf(l));
  return /^ *- /.test(l) && next !== undefined && indentOf(next) === indentOf(l) && /^ *- /.test(next);
};

describe.each(FILES)('%s', (file) => {
  const candidate = (l: string, i: number, all: string[]) => i > 0 && fieldWithSibling(all[i - 1]!, i - 1, all) && /^ *[A-Za-z]\w*: \S/.test(l) && !/^ *- /.test(l) && content(all[i - 1]);
  const hasFields = (pick: (l: string, i: number, all: string[]) => boolean) => talk.read(file).split('\n').some(pick);

  it('a field indented one step too far: said at that line', () => {
    // The running order is one list: it has no two fields in a row.
    if (!hasFields(candidate)) return expect(file).toBe('slides/order.yaml');
    const line = breakLine(file, candidate, (l) => `  ${l}`);
    const found = problems();
    expect(found[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}:${line}:\\d+ {2}`));
    expect(found[0]).toMatch(/indented more than|starts in column|indented into/);
    expect(found.join('\n')).not.toMatch(JARGON);
  });

  it('a list item indented one step too far: said at that line', () => {
    const lines = talk.read(file).split('\n');
    if (!lines.some((l, i) => listItem(l, i, lines))) return expect(lines.some((l) => /^ *- /.test(l))).toBe(false);
    const second = lines.findIndex((l, i) => i > lines.findIndex((x, j) => listItem(x, j, lines)) && /^ *- /.test(l) && indentOf(l) === indentOf(lines[lines.findIndex((x, j) => listItem(x, j, lines))]!));
    lines[second] = `  ${lines[second]}`;
    talk.write(file, lines.join('\n'));
    const found = problems();
    expect(found[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}:${second + 1}:\\d+ {2}`));
    expect(found[0]).toMatch(/list item/);
    expect(found.join('\n')).not.toMatch(JARGON);
  });

  it('a tab in the indentation', () => {
    const line = breakLine(file, (l) => /^ {2}\S/.test(l) && !l.trim().startsWith('#'), (l) => `\t${l.trimStart()}`);
    expect(problems()[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}:${line}:\\d+ {2}.*indented with a tab: indent with spaces only`));
  });

  it('no space after a colon', () => {
    const pick = (l: string) => /^ *(- )?[A-Za-z]\w*: [^\s"'>|[{]/.test(l);
    if (!hasFields(pick)) return expect(file).toBe('slides/order.yaml');
    const line = breakLine(file, pick, (l) => l.replace(/: /, ':'));
    const found = problems();
    expect(found[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}:${line}:\\d+ {2}a field's colon needs a space after it: write "`));
  });

  it('an unclosed quotation mark: said where it opens', () => {
    const line = breakLine(file, (l) => /^ *(- )?[A-Za-z]\w*: [^\s"'>|[{#]/.test(l) || /^ *- [^\s"'>|[{#]/.test(l), (l) => l.replace(/(: |- )/, '$1"'));
    const found = problems();
    expect(found[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}:${line}:\\d+ {2}.*a quotation mark \\("\\) opens a value here but is never closed`));
  });

  it('a stray "-" on a line of its own', () => {
    const lines = talk.read(file).split('\n');
    const item = lines.findIndex((l) => /^ *- /.test(l));
    if (item < 0) return expect(lines.some((l) => /^ *- /.test(l))).toBe(false);
    lines.splice(item, 0, `${' '.repeat(indentOf(lines[item]!))}-`);
    talk.write(file, lines.join('\n'));
    expect(problems()[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}:${item + 1}:\\d+ {2}a "-" alone on this line starts an empty list item: remove it`));
  });
});

describe('found by the fuzz suite', () => {
  it('a file starting with "{{" (a flow map with an empty key) is a problem at its line, not a TypeError', () => {
    talk.edit('data/talk.yaml', (t) => `{{${t}`);
    const found = problems();
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^data\/talk\.yaml:\d+:\d+ {2}/);
  });

  it('a list item\'s text split onto a line of its own, with its field under it: the message names the line above, not "undefined"', () => {
    // "- text: Research…" becomes "- text:" then a blank line and the words alone, so "basis" sits under a bare line.
    talk.edit('data/takeaways.yaml', (t) => t.replace('  - text: Research on massage', '  - text:\n\nResearch on massage'));
    const found = problems();
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).not.toMatch(/undefined/);
    expect(found.join('\n')).toMatch(/^data\/takeaways\.yaml:\d+:\d+ {2}/);
  });

  it('a stray character before a list item, with the item\'s fields under it: no "undefined" in the message', () => {
    talk.edit('data/resources.yaml', (t) => t.replace('\n  - name:', '\n$  - name:'));
    const found = problems();
    expect(found.join('\n')).toMatch(/data\/resources\.yaml:\d+:\d+ {2}the field "about" is indented more than line \d+ above it/);
    expect(found.join('\n')).not.toMatch(/undefined/);
  });
});
