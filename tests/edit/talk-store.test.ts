// Saving through the editor: only what passes the schema, only the talk's own files, only over the version the page
// had (two tabs on one file: the second is told), line edits that keep the rest of the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyTalk, type TalkCopy } from '../data/talk-copy.ts';
import { TalkStore } from '../../src/edit/talk-store.ts';

let talk: TalkCopy;
let store: TalkStore;
beforeEach(() => {
  talk = copyTalk();
  store = new TalkStore(talk.root);
});
afterEach(() => talk.remove());

describe('TalkStore', () => {
  it('saves a change as the one line it changes', () => {
    const { data, version } = store.part('talk');
    const before = talk.read('data/talk.yaml');
    const result = store.savePart('talk', { ...(data as object), lengthMinutes: 35 }, version);
    expect(result.ok).toBe(true);
    const after = talk.read('data/talk.yaml');
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toEqual(['lengthMinutes: 35']);
  });

  it('writes nothing that fails the schema, and says so at the field in the check\'s words', () => {
    const { data, version } = store.part('studies');
    const copy = structuredClone(data) as { studies: { results: { p?: unknown }[] }[] };
    copy.studies[0]!.results[0]!.p = 'p<.01';
    const before = talk.snapshot();
    const result = store.savePart('studies', copy, version);
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    const problems = (result as { problems: { field: string; message: string }[] }).problems;
    expect(problems[0]).toMatchObject({ field: 'studies[0].results[0].p' });
    expect(problems[0]!.message).toContain('expected a number such as 0.001');
    expect(talk.snapshot()).toEqual(before);
  });

  it('two tabs on one file: the second save, made from the old version, is a clash that writes nothing', () => {
    const first = store.part('talk');
    expect(store.savePart('talk', { ...(first.data as object), lengthMinutes: 31 }, first.version).ok).toBe(true);
    const second = store.savePart('talk', { ...(first.data as object), lengthMinutes: 32 }, first.version);
    expect(second).toMatchObject({ ok: false, kind: 'clash' });
    expect((parse(talk.read('data/talk.yaml')) as { lengthMinutes: number }).lengthMinutes).toBe(31);
  });

  it('a source: control characters, an empty text, a name that is not a name, an existing file: each refused', () => {
    expect(store.saveSource('new-one', 'Fine text.\nSecond line.', undefined).ok).toBe(true);
    expect(readFileSync(join(talk.root, 'sources/new-one.txt'), 'utf8')).toBe('Fine text.\nSecond line.');
    expect(store.saveSource('bell', 'Ring \u0007 here', undefined)).toMatchObject({ ok: false, kind: 'invalid' });
    expect(store.saveSource('empty', '  \n', undefined)).toMatchObject({ ok: false, kind: 'invalid' });
    expect(store.saveSource('../../src/x', 'text', undefined)).toMatchObject({ ok: false, kind: 'refused' });
    expect(store.saveSource('Bad Name', 'text', undefined)).toMatchObject({ ok: false, kind: 'refused' });
    expect(store.saveSource('new-one', 'Other text', undefined)).toMatchObject({ ok: false, kind: 'clash' });
  });

  it('a hand-written slide is saved only when it reads as a slide', () => {
    const slide = store.slides()[0]!;
    expect(store.saveSlide(slide.id, 'no front matter', slide.version)).toMatchObject({ ok: false, kind: 'invalid' });
    expect(store.saveSlide(slide.id, slide.text.replace(/^# .*$/m, '# A new heading'), slide.version).ok).toBe(true);
    expect(talk.read(`slides/${slide.id}.md`)).toContain('# A new heading');
  });
});
