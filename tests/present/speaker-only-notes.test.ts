// Private notes with `npm run present`: the build keeps them beside dist/ (dist-private/speaker-notes.json), never in
// it; the server gives them only to a request carrying the presenter's secret; the presenter's page puts them where
// Reveal's speaker view reads notes, and a listener's page neither asks for them nor has them.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPresentServer, type PresentServer } from '../../src/present/server.ts';
import { speakerNotesFile } from '../../src/slides/audience.ts';
import { copyTalk, type TalkCopy } from '../data/talk-copy.ts';
import { launchChromium, waitUntil } from './support.ts';
import { buildDeckInto } from '../support/project.ts';

const SECRET = 'Ann asked me not to say her diagnosis';
let talk: TalkCopy;
let work: string;
let dist: string;
let present: PresentServer;
let browser: Browser;

beforeAll(async () => {
  talk = copyTalk();
  talk.edit('slides/why-this-talk.md', (s) => `${s.trimEnd()}\n\nPrivate:\nRemember to mention Ann by name: ${SECRET}.\n`);
  work = mkdtempSync(join(tmpdir(), 'speaker-notes-'));
  dist = join(work, 'dist');
  await buildDeckInto(dist, talk.root);
  present = await startPresentServer({ dist, port: 0, token: 'the-presenters-secret', speakerNotes: speakerNotesFile(dist) });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await present?.close();
  talk?.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('speaker-only notes with npm run present', () => {
  it('are kept beside dist/, readable by the owner alone, and in no file of dist/', () => {
    const file = speakerNotesFile(dist);
    expect(file).toBe(join(work, 'dist-private', 'speaker-notes.json'));
    expect(readFileSync(file, 'utf8')).toContain(SECRET);
    expect(statSync(file).mode & 0o077).toBe(0);
    const all = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? all(join(dir, f)) : [join(dir, f)]));
    expect(all(dist).filter((f) => readFileSync(f, 'utf8').includes(SECRET))).toEqual([]);
  });

  it('are given only with the presenter\'s secret', async () => {
    const url = new URL('speaker-notes.json', present.baseUrl);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url, { headers: { authorization: 'Bearer not-the-secret' } })).status).toBe(404);
    const right = await fetch(url, { headers: { authorization: 'Bearer the-presenters-secret' } });
    expect(right.status).toBe(200);
    expect(right.headers.get('cache-control')).toBe('no-store');
    expect(((await right.json()) as Record<string, string>)['why-this-talk']).toContain(SECRET);
  });

  it('reach the presenter\'s speaker notes, and never a listener\'s page', async () => {
    const notesOf = async (url: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (r) => asked.push(new URL(r.url()).pathname));
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
      await page.waitForSelector('.follow-bar');
      // The presenter's page asks once its secret is accepted; give a listener's page the same time and more.
      await waitUntil(async () => asked.includes('/speaker-notes.json') || !url.includes('#presenter'), 10_000, 'the presenter asking');
      await page.waitForTimeout(url.includes('#presenter') ? 300 : 1500);
      const notes = await page.evaluate(async () => {
        const reveal = (window as unknown as { Reveal: { getSlides(): HTMLElement[]; getSlideNotes(s: HTMLElement): string } }).Reveal;
        // The published notes arrive with the speaker view; ask for them as it would.
        await (window as unknown as { loadDeckNotes?: () => Promise<void> }).loadDeckNotes?.();
        const slide = reveal.getSlides().find((s) => s.id === 'why-this-talk')!;
        return reveal.getSlideNotes(slide) ?? '';
      });
      await context.close();
      return { notes, asked };
    };
    const presenter = await notesOf(present.presenterUrl);
    expect(presenter.asked).toContain('/speaker-notes.json');
    expect(presenter.notes).toContain(SECRET);
    expect(presenter.notes).toContain('Fiza and Toni asked me to speak');
    const listener = await notesOf(present.listenerUrl);
    expect(listener.asked).not.toContain('/speaker-notes.json');
    expect(listener.notes).not.toContain(SECRET);
    expect(existsSync(speakerNotesFile(dist))).toBe(true);
  }, 60_000);
});
