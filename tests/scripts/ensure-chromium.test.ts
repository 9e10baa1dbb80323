// scripts/ensure-chromium.mjs (pretest, prepdf, prebuild): when Chromium is missing and it cannot install it,
// it stops before anything runs and prints a command that works when pasted as it is.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { ROOT } from '../support/project.ts';
const SCRIPT = resolve(ROOT, 'scripts/ensure-chromium.mjs');
const isRoot = process.getuid?.() === 0;

// A PATH holding only sh (the script looks commands up with `sh -c "command -v …"`): no apt-get, no poppler-utils.
const bare = mkdtempSync(join(tmpdir(), 'bare-path-'));
symlinkSync('/bin/sh', join(bare, 'sh'));
afterAll(() => rmSync(bare, { recursive: true, force: true }));

function ensure(args: string[], env: NodeJS.ProcessEnv, as: 'root' | 'user') {
  const options: SpawnSyncOptions = { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 };
  // Run as root, the tests try the script as "nobody" for the message a non-root user gets.
  if (as === 'user' && isRoot) Object.assign(options, { uid: 65534, gid: 65534, cwd: tmpdir() });
  const run = spawnSync(process.execPath, [SCRIPT, ...args], options);
  if (run.error) throw run.error;
  return { status: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}

describe('scripts/ensure-chromium.mjs without Chromium', () => {
  it('as a user who is not root: stops with exit 1 and a command that uses sudo for both apt-get steps', () => {
    const run = ensure(['--chromium-only'], { CHROME_PATH: '/nonexistent/chromium' }, 'user');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Missing: chromium.');
    expect(run.stderr).toContain('\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium\n');
    expect(run.stderr).toContain('set CHROME_PATH');
    expect(run.stdout).toBe('');
  });

  it('names poppler-utils too unless --chromium-only', () => {
    const run = ensure([], { CHROME_PATH: '/nonexistent/chromium', PATH: bare }, 'user');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Missing: chromium, poppler-utils.');
    expect(run.stderr).toContain('\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium poppler-utils\n');
  });

  it.runIf(isRoot)('as root where there is no apt-get: stops with the command without sudo, installs nothing', () => {
    const run = ensure(['--chromium-only'], { CHROME_PATH: '/nonexistent/chromium', PATH: bare }, 'root');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('\n  apt-get update && apt-get install -y --no-install-recommends chromium\n');
    expect(run.stderr).not.toContain('sudo');
    expect(run.stdout).not.toContain('Installing');
  });

  it('does nothing and exits 0 when CHROME_PATH names an existing file (--chromium-only)', () => {
    const run = ensure(['--chromium-only'], { CHROME_PATH: process.execPath, PATH: bare }, 'user');
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});

describe('package.json', () => {
  const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('checks for Chromium before the build starts (vite empties dist/, and the postbuild preview image needs Chromium)', () => {
    expect(scripts.prebuild).toBe('node scripts/ensure-chromium.mjs --chromium-only');
    // scripts/deck.ts builds the talk into its own dist/, then makes the preview image (it needs Chromium), the
    // follow-along server compiled for a server without dev tools, and the replay when the talk names its files.
    expect(scripts.build).toBe('tsx scripts/deck.ts build');
    expect(scripts.postbuild).toBeUndefined();
    const steps = readFileSync(resolve(ROOT, 'scripts/deck.ts'), 'utf8');
    expect(steps.indexOf("['share'")).toBeLessThan(steps.indexOf("['build:present'"));
    expect(steps.indexOf("['build:present'")).toBeLessThan(steps.indexOf("['replay'"));
  });

  it('needs no Chromium for the dev server: npm start and npm run dev have no pre-script and do not build', () => {
    expect(scripts.start).toBe('tsx scripts/deck.ts dev');
    expect(scripts.dev).toBe('tsx scripts/deck.ts dev');
    expect(scripts.prestart).toBeUndefined();
    expect(scripts.predev).toBeUndefined();
  });

  it('checks for Chromium and poppler-utils before the tests and the PDFs', () => {
    // Chromium first (every browser test), then LibreOffice (the PowerPoint's rendering), the audio tools (the replay)
    // and redis-server (several relay processes).
    expect(scripts.pretest).toBe('node scripts/ensure-chromium.mjs && node scripts/ensure-libreoffice.mjs && node scripts/ensure-audio-tools.mjs && node scripts/ensure-redis.mjs');
    // The PDFs need only the browser (poppler-utils is for the tests reading them back).
    expect(scripts.prepdf).toBe('node scripts/ensure-chromium.mjs --chromium-only');
  });
});
