// Chromium keeps its sandbox unless it runs as root (issue 15, item 7: it was always started with --no-sandbox).
// A stand-in executable records the flags launchChromium really passes, as root and as an ordinary user.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../src/chromium/chromium.ts';

import { ROOT } from '../support/project.ts';
const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
chmodSync(dir, 0o777);
const fake = join(dir, 'chromium');
writeFileSync(fake, '#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGS_FILE"\nexit 3\n');
chmodSync(fake, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The flags launchChromium gives Chromium, in a Node process run as `uid` (dropping root with setpriv). */
function flagsAs(uid: number): string[] {
  const out = join(dir, `args-${uid}`);
  const script = `import('${join(ROOT, 'src/chromium/chromium.ts')}').then((m) => m.launchChromium()).catch(() => {});`;
  const tsx = [join(ROOT, 'node_modules/.bin/tsx'), '-e', script];
  const me = process.getuid!();
  const command = uid === me ? tsx : ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', ...tsx];
  const run = spawnSync(command[0]!, command.slice(1), {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: dir, CHROME_PATH: fake, ARGS_FILE: out, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.error) throw run.error;
  try {
    return readFileSync(out, 'utf8').split('\n');
  } catch {
    throw new Error(`the stand-in Chromium was not started as uid ${uid}: ${run.stderr}`);
  }
}

describe("Chromium's sandbox", () => {
  it('is turned off only for root', () => {
    expect(chromiumArgs(0)).toContain('--no-sandbox');
    expect(chromiumArgs(1000)).not.toContain('--no-sandbox');
    expect(chromiumArgs(1000)).toEqual(chromiumArgs(0).filter((a) => a !== '--no-sandbox'));
  });

  it('stays on when an ordinary user starts Chromium', () => {
    // As root, the test drops to "nobody" to be that user; otherwise it already is one.
    const uid = process.getuid!() === 0 ? 65534 : process.getuid!();
    const flags = flagsAs(uid);
    expect(flags).toContain('--disable-gpu');
    expect(flags).not.toContain('--no-sandbox');
  }, 60_000);

  it('is off when root starts Chromium, which will not start otherwise', () => {
    // Only root can be root: an ordinary user running the tests checks the rule above instead.
    if (process.getuid!() !== 0) return expect(chromiumArgs(0)).toContain('--no-sandbox');
    expect(flagsAs(0)).toContain('--no-sandbox');
  }, 60_000);
});
