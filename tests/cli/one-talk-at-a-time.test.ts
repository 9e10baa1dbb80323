// One talk at a time: a build refuses a folder that holds another talk's outputs (it would empty it), and a command
// given a folder that is not a talk says so in one sentence and exits 1, touching nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { ROOT, withTalk } from '../support/project.ts';
import { readBuiltFrom } from '../../src/names/built-from.ts';

const out = mkdtempSync(join(tmpdir(), 'one-talk-'));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(`${out}-private`, { recursive: true, force: true });
});

const buildInto = (talk: string) =>
  withTalk(talk, () => build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } }));

describe('a build', () => {
  it("records whose outputs a folder holds, and refuses to empty another talk's", async () => {
    await buildInto(resolve(ROOT, 'examples/library-hours'));
    expect(readBuiltFrom(out)).toMatchObject({ title: 'Longer Library Hours', talk: resolve(ROOT, 'examples/library-hours') });
    const before = readdirSync(out).sort();
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    const refused = await buildInto(resolve(ROOT, 'examples/ejercicio-em')).then(
      () => 'built',
      (e: unknown) => String((e as { errors?: { message: string }[] }).errors?.[0]?.message ?? e),
    );
    expect(refused).toMatch(/holds the outputs of another talk, “Longer Library Hours” \(.*examples\/library-hours\); building this talk there would delete them, so nothing was built/);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(page);
    // The same talk again is its own folder: built.
    await buildInto(resolve(ROOT, 'examples/library-hours'));
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  }, 180_000);
});

describe('a folder that is not a talk', () => {
  it.each([['src/cli/check.ts'], ['scripts/pdf.ts'], ['scripts/pptx.ts'], ['scripts/deck.ts', 'build']] as string[][])('is refused by %s in one sentence, exit 1', (...command: string[]) => {
    const run = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), [...command, '--talk', 'src'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DECK_TALK_MEMORY: 'off', CHROME_PATH: process.execPath },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/src is not a talk: it has no data\/talk\.yaml\. .*npm run new -- <folder>/);
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(resolve(ROOT, 'src/dist'))).toBe(false);
  }, 60_000);
});
