// `npm run present` and the presenter's secret (issue 15, item 5), run as the real command: with --token-file the
// secret is not printed (a service's output lands in a log); a token file others can read is refused, with the
// fix; links on plain http:// off this machine are warned about loudly.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tinyDist } from './support.ts';

const TOKEN = 'hygiene-token-0123456789abcdefghijklmnopqrstuvwxyz';

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs `npm run present` (its script, through tsx) until it has printed its links or stopped, then stops it. */
function present(args: string[]): Promise<Run> {
  const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['src/present/cli.ts', '--dist', tinyDist(), '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, PRESENT_TOKEN_FILE: '', PRESENT_PUBLIC_URL: '' },
  });
  const run: Run = { stdout: '', stderr: '', code: null };
  child.stdout.on('data', (d) => (run.stdout += String(d)));
  child.stderr.on('data', (d) => (run.stderr += String(d)));
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGTERM'), 30_000);
    const check = () => {
      // Give stderr a moment after the links: the warning follows them.
      if (run.stdout.includes('Press Ctrl+C')) setTimeout(() => child.kill('SIGTERM'), 300);
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      run.code = code;
      done(run);
    });
  });
}

function tokenFile(mode: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'token-')), 'presenter-token');
  writeFileSync(file, `${TOKEN}\n`);
  chmodSync(file, mode);
  return file;
}

describe('npm run present keeps the secret out of sight', () => {
  it('with --token-file, prints the listener link and where the presenter link is kept, never the secret', async () => {
    const file = tokenFile(0o600);
    const run = await present(['--token-file', file]);
    expect(run.stdout).toContain('Listener link (opens only on this computer: to share a live link, run npm run present on a server;');
    expect(run.stdout).toContain(file);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    expect(run.stdout).toMatch(/echo "http:\/\/127\.0\.0\.1:\d+\/#presenter=\$\(cat .*presenter-token\)"/);
  }, 60_000);

  it('without a token file, prints the one-run presenter link as before (nothing else knows it)', async () => {
    const run = await present([]);
    expect(run.stdout).toMatch(/#presenter=[\w-]{43}/);
  }, 60_000);

  it('refuses a token file that others can read, and says how to fix it', async () => {
    for (const mode of [0o644, 0o640, 0o604]) {
      const file = tokenFile(mode);
      const run = await present(['--token-file', file]);
      expect(run.code, `mode ${mode.toString(8)}`).toBe(1);
      expect(run.stderr).toContain(`chmod 600 ${file}`);
      expect(run.stderr).toContain(`(mode ${mode.toString(8)})`);
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
    }
  }, 90_000);

  it('warns loudly when the links are plain http:// to another machine, and not when they stay on this one or use https', async () => {
    const plain = await present(['--public-url', 'http://talks.example.org/ms-massage/']);
    expect(plain.stderr).toMatch(/WARNING: the links use plain http:\/\/ on a network address \(talks\.example\.org\)/);
    expect(plain.stderr).toContain('unencrypted');
    const open = await present(['--host', '0.0.0.0']);
    expect(open.stderr).toMatch(/WARNING: the links use plain http:\/\/ on a network address \(0\.0\.0\.0\)/);
    const local = await present([]);
    expect(local.stderr).not.toContain('WARNING');
    const tls = await present(['--public-url', 'https://talks.example.org/ms-massage/']);
    expect(tls.stderr).not.toContain('WARNING');
  }, 90_000);
});
