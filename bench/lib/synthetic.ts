// Synthetic talks N times the size of the real one: the real talk's folder copied, with extra studies and quotes
// made from the real ones (new ids, each copy's words varied a little so compression cannot simply fold copies
// together). Same schema, same order file; built with DECK_TALK=<folder>.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildTalk, type BuiltDeck } from '../../src/deck/build-talk.ts';

interface Named {
  id: string;
  [key: string]: unknown;
}

const WORDS = ['again', 'also', 'here', 'then', 'still', 'too', 'further', 'besides', 'likewise', 'once more'];

/** A copy's sentences get a word or two of their own, and its figures a small shift. */
function vary<T>(value: T, copy: number, key = ''): T {
  if (typeof value === 'string') {
    if (['id', 'design', 'direction', 'source', 'doi', 'pmid', 'sharedBy', 'url'].includes(key)) return value;
    return `${value} (${WORDS[copy % WORDS.length]} ${copy})` as T;
  }
  if (typeof value === 'number') {
    if (key === 'p') return Math.min(0.99, Number((value * (1 + (copy % 7) / 10)).toPrecision(3))) as T;
    if (key === 'year') return value;
    if (key === 'count') return (value + copy) as T;
    return Number((value + (copy % 10) / 100).toFixed(3)) as T;
  }
  if (Array.isArray(value)) return value.map((v) => vary(v, copy, key)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, vary(v, copy, k)])) as T;
  }
  return value;
}

function writeTalk(dir: string, root: string, copies: number, lengthMinutes: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
  cpSync(join(root, 'slides'), join(dir, 'slides'), { recursive: true });
  const edit = (file: string, change: (doc: Record<string, unknown>) => void) => {
    const path = join(dir, 'data', file);
    const doc = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    change(doc);
    writeFileSync(path, stringify(doc, { lineWidth: 0 }));
  };
  const more = (list: Named[]) => [
    ...list,
    ...Array.from({ length: copies }, (_, c) => list.map((item) => ({ ...vary(item, c + 1), id: `${item.id}-copy-${c + 1}` }))).flat(),
  ];
  // The copies' words and figures are varied, so they are no longer in the talk's sources: the synthetic talk has
  // none (no sources/ folder, and no "from:"), and is not checked against them.
  const unsourced = (list: Named[]) => list.map(({ from: _from, ...rest }) => rest as Named);
  edit('studies.yaml', (doc) => (doc.studies = unsourced(more(doc.studies as Named[]))));
  edit('quotes.yaml', (doc) => {
    doc.quotes = unsourced(more(doc.quotes as Named[]));
    if (doc.clinic && typeof doc.clinic === 'object') delete (doc.clinic as Record<string, unknown>).from;
  });
  edit('talk.yaml', (doc) => (doc.lengthMinutes = lengthMinutes));
}

export interface SyntheticTalk {
  factor: number;
  dir: string;
  slides: number;
  studies: number;
  quotes: number;
  deck: BuiltDeck;
}

/**
 * Writes a talk about `factor` times the real one's slide count into `dir`: as many copies of the studies and quotes
 * as it takes (the slides per copy are measured, not assumed).
 */
export async function writeSyntheticTalk(root: string, dir: string, factor: number): Promise<SyntheticTalk> {
  const real = await buildTalk(root);
  const target = real.slides.length * factor;
  const length = Math.min(240, real.model.talk.lengthMinutes * factor);
  writeTalk(dir, root, 1, length);
  const perCopy = (await buildTalk(dir)).slides.length - real.slides.length;
  const copies = Math.max(0, Math.round((target - real.slides.length) / perCopy));
  writeTalk(dir, root, copies, length);
  const deck = await buildTalk(dir);
  return {
    factor,
    dir,
    slides: deck.slides.length,
    studies: deck.model.studies.studies.length,
    quotes: deck.model.quotes.quotes.length,
    deck,
  };
}
