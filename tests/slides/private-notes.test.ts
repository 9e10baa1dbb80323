// Private notes: a slide file's "Private:" part and a `privateNotes` field are for the speaker alone. They are in the
// speaker's own view (the dev server's deck), and nowhere in what a build publishes: not the deck, the single file,
// the text version, the handout page or any other file in dist/. `publishNotes: false` keeps every note out.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { copyTalk, type TalkCopy } from '../data/talk-copy.ts';
import { buildDeckInto } from '../support/project.ts';

const SECRET = 'Ann asked me not to say her diagnosis';
const STUDY_SECRET = 'skip the second figure if short of time';
const QUOTE_SECRET = 'Bert is listening on the call';

let talk: TalkCopy | undefined;
const outs: string[] = [];
afterEach(() => {
  talk?.remove();
  for (const o of outs.splice(0)) rmSync(o, { recursive: true, force: true });
});

function withPrivateNotes(): TalkCopy {
  const t = copyTalk();
  t.edit('slides/why-this-talk.md', (s) => `${s.trimEnd()}\n\nPrivate:\nRemember to mention Ann by name: ${SECRET}.\n`);
  t.edit('data/studies.yaml', (s) => s.replace(/^(    notes: )/m, `    privateNotes: Please ${STUDY_SECRET}.\n$1`));
  t.edit('data/quotes.yaml', (s) => s.replace(/^(    notes: )/m, `    privateNotes: ${QUOTE_SECRET}.\n$1`));
  return t;
}

/** Builds the talk with Vite into a folder of its own and returns every file's bytes as text. */
async function builtFiles(root: string): Promise<Map<string, string>> {
  const out = mkdtempSync(join(tmpdir(), 'private-notes-'));
  outs.push(out);
  await buildDeckInto(out, root);
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(p.slice(out.length + 1), readFileSync(p, 'latin1') + readFileSync(p, 'utf8'));
    }
  };
  walk(out);
  return files;
}

const holding = (files: Map<string, string>, text: string) => [...files].filter(([, body]) => body.includes(text)).map(([name]) => name);

describe('private notes', () => {
  it('are in the speaker\'s own view, after the notes and marked as private', async () => {
    talk = withPrivateNotes();
    const { slides } = await buildTalk(talk.root, 'speaker');
    const notes = (id: string) => unwrap(slides.find((s) => s.id === id)!.notes);
    expect(notes('why-this-talk')).toContain(SECRET);
    expect(notes('why-this-talk')).toContain('Private: for you alone, never published');
    expect(notes('why-this-talk')).toContain('Fiza and Toni asked me to speak');
    expect(notes('study-negahban-2013')).toContain(STUDY_SECRET);
    expect(notes('quote-bert-davich')).toContain(QUOTE_SECRET);
  });

  it('are in no file a build writes, while the public notes are', async () => {
    talk = withPrivateNotes();
    const files = await builtFiles(talk.root);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['index.html', 'ms-massage.html', 'ms-massage-text.html', 'ms-massage-handout.html']));
    for (const secret of [SECRET, STUDY_SECRET, QUOTE_SECRET, 'never published']) expect(holding(files, secret), secret).toEqual([]);
    // The deck's notes travel in a script chunk of their own, not in index.html (issue 16).
    expect(holding(files, 'Fiza and Toni asked me to speak')).toEqual(expect.arrayContaining(['ms-massage.html', 'ms-massage-text.html']));
    expect(holding(files, 'Fiza and Toni asked me to speak').filter((f) => /^assets\/.*notes.*\.js$/.test(f))).toHaveLength(1);
  }, 120_000);

  it('publishNotes: false keeps every note out of what is built, and the speaker still has them', async () => {
    talk = copyTalk();
    talk.edit('data/talk.yaml', (s) => `${s.trimEnd()}\npublishNotes: false\n`);
    const files = await builtFiles(talk.root);
    expect(holding(files, 'Fiza and Toni asked me to speak')).toEqual([]);
    expect(holding(files, 'The whole quote, from')).toEqual([]);
    const { slides } = await buildTalk(talk.root, 'speaker');
    expect(unwrap(slides.find((s) => s.id === 'why-this-talk')!.notes)).toContain('Fiza and Toni asked me to speak');
  }, 120_000);

  it('a "Private:" line with nothing after it is no private note', async () => {
    talk = copyTalk();
    talk.edit('slides/why-this-talk.md', (s) => `${s.trimEnd()}\n\nPrivate:\n`);
    const { slides } = await buildTalk(talk.root, 'speaker');
    expect(unwrap(slides.find((s) => s.id === 'why-this-talk')!.notes)).not.toContain('never published');
  });
});
