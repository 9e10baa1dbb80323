// The editor in Debian's Chromium (issue 26): from a talk made by `npm run new`, a study is added by pasting an
// abstract, selecting its conclusion and its figures; the YAML on disk gains them with `from:` and their passages,
// a comment elsewhere stays, npm run check passes and the live deck shows the study. A file changed on disk is loaded
// again or the clash shown; a request without the secret or from another origin gets 403 and changes nothing; the
// page has no axe-core violations in light and dark, and at 200 % zoom.
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/chromium.ts';
import { startEditor, type RunningEditor } from '../../src/edit/start-editor.ts';
import { loadTalk } from '../../src/data/load-data.ts';
import { ROOT } from '../support/project.ts';

const run = promisify(execFile);
const ABSTRACT = `Gentle massage and fatigue in multiple sclerosis: a small pilot study.
Twelve adults with multiple sclerosis (n = 12) received gentle massage once a week for six weeks.
Fatigue scores fell by 4.5 points (p = 0.04) compared with the start of the study.
We conclude that gentle massage may ease fatigue in people with MS, and a larger trial is warranted.
`;

let dir: string;
let talk: string;
let editor: RunningEditor;
let browser: Browser;
let page: Page;

const studiesFile = () => join(talk, 'data/studies.yaml');
const studies = () => (parse(readFileSync(studiesFile(), 'utf8')) as { studies: Record<string, unknown>[] }).studies;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'editor-'));
  talk = join(dir, 'gentle');
  await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/new-talk.ts'), talk], { cwd: ROOT, env: { ...process.env, DECK_TALK_MEMORY: 'off' } });
  editor = await startEditor({ root: talk });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(editor.url);
  await page.waitForSelector('#form-pane h2');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await editor?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Selects `needle` inside a source's text on the page, as a person would by dragging. */
async function select(source: string, needle: string): Promise<void> {
  await page.evaluate(
    ([id, words]) => {
      const pre = document.querySelector(`pre[data-source="${id}"]`)!;
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const whole = nodes.map((n) => n.data).join('');
      const start = whole.indexOf(words!);
      if (start < 0) throw new Error(`"${words}" is not in the source`);
      const at = (offset: number): [Text, number] => {
        let seen = 0;
        for (const n of nodes) {
          if (offset <= seen + n.data.length) return [n, offset - seen];
          seen += n.data.length;
        }
        throw new Error('offset past the text');
      };
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + words!.length));
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    },
    [source, needle],
  );
  await page.waitForFunction((words) => document.getElementById('selection-shown')?.textContent?.includes(words.slice(0, 40)), needle);
}

async function view(name: string): Promise<void> {
  await page.click(`nav button[data-view="${name}"]`);
  await page.waitForSelector(`nav button[data-view="${name}"][aria-current="page"]`);
}

const status = () => page.locator('#status').textContent();

async function fill(path: string, value: string): Promise<void> {
  await page.fill(`[data-path="${path}"]`, value);
}

describe('a study added from its source', () => {
  it('is built from a pasted abstract, its conclusion and its figures, and saved with where each came from', async () => {
    await view('sources');
    await page.fill('#new-source-id', 'gentle-2024');
    await page.fill('#new-source-text', ABSTRACT);
    await page.click('#add-source');
    await page.waitForSelector('pre[data-source="gentle-2024"]');
    expect(readFileSync(join(talk, 'sources/gentle-2024.txt'), 'utf8')).toBe(ABSTRACT);

    // The conclusion, into a new study drawing on this source: not saved until the study has what it needs.
    await select('gentle-2024', 'We conclude that gentle massage may ease fatigue in people with MS, and a larger trial is warranted.');
    await page.selectOption('#target-study', 'new');
    await page.click('button[data-action="asConclusion"]');
    await page.waitForSelector('nav button[data-view="studies"][aria-current="page"]');
    await expect.poll(status, { timeout: 30_000 }).toMatch(/Not saved yet|Placed in the form/);
    expect(studies()).toHaveLength(1);
    // Each missing field says so, in the words npm run check uses.
    expect(await page.locator('[data-error-for="studies.1.shortTitle"]').textContent()).toContain('missing');

    await fill('studies.1.shortTitle', 'Gentle massage and fatigue');
    await fill('studies.1.title', 'Gentle massage and fatigue in multiple sclerosis: a small pilot study');
    await page.click('[data-add-for="studies.1.design"]');
    await fill('studies.1.design.0', 'pilot study');
    await fill('studies.1.measured', 'How tired people felt (a fatigue score)');
    await page.click('[data-add-for="studies.1.results"]');
    await fill('studies.1.results.0.outcome', 'Fatigue');
    await page.selectOption('[data-path="studies.1.results.0.direction"]', 'improved');
    await fill('studies.1.meaning.text', 'Massage may ease fatigue; a bigger trial is needed to know.');
    await page.check('[data-path="studies.1.meaning.own"]');
    await fill('studies.1.caveat.text', 'A small pilot study of 12 adults, without a comparison group.');
    await page.check('[data-path="studies.1.caveat.own"]');
    await fill('studies.1.notes', 'A small pilot study of gentle massage.');
    await fill('studies.1.citation.authors', 'Example AM, Sample J');
    await fill('studies.1.citation.journal', 'Journal of Example Studies');
    await expect.poll(() => studies().length, { timeout: 45_000 }).toBe(2);
    await expect.poll(status, { timeout: 30_000 }).toBe('Saved to data/studies.yaml.');

    // Two figures, each selected in the source: the change and its P value, with the sentence holding them.
    await view('sources');
    await page.selectOption('#target-study', '1');
    await page.selectOption('#target-result', '0');
    await select('gentle-2024', '4.5');
    await page.click('button[data-action="asChange"]');
    await page.waitForSelector('nav button[data-view="studies"][aria-current="page"]');
    await fill('studies.1.results.0.unit', 'points');
    await expect.poll(() => (studies()[1]!.results as Record<string, unknown>[])[0]!.unit, { timeout: 45_000 }).toBe('points');
    await view('sources');
    await page.selectOption('#target-study', '1');
    await page.selectOption('#target-result', '0');
    await select('gentle-2024', '0.04');
    await page.click('button[data-action="asP"]');
    await expect.poll(() => (studies()[1]!.results as Record<string, unknown>[])[0]!.p, { timeout: 45_000 }).toBe(0.04);

    const yaml = readFileSync(studiesFile(), 'utf8');
    const study = studies()[1]!;
    expect(study).toMatchObject({
      id: 'gentle-2024',
      from: 'gentle-2024',
      conclusion: 'We conclude that gentle massage may ease fatigue in people with MS, and a larger trial is warranted.',
      results: [{ outcome: 'Fatigue', direction: 'improved', change: 4.5, unit: 'points', p: 0.04, passage: 'Fatigue scores fell by 4.5 points (p = 0.04) compared with the start of the study.' }],
    });
    // The template's comments, elsewhere in the file, are still there, and the first study's lines untouched.
    expect(yaml).toContain('# The studies, in the order they are shown. Copy the block that starts with "- id:" for each study.');
    expect(yaml).toContain('    # The study\'s own conclusion, word for word from the source.\n    conclusion: "REPLACE: the conclusion, word for word."');

    // npm run check passes (the template's placeholders are warnings), and the live deck shows the study's slides.
    expect(() => loadTalk({ root: talk, cwd: talk })).not.toThrow();
    const frame = page.frameLocator('#preview');
    await expect.poll(async () => frame.locator('section#study-gentle-2024').count(), { timeout: 60_000 }).toBe(1);
    expect(await frame.locator('section#study-gentle-2024-results').count()).toBe(1);
  });

  it('refuses a selection that is not a figure on its own, or runs over two sources', async () => {
    await view('sources');
    await select('gentle-2024', '12');
    await page.selectOption('#target-study', '1');
    // "12" of "n = 12": a figure on its own, accepted as how many took part.
    await page.click('button[data-action="asCount"]');
    await expect.poll(() => (studies()[1]!.participants as Record<string, unknown> | undefined)?.count, { timeout: 45_000 }).toBe(12);
    await view('sources');
    await select('gentle-2024', 'p = 0');
    await page.click('button[data-action="asP"]');
    await expect.poll(status, { timeout: 30_000 }).toBe('The selection is not a number. Select the figure alone, such as 4.5.');
    await select('gentle-2024', '0.0');
    await page.click('button[data-action="asP"]');
    await expect.poll(status, { timeout: 30_000 }).toContain('part of a word or a longer number');
  });
});

describe('a study deleted while the preview shows it', () => {
  it('is taken out of the file, line by line, and the preview goes on without it', async () => {
    await view('studies');
    // The preview on the study's slide, as when its fields are being edited.
    await page.focus('[data-path="studies.1.shortTitle"]');
    const frame = page.frameLocator('#preview');
    const before = readFileSync(studiesFile(), 'utf8');
    // "Remove" of the second study: the list's last entry button for studies.1.
    await page.locator('li.entry', { has: page.locator('[data-path="studies.1.shortTitle"]') }).locator(':scope > button.remove').click();
    await expect.poll(() => studies().length, { timeout: 45_000 }).toBe(1);
    const after = readFileSync(studiesFile(), 'utf8');
    // Only the study's own lines went: the file before it is unchanged.
    expect(before.startsWith(after.trimEnd())).toBe(true);
    expect(after).not.toContain('gentle-2024');
    await expect.poll(async () => frame.locator('section#study-gentle-2024').count(), { timeout: 60_000 }).toBe(0);
    expect(await frame.locator('section#study-study-one').count()).toBe(1);
  });
});

describe('files stay the person\'s', () => {
  it('loads a file changed in a text editor, and shows a clash when the page holds an unsaved change', async () => {
    await view('talk');
    const talkFile = join(talk, 'data/talk.yaml');
    writeFileSync(talkFile, readFileSync(talkFile, 'utf8').replace(/^title: .*$/m, 'title: Gentle massage and MS'));
    await expect.poll(() => page.inputValue('[data-path="title"]'), { timeout: 45_000 }).toBe('Gentle massage and MS');
    // An unsaved change here (not valid: an empty title), then a change on disk: the clash is shown, nothing lost.
    await fill('title', '');
    writeFileSync(talkFile, readFileSync(talkFile, 'utf8').replace(/^lengthMinutes: .*$/m, 'lengthMinutes: 25'));
    await page.waitForSelector('#clash:not([hidden])', { timeout: 45_000 });
    expect(await page.locator('#clash').textContent()).toContain('data/talk.yaml was changed on disk');
    expect(readFileSync(talkFile, 'utf8')).toContain('lengthMinutes: 25');
    await page.click('#clash button:first-of-type');
    await expect.poll(() => page.inputValue('[data-path="title"]'), { timeout: 30_000 }).toBe('Gentle massage and MS');
  });

  it('undoes and redoes a saved change', async () => {
    await fill('lengthMinutes', '30');
    await expect.poll(() => readFileSync(join(talk, 'data/talk.yaml'), 'utf8'), { timeout: 45_000 }).toContain('lengthMinutes: 30');
    await page.click('#undo');
    await expect.poll(() => readFileSync(join(talk, 'data/talk.yaml'), 'utf8'), { timeout: 30_000 }).toContain('lengthMinutes: 25');
    await page.click('#redo');
    await expect.poll(() => readFileSync(join(talk, 'data/talk.yaml'), 'utf8'), { timeout: 30_000 }).toContain('lengthMinutes: 30');
  });

  it('a number typed where a number belongs fails at the field, with the check\'s words, and is not written', async () => {
    const before = readFileSync(join(talk, 'data/talk.yaml'), 'utf8');
    await fill('lengthMinutes', 'thirty');
    await expect.poll(() => page.locator('[data-error-for="lengthMinutes"]').textContent(), { timeout: 30_000 }).toContain('expected');
    expect(await page.getAttribute('[data-path="lengthMinutes"]', 'aria-invalid')).toBe('true');
    expect(readFileSync(join(talk, 'data/talk.yaml'), 'utf8')).toBe(before);
    await fill('lengthMinutes', '30');
  });
});

describe('local and safe', () => {
  it('answers 403 to a wrong secret or a foreign origin, and changes nothing', async () => {
    const before = readFileSync(studiesFile(), 'utf8');
    const good = new URL(editor.url);
    const wrong = new URL(editor.url.replace(/__edit\/[^/]+\//, '__edit/not-the-secret/'));
    expect((await fetch(wrong)).status).toBe(403);
    expect((await fetch(new URL('api/state', wrong))).status).toBe(403);
    const body = JSON.stringify({ part: 'studies', data: { intro: 'x', studies: [] }, version: 'x' });
    const foreign = await fetch(new URL('api/save', good), { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body });
    expect(foreign.status).toBe(403);
    const noOrigin = await fetch(new URL('api/save', good), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(noOrigin.status).toBe(403);
    // A page elsewhere reaching this port under another name (a DNS trick) is refused by the Host it names.
    const otherHost = await new Promise<number>((done, fail) => {
      const req = request({ host: '127.0.0.1', port: Number(good.port), path: new URL('api/state', good).pathname, headers: { Host: 'attacker.example' } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.end();
    });
    expect(otherHost).toBe(403);
    expect(readFileSync(studiesFile(), 'utf8')).toBe(before);
  });

  it('never writes outside the talk\'s data, slides and sources', async () => {
    const result = await page.evaluate(async () => {
      const res = await fetch('api/source', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: '../../src/evil', text: 'x' }) });
      return { status: res.status, body: await res.text() };
    });
    expect(result.status).toBe(422);
    expect(result.body).toContain('is not a name for a file of the talk');
  });

  it('shows markup in a source as text', async () => {
    await view('sources');
    await page.fill('#new-source-id', 'markup');
    await page.fill('#new-source-text', 'A message <img src=x onerror="document.title=1"> <b>bold</b>');
    await page.click('#add-source');
    await page.waitForSelector('pre[data-source="markup"]');
    expect(await page.locator('pre[data-source="markup"] img, pre[data-source="markup"] b').count()).toBe(0);
    expect(await page.locator('pre[data-source="markup"]').textContent()).toContain('<img src=x');
  });
});

describe('accessible', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations (${scheme}), on the forms and the sources`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      for (const name of ['talk', 'studies', 'sources']) {
        await view(name);
        const violations = (await new AxeBuilder({ page }).exclude('#preview').analyze()).violations.map((v) => `${name}: ${v.id}: ${v.help} (${v.nodes.length})`);
        expect(violations).toEqual([]);
      }
    });
  }

  it('at 200 % zoom: one column, nothing wider than the window, no violations', async () => {
    await page.setViewportSize({ width: 700, height: 450 });
    await page.emulateMedia({ colorScheme: 'light' });
    await view('studies');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    const violations = (await new AxeBuilder({ page }).exclude('#preview').analyze()).violations.map((v) => `${v.id}: ${v.help}`);
    expect(violations).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('works from the keyboard: the parts, a field, the status said aloud', async () => {
    await page.focus('nav button[data-view="talk"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 30_000 }).toBe('form-pane');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('slug');
    expect(await page.getAttribute('#status', 'role')).toBe('status');
  });
});
