// A second, small talk on another subject builds with the same code: the generator is not wired to one talk.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { ROOT, problemsOf } from '../data/talk-copy.ts';
import { buildDeckInto } from '../support/project.ts';

const EXAMPLE = resolve(ROOT, 'examples/library-hours');
const out = mkdtempSync(join(tmpdir(), 'example-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the example talk (examples/library-hours)', () => {
  it('validates', () => {
    expect(problemsOf(EXAMPLE)).toEqual([]);
  });

  it('makes its own slides, with none of the MS talk in them', async () => {
    const deck = await buildTalk(EXAMPLE);
    const ids = deck.slides.map((s) => s.id);
    expect(ids[0]).toBe('title');
    expect(ids).toContain('study-trial-march');
    expect(ids).toContain('the-question');
    expect(ids).not.toContain('clinic-sutherland-chan-clinic');
    const text = deck.slides.map((s) => unwrap(s.body)).join(' ');
    expect(text).toContain('Longer Library Hours');
    expect(text).toContain('mean change 38 visits a week');
    expect(text).not.toMatch(/sclerosis|massage/i);
    expect(deck.slides.reduce((n, s) => n + s.seconds, 0)).toBe(12 * 60);
  });

  it('builds with vite when DECK_TALK names it', async () => {
    await buildDeckInto(out, 'examples/library-hours');
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('<title>Longer Library Hours</title>');
    expect(page).toContain('id="study-survey-april"');
    expect(existsSync(join(out, 'library-hours-text.html'))).toBe(true);
    expect(existsSync(join(out, 'library-hours.html'))).toBe(true);
  }, 120_000);
});
