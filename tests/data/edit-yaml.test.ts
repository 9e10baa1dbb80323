// Edits of a talk's YAML that touch only the lines they change: comments, order, blank lines, quoting and long lines
// elsewhere stay byte for byte.
import { describe, expect, it } from 'vitest';
import { YamlEdit, YamlEditError } from '../../src/data/edit-yaml.ts';

const FILE = `# Studies. Keep this comment.
studies:
  - id: one
    title: "A title: with a colon"   # a trailing comment
    note: >-
      A long folded string that a printer would wrap differently, and that must stay exactly as it was written here.
    citation:
      authors: Smith J
      journal: 'Single quoted'

  - id: two
    title: Plain
`;

describe('YamlEdit', () => {
  it('replaces one value in its own quoting, and nothing else', () => {
    const edit = new YamlEdit(FILE);
    edit.set(['studies', 0, 'title'], 'Another: title');
    edit.set(['studies', 0, 'citation', 'journal'], "Journal's name");
    const before = FILE.split('\n');
    const after = edit.text.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.flatMap((l, i) => (l === before[i] ? [] : [[before[i], l]]));
    expect(changed).toEqual([
      ['    title: "A title: with a colon"   # a trailing comment', '    title: "Another: title"   # a trailing comment'],
      ["      journal: 'Single quoted'", "      journal: 'Journal''s name'"],
    ]);
  });

  it('adds a missing field under its neighbours, and a missing group with it', () => {
    const edit = new YamlEdit(FILE);
    edit.set(['studies', 0, 'citation', 'pmid'], '12345678');
    edit.set(['studies', 1, 'citation', 'year'], 2020);
    expect(edit.text).toContain("      journal: 'Single quoted'\n      pmid: \"12345678\"\n\n  - id: two");
    expect(edit.text.endsWith('    title: Plain\n    citation:\n      year: 2020\n')).toBe(true);
    expect(edit.text.startsWith(FILE.slice(0, FILE.indexOf('      journal')))).toBe(true);
  });

  it('appends an entry to a list in its indentation, a blank line apart as the others are', () => {
    const edit = new YamlEdit(FILE);
    edit.append(['studies'], { id: 'three', title: 'Long '.repeat(40).trim(), citation: { authors: 'Roe J' } });
    expect(edit.text.startsWith(FILE)).toBe(true);
    expect(edit.text.slice(FILE.length)).toBe(`\n  - id: three\n    title: ${'Long '.repeat(40).trim()}\n    citation:\n      authors: Roe J\n`);
  });

  it('refuses what it cannot do cleanly, leaving the text as it was', () => {
    const edit = new YamlEdit('studies: [ { id: one } ]\n');
    expect(() => edit.set(['studies', 0, 'title'], 'x')).toThrow(YamlEditError);
    expect(edit.text).toBe('studies: [ { id: one } ]\n');
    // A list written on one line stays on one line.
    edit.append(['studies'], { id: 'two' });
    expect(edit.text).toBe('studies: [{id: one}, {id: two}]\n');
    expect(() => new YamlEdit('a: [\n')).toThrow(/not valid YAML/);
    expect(() => new YamlEdit(FILE).set(['studies', 0, 'citation'], 'x')).toThrow(/holds a list or a group of fields/);
  });
});
