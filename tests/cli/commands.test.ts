// The commands a person runs, as processes: `npm run check` and `npm run build` (vite build) print the same
// problem lines with no stack trace, exit with 1, and change nothing: not the talk, not the last build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { talkOption } from '../../src/cli/chosen-talk.ts';
import { chooseTalk } from '../../src/names/talk-folder.ts';
import { runByViteCommand } from '../../src/cli/report.ts';
import { copyTalk, ROOT, type TalkCopy } from '../data/talk-copy.ts';

const bin = (name: string) => resolve(ROOT, 'node_modules/.bin', name);
const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
/** The problem lines of a command's output: "file:line:column  ...". */
const problemLines = (out: string) => out.split('\n').filter((l) => /^\S+\.(yaml|md):\d+:\d+ {2}/.test(l));

let talk: TalkCopy;
let out: string;
beforeAll(() => {
  talk = copyTalk();
  talk.edit('data/talk.yaml', (t) => t.replace('lengthMinutes: 30', 'lengthMinutes: thirty'));
  talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: "p<.01"'));
  talk.edit('slides/order.yaml', (t) => t.replace('  - tips\n', '  - tipps\n'));
  out = mkdtempSync(join(tmpdir(), 'last-build-'));
  writeFileSync(join(out, 'index.html'), 'the last good build');
});
afterAll(() => {
  talk.remove();
  rmSync(out, { recursive: true, force: true });
});

describe('npm run check and npm run build on a talk with mistakes', () => {
  it('print the same lines, with no stack trace, exit with 1, and change nothing', () => {
    const files = talk.snapshot();
    const check = run(bin('tsx'), ['src/cli/check.ts', '--talk', talk.root]);
    const build = run(bin('vite'), ['build', '--outDir', out, '--emptyOutDir'], { DECK_TALK: talk.root });

    expect(check.status).toBe(1);
    expect(build.status).toBe(1);
    const checked = problemLines(check.stderr);
    expect(checked).toHaveLength(3);
    expect(checked[0]).toMatch(/talk\.yaml:17:16 {2}lengthMinutes {2}expected a number, found "thirty"$/);
    expect(check.stderr).toContain(`3 problems found. Nothing was changed; fix them and run "npm run check -- --talk ${talk.root}" again.`);
    expect(problemLines(build.stdout + build.stderr)).toEqual(checked);
    expect(build.stdout + build.stderr).toContain(`3 problems found. Nothing was built; the last build in ${out}/ is unchanged. Fix them and run "npm run build -- --talk ${talk.root}" again.`);
    expect(build.stdout + build.stderr).not.toMatch(/^\s+at /m);

    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the last good build');
    expect(talk.snapshot()).toEqual(files);
  }, 120_000);

  it('npm run check says so when the talk is fine, and exits with 0', () => {
    const check = run(bin('tsx'), ['src/cli/check.ts', '--talk', 'examples/library-hours']);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^The talk in .*examples\/library-hours is fine: \d+ files checked\.$/m);
  }, 60_000);
});

describe('npm run check on a talk with a wrong type in a study and a takeaway resting on a missing id', () => {
  it('reports both at once, in one run, and exits with 1', () => {
    const broken = copyTalk();
    try {
      broken.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: "p<.01"'));
      broken.edit('data/takeaways.yaml', (t) => t.replace('basis: [negahban-2013, schroeder-2014, mcclurg-2011]', 'basis: [negahban-2013, schroeder-2014, mcclurg-2012]'));
      const check = run('npm', ['run', '--silent', 'check', '--', '--talk', broken.root]);
      expect(check.status, check.stderr).toBe(1);
      const lines = problemLines(check.stderr);
      expect(lines).toEqual([
        expect.stringMatching(/studies\.yaml:42:12 {2}studies\[0\]\.results\[1\]\.p {2}expected a number such as 0\.001, found "p<\.01"$/),
        expect.stringMatching(new RegExp(`takeaways\\.yaml:${broken.read('data/takeaways.yaml').split('\n').findIndex((l) => l.includes('mcclurg-2012')) + 1}:\\d+ {2}takeaways\\[2\\]\\.basis\\[2\\] {2}no study or quote has the id "mcclurg-2012": did you mean "mcclurg-2011"\\?$`)),
      ]);
      expect(check.stderr).toContain('2 problems found.');
    } finally {
      broken.remove();
    }
  }, 60_000);
});

describe('which talk a command works on', () => {
  it('--talk, --talk=, then DECK_TALK, then this project, each read from where the command started', () => {
    const here = (p: string) => resolve(process.cwd(), p);
    const off = { DECK_TALK_MEMORY: 'off' };
    const root = (args: string[], env: NodeJS.ProcessEnv) => chooseTalk(talkOption(args), { ...off, ...env }).root;
    expect(root(['--talk', 'examples/a'], { DECK_TALK: 'b' })).toBe(here('examples/a'));
    expect(root(['--talk=examples/a'], {})).toBe(here('examples/a'));
    expect(root([], { DECK_TALK: 'b' })).toBe(here('b'));
    expect(root([], { DECK_TALK: '/elsewhere/talk' })).toBe('/elsewhere/talk');
    expect(root([], {})).toBe(process.cwd());
    expect(() => talkOption(['--talk'])).toThrow('--talk needs a folder');
  });

  it('knows when it runs as the vite command', () => {
    expect(runByViteCommand(['node', '/p/node_modules/.bin/vite', 'build'])).toBe(true);
    expect(runByViteCommand(['node', 'C:\\p\\node_modules\\vite\\bin\\vite.js', 'build'])).toBe(true);
    expect(runByViteCommand(['node', '/p/node_modules/vitest/vitest.mjs', 'run'])).toBe(false);
  });
});
