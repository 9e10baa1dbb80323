// The replay, end to end in Debian's Chromium: a timeline recorded by `npm run present -- --record` while a presenter's
// page moves through the real deck, a 2-minute recording made here (espeak-ng, sox, ffmpeg) with its transcript, then
// `npm run replay`, and the page it builds: seek to each chapter and the slide follows; → moves the recording to the
// next chapter; captions at a given time; the list of slides and the transcript seek; no request leaves the page's
// folder; axe finds nothing; every control is at least 24 px. Then the same in m4a, under a sub-path over http, and
// the timeline editor.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, launchChromium, presentProcess, sleep, waitUntil } from '../present/support.ts';
import { encode, makeRecording, writeTranscript, type Recording } from './support.ts';
import { copyTalk, type TalkCopy } from '../data/talk-copy.ts';

import { ROOT } from '../support/project.ts';
const WORK = resolve(ROOT, '.tmp', 'replay-work');
const SLUG = 'ms-massage';
/** Slides the presenter shows while the timeline is recorded. */
const SHOWN = 9;

let dist: string;
let talk: TalkCopy;
let browser: Browser;
let recording: Recording;
let ogg: string;
let m4a: string;
let transcript: string;
const chaptersFile = resolve(WORK, 'talk.vtt');
const contexts: BrowserContext[] = [];

interface Cue {
  start: number;
  end: number;
  slide: string;
}

function cuesOf(text: string): Cue[] {
  const time = (t: string) => {
    const [h, m, s] = t.split(':');
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  };
  return [...text.matchAll(/^(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)\n(\S+)$/gm)].map((m) => ({ start: time(m[1]!), end: time(m[2]!), slide: m[3]! }));
}

function replay(args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/replay.ts'), '--dist', dist, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  // The talk says a replay exists, so the build links it from the last slide and the text version.
  talk = copyTalk();
  talk.edit('data/talk.yaml', (s) => `${s.trimEnd()}\nreplay: true\n`);
  process.env.DECK_TALK = talk.root;
  dist = await buildDeck('replay-test');
  browser = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
  // Two minutes: twelve parts of ten seconds, a sentence at the start of each.
  recording = makeRecording(resolve(WORK, 'audio'), 12, 10);
  ogg = encode(recording.wav, resolve(WORK, 'call.ogg'));
  m4a = encode(recording.wav, resolve(WORK, 'call.m4a'));
  transcript = writeTranscript(resolve(WORK, 'transcript.vtt'), recording);
}, 240_000);

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  delete process.env.DECK_TALK;
  talk?.remove();
});

async function openPage(url: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', acceptDownloads: true });
  contexts.push(context);
  const errors: string[] = [];
  const requests: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().message));
  context.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) errors.push(m.text());
  });
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-replay-ready]', { timeout: 30_000 });
  await page.waitForFunction(() => (document.getElementById('replay-audio') as HTMLAudioElement).readyState >= 1, undefined, { timeout: 30_000 });
  return { page, errors, requests };
}

const state = (page: Page) =>
  page.evaluate(() => {
    const audio = document.getElementById('replay-audio') as HTMLAudioElement;
    const deck = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal;
    return { time: audio.currentTime, duration: audio.duration, slide: deck.getCurrentSlide().id, caption: document.getElementById('replay-caption')?.textContent ?? '' };
  });

async function seek(page: Page, t: number) {
  await page.evaluate((to) => {
    (document.getElementById('replay-audio') as HTMLAudioElement).currentTime = to;
  }, t);
}

describe('recording the timeline during npm run present', () => {
  it('writes a cue for each slide the presenter shows, as the slides change, from when recording starts', async () => {
    const present = await presentProcess(['--dist', dist, '--port', '0', '--record', chaptersFile]);
    try {
      expect(present.output()).toContain(chaptersFile);
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(present.presenterUrl);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout: 60_000 });
      const button = page.locator('.follow-record');
      await button.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await button.textContent()).toBe('Start recording the timeline');
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(24);
      // Before the button, moving writes nothing.
      expect(readFileSync(chaptersFile, 'utf8')).toBe('');
      await button.click();
      await waitUntil(() => readFileSync(chaptersFile, 'utf8').includes('NOTE now showing from 00:00:00.000: title'), 5000, 'the first slide noted');
      await expect.poll(() => page.locator('.follow-status').textContent()).toContain('Recording the timeline');
      expect(await button.isHidden()).toBe(true);
      for (let i = 1; i < SHOWN; i++) {
        await sleep(600);
        await page.keyboard.press('ArrowRight');
        // Written as it goes: the cue of the slide just left is in the file at once.
        await waitUntil(() => cuesOf(readFileSync(chaptersFile, 'utf8')).length === i, 5000, `cue ${i}`);
      }
      await sleep(600);
    } finally {
      // Killed, as in a crash: the slide on screen is in the file as a note, which npm run replay reads.
      await present.kill();
    }
    const text = readFileSync(chaptersFile, 'utf8');
    expect(text.startsWith('WEBVTT')).toBe(true);
    const cues = cuesOf(text);
    expect(cues).toHaveLength(SHOWN - 1);
    const ids = [...readFileSync(resolve(dist, 'index.html'), 'utf8').matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]!);
    expect(cues.map((c) => c.slide)).toEqual(ids.slice(0, SHOWN - 1));
    expect(cues[0]!.start).toBe(0);
    for (const [i, cue] of cues.entries()) {
      expect(cue.end - cue.start).toBeGreaterThan(0.4);
      if (i) expect(cue.start).toBe(cues[i - 1]!.end);
    }
    expect(text).toMatch(new RegExp(`NOTE now showing from [\\d:.]+: ${ids[SHOWN - 1]}\\n\\n$`));
  }, 120_000);
});

describe('the replay page', () => {
  let chapters: Cue[];
  let page: Page;
  let errors: string[];
  let requests: string[];

  beforeAll(async () => {
    const out = replay(['--audio', ogg, '--chapters', chaptersFile, '--captions', transcript]);
    expect(out).toContain(`${SLUG}-replay.html`);
    expect(existsSync(resolve(dist, `${SLUG}-replay.ogg`))).toBe(true);
    chapters = cuesOf(readFileSync(chaptersFile, 'utf8'));
    ({ page, errors, requests } = await openPage(pathToFileURL(resolve(dist, `${SLUG}-replay.html`)).href));
  }, 120_000);

  it('plays the two-minute recording beside it, from file://, asking for nothing else', async () => {
    const s = await state(page);
    expect(s.duration).toBeCloseTo(recording.seconds, 0);
    const folder = pathToFileURL(`${dist}/`).href;
    expect(requests.filter((u) => !u.startsWith('data:')).map((u) => u.replace(folder, ''))).toEqual([`${SLUG}-replay.html`, `${SLUG}-replay.ogg`]);
    expect(errors).toEqual([]);
  });

  it('shows the slide of each chapter when the recording is at its time', async () => {
    const ids = [...readFileSync(resolve(dist, 'index.html'), 'utf8').matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]!);
    // The last slide shown (noted, not yet a cue when the program was killed) runs to the end of the recording.
    const all = [...chapters, { start: chapters.at(-1)!.end, end: recording.seconds, slide: ids[SHOWN - 1]! }];
    for (const c of [...all].reverse()) {
      await seek(page, c.start + 0.05);
      await expect.poll(async () => (await state(page)).slide, { timeout: 3000 }).toBe(c.slide);
    }
    await seek(page, 100);
    await expect.poll(async () => (await state(page)).slide).toBe(ids[SHOWN - 1]);
  });

  it('moves the recording to the next chapter on →, and back on ←', async () => {
    for (const k of [0, 2, 4]) {
      await seek(page, chapters[k]!.start + 0.1);
      await expect.poll(async () => (await state(page)).slide).toBe(chapters[k]!.slide);
      await page.locator('.reveal').focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await state(page)).slide).toBe(chapters[k + 1]!.slide);
      expect((await state(page)).time).toBeCloseTo(chapters[k + 1]!.start, 1);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(async () => (await state(page)).slide).toBe(chapters[k]!.slide);
      expect((await state(page)).time).toBeCloseTo(chapters[k]!.start, 1);
    }
  });

  it('shows the caption of the moment under the slide, and hides captions on request', async () => {
    const part = recording.segments[7]!;
    await seek(page, part.start + 1);
    await expect.poll(async () => (await state(page)).caption).toBe(`Speaker: ${part.text}`);
    await seek(page, part.start + 5);
    await expect.poll(async () => (await state(page)).caption).toBe('');
    await seek(page, part.start + 1);
    const toggle = page.locator('#replay-captions-toggle');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('#replay-caption').isHidden()).toBe(true);
    await page.locator('.reveal').focus();
    await page.keyboard.press('c');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await state(page)).caption).toBe(`Speaker: ${part.text}`);
    // Large, white on black.
    const look = await page.locator('#replay-caption').evaluate((e) => ({ size: parseFloat(getComputedStyle(e).fontSize), color: getComputedStyle(e).color, bg: getComputedStyle(e).backgroundColor }));
    expect(look.size).toBeGreaterThanOrEqual(24);
    expect(look).toMatchObject({ color: 'rgb(255, 255, 255)', bg: 'rgb(0, 0, 0)' });
  });

  it('seeks from the list of slides and from each line of the transcript, which can be searched', async () => {
    const links = page.locator('#replay-chapters a');
    expect(await links.count()).toBe(SHOWN);
    await links.nth(3).click();
    await expect.poll(async () => (await state(page)).slide).toBe(chapters[3]!.slide);
    expect((await state(page)).time).toBeCloseTo(chapters[3]!.start, 1);
    expect(await links.nth(3).getAttribute('aria-current')).toBe('true');
    expect(await links.nth(3).textContent()).toMatch(/^00:0\d Slide 4: /);

    await page.locator('#replay-search').fill('slide 5.');
    await expect.poll(() => page.locator('#replay-transcript li:visible').count()).toBe(1);
    expect(await page.locator('#replay-search-status').textContent()).toBe('1 line of the transcript has these words.');
    await page.locator('#replay-transcript li:visible a').click();
    await expect.poll(async () => (await state(page)).time).toBeCloseTo(recording.segments[4]!.start + 0.2, 1);
    await page.locator('#replay-search').fill('');
    await expect.poll(() => page.locator('#replay-transcript li:visible').count()).toBe(recording.segments.length);
  });

  it('plays at another speed, and the slides follow while it plays', async () => {
    // From just before a chapter ends, so playing (at twice the speed) crosses into the next one in a moment of
    // sound, however slowly a busy machine plays it.
    await seek(page, Math.max(chapters[2]!.start, chapters[3]!.start - 0.6));
    await expect.poll(async () => (await state(page)).slide).toBe(chapters[2]!.slide);
    await page.locator('#replay-speed').selectOption('2');
    await page.locator('#replay-play').click();
    await expect.poll(() => page.evaluate(() => (document.getElementById('replay-audio') as HTMLAudioElement).playbackRate)).toBe(2);
    await expect.poll(async () => (await state(page)).slide, { timeout: 30_000 }).toBe(chapters[3]!.slide);
    await expect.poll(() => page.locator('#replay-play').textContent()).toBe('Pause the recording');
    await page.locator('#replay-play').click();
    expect(await page.evaluate(() => (document.getElementById('replay-audio') as HTMLAudioElement).paused)).toBe(true);
    // Space on the button plays and pauses; it does not also move the slides (as Space does on the slides). From the
    // middle of a chapter, so the moment it plays cannot cross into the next one on a busy machine.
    await seek(page, (chapters[3]!.start + chapters[3]!.end) / 2);
    await expect.poll(async () => (await state(page)).slide).toBe(chapters[3]!.slide);
    const before = await state(page);
    await page.locator('#replay-play').focus();
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.getElementById('replay-audio') as HTMLAudioElement).paused)).toBe(false);
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.getElementById('replay-audio') as HTMLAudioElement).paused)).toBe(true);
    expect((await state(page)).slide).toBe(before.slide);
    // The speed menu takes the arrow keys.
    await page.locator('#replay-speed').focus();
    await page.keyboard.press('ArrowUp');
    expect((await state(page)).slide).toBe(before.slide);
    await page.locator('#replay-speed').selectOption('1');
  });

  it('has no accessibility violations, and every control is at least 24 px and reachable by keyboard', async () => {
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.replay-player button, .replay-player select, .replay-player input, .replay-below a, .replay-below input, .reveal .controls button'))
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({ id: e.id || e.className || e.textContent, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ id }) => id),
    );
    expect(small).toEqual([]);
    // Tab reaches the player's controls in order.
    await page.locator('#replay-play').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('replay-back');
    await page.keyboard.press('Enter');
    expect(errors).toEqual([]);
  });

  it('has a policy that allows only its own script and styles, and the text version links to it', () => {
    const html = readFileSync(resolve(dist, `${SLUG}-replay.html`), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("media-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    // Links to other sites (the slides' references) are links; nothing is loaded from one.
    expect(html).not.toMatch(/\ssrc="(?!data:)[^"]*:/);
    const text = readFileSync(resolve(dist, `${SLUG}-text.html`), 'utf8');
    expect(text).toContain(`<a href="${SLUG}-replay.html">Listen to the recording, with the slides in step</a>`);
    // And the last slide, for whoever opens the deck after the call.
    expect(readFileSync(resolve(dist, 'index.html'), 'utf8')).toContain(`The recording, with the slides in step: <a href="${SLUG}-replay.html">`);
  });
});

describe('the replay in m4a, under a sub-path over http', () => {
  let server: Server;
  beforeAll(async () => {
    replay(['--audio', m4a, '--chapters', chaptersFile, '--captions', transcript]);
    // A plain static server under /talks/ms/, with byte ranges (as web servers serve audio).
    server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      if (!path.startsWith('/talks/ms/')) return void response.writeHead(404).end();
      const file = resolve(dist, path.slice('/talks/ms/'.length));
      if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
      const size = statSync(file).size;
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.m4a') ? 'audio/mp4' : 'application/octet-stream';
      const range = /bytes=(\d*)-(\d*)/.exec(request.headers.range ?? '');
      if (range) {
        const start = Number(range[1] || 0);
        const end = range[2] ? Number(range[2]) : size - 1;
        response.writeHead(206, { 'content-type': type, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1, 'accept-ranges': 'bytes' });
        createReadStream(file, { start, end }).pipe(response);
      } else {
        response.writeHead(200, { 'content-type': type, 'content-length': size, 'accept-ranges': 'bytes' });
        createReadStream(file).pipe(response);
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  }, 120_000);
  afterAll(() => new Promise<void>((ok) => (server ? server.close(() => ok()) : ok())));

  it('plays the m4a and follows it, asking only for its own folder', async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/talks/ms/`;
    const { page, errors, requests } = await openPage(`${base}${SLUG}-replay.html`);
    expect((await state(page)).duration).toBeCloseTo(recording.seconds, 0);
    const chapters = cuesOf(readFileSync(chaptersFile, 'utf8'));
    await seek(page, chapters[2]!.start + 0.05);
    await expect.poll(async () => (await state(page)).slide).toBe(chapters[2]!.slide);
    await page.locator('.reveal').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await state(page)).time).toBeCloseTo(chapters[3]!.start, 1);
    await seek(page, recording.segments[2]!.start + 1);
    await expect.poll(async () => (await state(page)).caption).toBe(`Speaker: ${recording.segments[2]!.text}`);
    expect(requests.every((u) => u.startsWith(base) || u.startsWith('data:'))).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('the timeline editor', () => {
  it('marks a chapter at the moment → is pressed, nudges it, and saves the chapters file', async () => {
    const out = replay(['--edit', '--audio', ogg]);
    expect(out).toContain(`${SLUG}-timeline.html`);
    const { page, errors } = await openPage(pathToFileURL(resolve(dist, `${SLUG}-timeline.html`)).href);
    await page.locator('.reveal').focus();
    // The first slide from the start; → at 10 s and at 20 s, as if the recording were playing.
    await expect.poll(() => page.locator('#replay-edit-list li').count()).toBe(1);
    await seek(page, 10);
    await page.keyboard.press('ArrowRight');
    await seek(page, 20);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#replay-status').textContent()).toMatch(/ starts at 00:20\.$/);
    const items = page.locator('#replay-edit-list li');
    await expect.poll(() => items.count()).toBe(3);
    // The second chapter half a second later.
    await items.nth(1).getByRole('button', { name: /later/ }).click();
    const download = page.waitForEvent('download');
    await page.locator('#replay-save').click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('WEBVTT')).toBe(true);
    const cues = cuesOf(text);
    const ids = [...readFileSync(resolve(dist, 'index.html'), 'utf8').matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]!);
    expect(cues.map((c) => c.slide)).toEqual(ids.slice(0, 3));
    expect(cues.map((c) => c.start)).toEqual([0, 10.5, 20]);
    expect(cues.slice(0, 2).map((c) => c.end)).toEqual([10.5, 20]);
    // The last chapter ends where the recording ends: a duration, compared as one. The encoder pads the last
    // packet (an Ogg may read 120.012 s for 120 s of sound), so the cue must equal the length the page knew
    // (to the millisecond WebVTT writes) and be within a frame of the length we recorded.
    const known = await page.evaluate(() => (document.getElementById('replay-audio') as HTMLAudioElement).duration);
    expect(cues[2]!.end).toBeCloseTo(known, 2);
    expect(Math.abs(cues[2]!.end - recording.seconds)).toBeLessThan(0.1);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(errors).toEqual([]);
    // It runs the replay command, a page and axe: on two busy cores that took over a minute (a limit, not a budget).
  }, 300_000);
});
