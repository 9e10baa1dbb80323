// scripts/replay.ts as npm run build's last step (--after-build) and as npm run replay with no options: the replay made
// from the files data/talk.yaml names, into the build's folder; a wrong file said at its file and line with a non-zero
// exit and the deck left whole; replay: true without files, one warning. One talk copy, one 8-second recording, one
// build into a folder of the test's own (never dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTalk, type TalkCopy } from '../data/talk-copy.ts';
import { launchChromium } from '../present/support.ts';
import { encode, makeRecording, writeTranscript } from '../replay/support.ts';
import { buildDeckInto, ROOT } from '../support/project.ts';

const SLUG = 'ms-massage';
const OUT = resolve(ROOT, '.tmp', 'replay-after-build');
/** As the messages show it: from the project's folder, where npm runs. */
const OUT_SHOWN = '.tmp/replay-after-build';
const PAGE = resolve(OUT, `${SLUG}-replay.html`);
const AUDIO = resolve(OUT, `${SLUG}-replay.ogg`);

let talk: TalkCopy;
let original: string;
let browser: Browser | undefined;

/** data/talk.yaml with these lines at its end; the line the first of them is on. */
function withReplay(lines: string): number {
  talk.write('data/talk.yaml', `${original.trimEnd()}\n${lines}\n`);
  return original.trimEnd().split('\n').length + 1;
}

const NAMED = 'replay:\n  audio: recording/call.ogg\n  chapters: recording/talk.vtt\n  captions: recording/transcript.vtt';

/** scripts/replay.ts, as npm runs it, on the copy and the test's folder. */
function replay(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/replay.ts'), '--dist', OUT, ...args], {
    cwd: ROOT,
    env: { ...process.env, DECK_TALK: talk.root, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const removeReplay = () => [PAGE, AUDIO].forEach((f) => rmSync(f, { force: true }));

beforeAll(async () => {
  talk = copyTalk();
  original = talk.read('data/talk.yaml');
  const folder = resolve(talk.root, 'recording');
  mkdirSync(folder);
  // Two parts of four seconds, a sentence at the start of each.
  const recording = makeRecording(resolve(talk.root, 'audio-parts'), 2, 4);
  encode(recording.wav, resolve(folder, 'call.ogg'));
  writeTranscript(resolve(folder, 'transcript.vtt'), recording);
  talk.write('recording/talk.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\ntitle\n\n00:00:04.000 --> 00:00:08.000\nquestions\n');
  talk.write('recording/typo.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\ntitel\n');
  withReplay(NAMED);
  rmSync(OUT, { recursive: true, force: true });
  await buildDeckInto(OUT, talk.root);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  talk?.remove();
});

describe('the replay step of npm run build, when data/talk.yaml names the files', () => {
  it('makes the replay page and the copy of the recording beside the deck, and the page plays them', async () => {
    const run = replay(['--after-build']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${SLUG}-replay.html  replay: 2 chapters, 2 captions`);
    expect(readFileSync(AUDIO).equals(readFileSync(resolve(talk.root, 'recording/call.ogg')))).toBe(true);
    const html = readFileSync(PAGE, 'utf8');
    expect(html).toContain('Slide 1: Massage Therapy and Multiple Sclerosis');
    expect(html).toContain('Questions');
    // And the deck links to it, as with replay: true.
    expect(readFileSync(resolve(OUT, 'index.html'), 'utf8')).toContain(`<a href="${SLUG}-replay.html">`);

    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(PAGE).href);
    await page.waitForSelector('body[data-replay-ready]', { timeout: 30_000 });
    await page.waitForFunction(() => (document.getElementById('replay-audio') as HTMLAudioElement).readyState >= 1, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => (document.getElementById('replay-audio') as HTMLAudioElement).duration)).toBeCloseTo(8, 0);
    await page.evaluate(() => ((document.getElementById('replay-audio') as HTMLAudioElement).currentTime = 5));
    await expect.poll(() => page.evaluate(() => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().id)).toBe('questions');
    expect(errors).toEqual([]);
  }, 90_000);

  it('says a file that is not there at its line in talk.yaml, exits non-zero, and leaves the deck whole', () => {
    removeReplay();
    const line = withReplay(NAMED.replace('recording/call.ogg', 'recording/cal.ogg'));
    const run = replay(['--after-build']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`data/talk\\.yaml:${line + 1}:10  replay\\.audio  the call's recording is not there: there is no file recording/cal\\.ogg in the talk's folder \\(the one holding data/\\)\\. Did you mean "recording/call\\.ogg"\\?\\n`),
    );
    expect(run.stderr).toContain(`The replay was not made. ${OUT_SHOWN}/ is otherwise complete; only the replay of the call (the page and its copy of the recording) is missing.`);
    expect(run.stderr).toContain(`run "npm run replay -- --talk ${talk.root} --dist ${OUT_SHOWN}" to make it (no need to build again)`);
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(OUT)).toContain('index.html');
    expect(existsSync(PAGE) || existsSync(AUDIO)).toBe(false);
  });

  it('says a chapter naming no slide at its line in the chapters file', () => {
    withReplay(NAMED.replace('recording/talk.vtt', 'recording/typo.vtt'));
    const run = replay(['--after-build']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${resolve(talk.root, 'recording/typo.vtt')}:3  "titel" is not a slide of this deck: did you mean "title"?\n`);
    expect(run.stderr).toContain('is otherwise complete');
    expect(existsSync(PAGE)).toBe(false);
  });

  it('npm run replay with no options uses the files the talk names; an option given wins', () => {
    const run = replay(['--chapters', resolve(talk.root, 'recording/talk.vtt'), '--offset', '0.5']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The talk's recording and transcript, the option's chapters (with the option's offset).
    expect(run.stdout).toContain(`${SLUG}-replay.html  replay: 2 chapters, 2 captions`);
    expect(readFileSync(PAGE, 'utf8')).toContain('"chapters":[{"slide":"title","start":0.5,"end":4.5}');
    const again = replay([]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('"titel" is not a slide of this deck');
    expect(again.stderr).toContain('Nothing was written.');
  });
});

describe('the replay step of npm run build, when data/talk.yaml names no files', () => {
  it('with replay: true, warns once that the deck links to a replay this build does not make, and how to make it', () => {
    removeReplay();
    const line = withReplay('replay: true');
    const run = replay(['--after-build']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.match(/Warning/g)).toHaveLength(1);
    expect(run.stderr).toContain(`Warning: the deck links to ${SLUG}-replay.html (`);
    expect(run.stderr).toContain(`data/talk.yaml:${line} says "replay: true"), but this build does not make it`);
    expect(run.stderr).toContain(`npm run replay -- --talk ${talk.root} --dist ${OUT_SHOWN} --audio call.m4a --chapters talk.vtt`);
    expect(run.stderr).toMatch(/replay:\n\s+audio: recording\/call\.m4a\n\s+chapters: recording\/talk\.vtt/);
  });

  it('with replay: true and the replay already there, and with no replay, says nothing', () => {
    withReplay('replay: true');
    const made = replay(['--audio', resolve(talk.root, 'recording/call.ogg'), '--chapters', resolve(talk.root, 'recording/talk.vtt')]);
    expect(made.status).toBe(0);
    // The command says how to keep it through the next build.
    expect(made.stdout).toContain('npm run build empties dist/ and does not make this replay again, unless data/talk.yaml names its files');
    const there = replay(['--after-build']);
    expect([there.status, there.stdout, there.stderr]).toEqual([0, '', '']);
    removeReplay();
    withReplay('');
    const none = replay(['--after-build']);
    expect([none.status, none.stdout, none.stderr]).toEqual([0, '', '']);
    // Three runs of the replay command: over a minute on two busy cores.
  }, 300_000);
});
