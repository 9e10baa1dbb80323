// Which talk a command works on, and how it says so: --talk, then DECK_TALK, then the talk last named with --talk,
// then the project's; the first line names the title and folder; a folder that is not a talk is refused in one
// sentence; every hint is the exact command for the same talk.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { againCommand, NotATalk, openTalk, shellWord, talkOption } from '../../src/cli/chosen-talk.ts';
import { chooseTalk, PROJECT } from '../../src/names/talk-folder.ts';

let dir: string;
let memory: string;
let talk: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chosen-'));
  memory = join(dir, 'remembered');
  talk = join(dir, 'my talk');
  mkdirSync(join(talk, 'data'), { recursive: true });
  writeFileSync(join(talk, 'data/talk.yaml'), 'title: Yoga and balance\n');
  mkdirSync(join(dir, 'not-a-talk'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openTalk', () => {
  it('names the talk by its title and folder, and remembers a folder named with --talk', () => {
    const env = { DECK_TALK_MEMORY: memory };
    const opened = openTalk(talk, env, dir);
    expect(opened.line).toBe('Talk: “Yoga and balance” in my talk (named with --talk)');
    expect(readFileSync(memory, 'utf8').trim()).toBe(talk);
    // The next command typed without --talk works on the same talk, and says why.
    const next = openTalk(undefined, env, dir);
    expect(next.root).toBe(talk);
    expect(next.line).toBe('Talk: “Yoga and balance” in my talk (the talk you last named with --talk or made with npm run new; add -- --talk <folder> for another)');
    // DECK_TALK wins over what is remembered, and --talk over both.
    expect(chooseTalk(undefined, { ...env, DECK_TALK: 'x' }, dir)).toEqual({ root: join(dir, 'x'), how: 'environment' });
    expect(chooseTalk('y', { ...env, DECK_TALK: 'x' }, dir).how).toBe('option');
  });

  it('without a memory, is the project’s own talk', () => {
    expect(chooseTalk(undefined, { DECK_TALK_MEMORY: 'off' }, PROJECT)).toEqual({ root: PROJECT, how: 'project' });
    const opened = openTalk(undefined, { DECK_TALK_MEMORY: 'off' }, PROJECT);
    expect(opened.line).toMatch(/^Talk: “.+” in this folder \(this project's own talk; add -- --talk <folder> for another\)$/);
  });

  it('refuses a folder that is not a talk, or no folder at all, in one sentence that says what to type', () => {
    const env = { DECK_TALK_MEMORY: 'off' };
    expect(() => openTalk('not-a-talk', env, dir)).toThrow(NotATalk);
    expect(() => openTalk('not-a-talk', env, dir)).toThrow(/^not-a-talk is not a talk: it has no data\/talk\.yaml\. .*npm run new -- <folder>$/);
    expect(() => openTalk('nowhere', env, dir)).toThrow(/^There is no folder nowhere\. .*npm run new -- nowhere$/);
    expect(() => talkOption(['--talk'])).toThrow('--talk needs a folder');
    expect(talkOption(['--talk=a b'])).toBe('a b');
  });

  it('gives hints that are the exact command for the same talk, quoted when the folder has a space', () => {
    const env = { DECK_TALK_MEMORY: 'off' };
    expect(openTalk(talk, env, dir).again('check')).toBe(`npm run check -- --talk 'my talk'`);
    expect(openTalk(talk, env, dir).again('pdf', ['--a4'])).toBe(`npm run pdf -- --talk 'my talk' --a4`);
    expect(againCommand({ root: PROJECT, how: 'project' }, 'check', [], PROJECT)).toBe('npm run check');
    // The project's talk named explicitly stays named: a hint never depends on what is remembered.
    expect(againCommand({ root: PROJECT, how: 'option' }, 'build', [], PROJECT)).toBe('npm run build -- --talk .');
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
  });
});
