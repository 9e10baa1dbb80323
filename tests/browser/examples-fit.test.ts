// The example talks (Spanish, the same talk in French, and the English library talk) shown in the deck at
// 1280×720, 1024×576 and 1920×1080: nothing outside a slide, no text over text, no text under 24 px at 1280×720.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { TalkInDeck } from './talk-in-deck.ts';

import { ROOT } from '../support/project.ts';
let deck: TalkInDeck;
const work = mkdtempSync(join(tmpdir(), 'examples-fit-'));
beforeAll(async () => {
  deck = await TalkInDeck.open();
});
afterAll(async () => {
  await deck?.close();
  rmSync(work, { recursive: true, force: true });
});

function inLanguage(example: string, lang: string): string {
  const dir = join(work, `${example}-${lang}`);
  cpSync(resolve(ROOT, 'examples', example), dir, { recursive: true });
  const file = join(dir, 'data', 'talk.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.set('lang', lang);
  writeFileSync(file, doc.toString());
  return dir;
}

describe('the example talks fit every slide at every size', () => {
  it('the Spanish example (a cohort study, a qualitative study, a study with seven results)', async () => {
    expect(await deck.problemsOf(resolve(ROOT, 'examples/ejercicio-em'))).toEqual([]);
  }, 180_000);

  it('the same talk in French', async () => {
    expect(await deck.problemsOf(inLanguage('ejercicio-em', 'fr'))).toEqual([]);
  }, 180_000);

  it('the English library example', async () => {
    expect(await deck.problemsOf(resolve(ROOT, 'examples/library-hours'))).toEqual([]);
  }, 180_000);
});
