// scripts/ensure-audio-tools.mjs (pretest): the replay tests make their own recordings with espeak-ng, sox and
// ffmpeg. When one is missing and cannot be installed, it stops with a command that works when pasted as it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { ROOT } from '../support/project.ts';
const SCRIPT = resolve(ROOT, 'scripts/ensure-audio-tools.mjs');
const isRoot = process.getuid?.() === 0;

// A PATH holding only sh: none of the tools, and no apt-get.
const bare = mkdtempSync(join(tmpdir(), 'bare-path-'));
symlinkSync('/bin/sh', join(bare, 'sh'));
afterAll(() => rmSync(bare, { recursive: true, force: true }));

function ensure(env: NodeJS.ProcessEnv, as: 'root' | 'user') {
  const run = spawnSync(process.execPath, [SCRIPT], {
    cwd: as === 'user' && isRoot ? tmpdir() : ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
    ...(as === 'user' && isRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}

describe('scripts/ensure-audio-tools.mjs', () => {
  it('as a user who is not root, without the tools: exit 1 and the install command with sudo', () => {
    const run = ensure({ PATH: bare }, 'user');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The replay tests make their own audio and need: espeak-ng, sox, ffmpeg.');
    expect(run.stderr).toContain('\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends espeak-ng sox ffmpeg\n');
  });

  it.runIf(isRoot)('as root where there is no apt-get: the command without sudo, nothing installed', () => {
    const run = ensure({ PATH: bare }, 'root');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('\n  apt-get update && apt-get install -y --no-install-recommends espeak-ng sox ffmpeg\n');
    expect(run.stdout).toBe('');
  });

  it('does nothing when the tools are there, and runs before the tests', () => {
    expect(ensure({}, 'root')).toEqual({ status: 0, stdout: '', stderr: '' });
    const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.pretest).toContain('node scripts/ensure-audio-tools.mjs');
  });
});
