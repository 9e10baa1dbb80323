#!/usr/bin/env node
// Makes sure Debian's Chromium (browser tests, PDF, preview image) and poppler-utils (reading PDFs back)
// are on this machine, installing them with apt-get when we are root on Debian; no tool downloads a browser.
// Usage: node scripts/ensure-chromium.mjs [--chromium-only]
//   --chromium-only  only Chromium (npm run build's prebuild: the preview image needs no poppler-utils)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromiumOnly = process.argv.includes('--chromium-only');
const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
const need = [];
if (!existsSync(chromium)) need.push('chromium');
if (!chromiumOnly && (!onPath('pdftotext') || !onPath('pdftoppm') || !onPath('pdfinfo'))) need.push('poppler-utils');

if (need.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// The command as a person types it: as root plain apt-get; otherwise each apt-get through sudo, so that
// the line works when pasted as it is.
const command = (sudo) => {
  const s = sudo ? 'sudo ' : '';
  return `${s}apt-get update && ${s}apt-get install -y ${need.join(' ')}`;
};
if (!isRoot || !onPath('apt-get')) {
  fail(`Missing: ${need.join(', ')}. Install with:\n\n  ${command(!isRoot)}\n\n(or set CHROME_PATH to a Chromium executable).`);
}

console.log(`Installing ${need.join(' and ')} from Debian's packages: ${command(false)}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...need]]) {
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) fail(`apt-get ${args.join(' ')} failed. Run it yourself:\n\n  ${command(false)}\n`);
}
if (!existsSync(chromium)) fail(`Chromium is still missing at ${chromium} after installing. Set CHROME_PATH.`);

function onPath(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
