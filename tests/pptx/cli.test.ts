// `npm run pptx` as a command (issue 14): it writes the file (for DECK_TALK too), builds dist/ first when it is
// missing, refuses the data the deck refuses with `npm run check`'s own messages, and writes nothing then.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyTalk } from '../data/talk-copy.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { ROOT, TMP } from './support.ts';

const DIR = join(TMP, 'cli');
mkdirSync(DIR, { recursive: true });
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), [script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 300_000 });
  if (r.error) throw r.error;
  return r;
}

describe('npm run pptx', () => {
  it('writes the talk as a .pptx where --out says, without building when told not to', async () => {
    const out = join(DIR, 'talk.pptx');
    const r = run('scripts/pptx.ts', ['--no-build', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const { slides } = await buildTalk(ROOT);
    expect(r.stdout).toContain(`${slides.length} slides`);
    expect(r.stdout).not.toContain('Building');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(DIR).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('makes another talk with DECK_TALK', async () => {
    const out = join(DIR, 'ejercicio.pptx');
    const r = run('scripts/pptx.ts', ['--no-build', '--out', out], { DECK_TALK: 'examples/ejercicio-em' });
    expect(r.status, r.stderr).toBe(0);
    const { slides } = await buildTalk(resolve(ROOT, 'examples/ejercicio-em'));
    expect(r.stdout).toContain(`${slides.length} slides`);
    expect(existsSync(out)).toBe(true);
  });

  it('builds the deck first when the built folder has no deck, then writes the file beside it', () => {
    const dist = join(DIR, 'dist');
    const r = run('scripts/pptx.ts', ['--dist', dist], { DECK_TALK: 'examples/library-hours' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Building the deck first \(.*index\.html is not built yet\)/);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    expect(readdirSync(dist).filter((f) => f.endsWith('.pptx'))).toHaveLength(1);
  }, 300_000);

  it('refuses data the deck refuses, with the messages of npm run check, and writes nothing', () => {
    const talk = copyTalk();
    try {
      talk.edit('data/studies.yaml', (t) => t.replace('p: 0.001', 'p: "p<.01"'));
      const check = run('src/cli/check.ts', ['--talk', talk.root]);
      expect(check.status).toBe(1);
      const problems = check.stdout.concat(check.stderr).split('\n').filter((l) => /\.yaml:\d+:\d+\s/.test(l));
      expect(problems.length).toBeGreaterThan(0);
      const out = join(DIR, 'broken.pptx');
      const r = run('scripts/pptx.ts', ['--no-build', '--out', out], { DECK_TALK: talk.root });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('no PowerPoint file was written');
      for (const p of problems) expect(r.stderr).toContain(p);
      expect(existsSync(out)).toBe(false);
    } finally {
      talk.remove();
    }
  });

  it('says how to use it: --help, and an unknown option exits 2', () => {
    const help = run('scripts/pptx.ts', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--no-build/);
    const bad = run('scripts/pptx.ts', ['--a3']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown option "--a3"');
  });

  it('refuses options that contradict or lack their folder, before doing anything (cwd left as it was)', () => {
    const cwd = join(DIR, 'options');
    mkdirSync(cwd, { recursive: true });
    const inDir = (args: string[]) => {
      const r = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'scripts/pptx.ts'), ...args], { cwd, env: { ...process.env, DECK_TALK: ROOT }, encoding: 'utf8', timeout: 60_000 });
      if (r.error) throw r.error;
      return r;
    };
    // Each mistake is tested in tests/scripts/output-command.test.ts; here, that the command says it and stops.
    const r = inDir(['--dist', '--no-build']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm run pptx: --dist needs a folder or file after it');
    expect(r.stderr).toContain('Usage: npm run pptx');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
