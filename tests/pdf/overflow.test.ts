// The checks catch what they are for: a talk with one slide too long for its page is printed, `npm run pdf` warns
// about that slide by name, and the cut-off check of the PDF finds the lines that fell off its page.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTalk, type BuiltDeck } from '../../src/deck/build-talk.ts';
import { cutOff, pdfInfo, ROOT, runPdfScript, type Run } from './support.ts';

const TALK = resolve(ROOT, '.tmp', `pdf-overflow-talk-${process.pid}`);
const DIST = resolve(ROOT, '.tmp', `pdf-overflow-${process.pid}`);
const LONG = 'why-this-talk';

let deck: BuiltDeck;
let run: Run;

beforeAll(async () => {
  rmSync(TALK, { recursive: true, force: true });
  rmSync(DIST, { recursive: true, force: true });
  cpSync(resolve(ROOT, 'data'), resolve(TALK, 'data'), { recursive: true });
  cpSync(resolve(ROOT, 'slides'), resolve(TALK, 'slides'), { recursive: true });
  // The texts the talk's quotes and figures are checked against: without them the talk would not build.
  cpSync(resolve(ROOT, 'sources'), resolve(TALK, 'sources'), { recursive: true });
  const file = resolve(TALK, 'slides', `${LONG}.md`);
  const extra = Array.from({ length: 12 }, (_, i) => `- An extra point, number ${i + 1}, that makes this slide far too long.`).join('\n');
  writeFileSync(file, readFileSync(file, 'utf8').replace('\nNotes:', `${extra}\n- The very last line of the slide.\n\nNotes:`));
  deck = await buildTalk(TALK);
  run = runPdfScript(['--dist', DIST], { DECK_TALK: TALK });
  if (run.status !== 0) throw new Error(`npm run pdf failed with ${run.status}:\n${run.stdout}\n${run.stderr}`);
}, 300_000);

afterAll(() => {
  rmSync(TALK, { recursive: true, force: true });
  rmSync(DIST, { recursive: true, force: true });
});

describe('a slide too long for its page', () => {
  it('is named in a warning by npm run pdf', () => {
    expect(run.stderr).toContain(`slide "${LONG}" holds more than fits on it`);
    expect(run.stderr.match(/holds more than fits/g)).toHaveLength(1);
  });

  it('is found by the cut-off check, and no other slide is', () => {
    expect(Number(pdfInfo(resolve(DIST, 'ms-massage-slides.pdf')).Pages)).toBe(deck.slides.length);
    const problems = cutOff(resolve(DIST, 'ms-massage-slides.pdf'), deck.slides);
    expect(problems.map((p) => p.slide)).toEqual([LONG]);
    expect(problems[0]!.lastLine).toBe('The very last line of the slide.');
  });
});
