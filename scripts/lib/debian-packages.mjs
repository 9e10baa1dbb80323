// Installs missing Debian packages the tests and commands need (Chromium, poppler-utils, LibreOffice, audio tools)
// with apt-get when we are root on Debian, or stops with the exact command to run. One place for the three
// ensure-*.mjs scripts, so they install and explain the same way. Nothing is ever downloaded from elsewhere.
import { execFileSync, spawnSync } from 'node:child_process';

/** The command is on PATH. */
export function onPath(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function fail(message) {
  console.error(message);
  process.exit(1);
}

/**
 * Installs `need` (package names; nothing to do when empty). `missing` says what they are for, in the message shown
 * when they cannot be installed here; `after` is the advice added to it (such as "or set CHROME_PATH").
 */
export function ensurePackages(need, { missing, after = '' }) {
  if (need.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // The command as a person types it: as root plain apt-get; otherwise each apt-get through sudo, so that the line
  // works when pasted as it is.
  const command = (sudo) => {
    const s = sudo ? 'sudo ' : '';
    return `${s}apt-get update && ${s}apt-get install -y --no-install-recommends ${need.join(' ')}`;
  };
  if (!isRoot || !onPath('apt-get')) fail(`${missing}: ${need.join(', ')}. Install with:\n\n  ${command(!isRoot)}\n${after}`);
  console.log(`Installing ${need.join(', ')} from Debian's packages: ${command(false)}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...need]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) fail(`apt-get ${args.join(' ')} failed. Run it yourself:\n\n  ${command(false)}\n`);
  }
}
