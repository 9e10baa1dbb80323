#!/usr/bin/env node
// Makes sure Debian's Chromium (browser tests, PDF, preview image) and poppler-utils (reading PDFs back)
// are on this machine, installing them with apt-get when we are root on Debian; no tool downloads a browser.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
const need = [];
if (!existsSync(chromium)) need.push('chromium');
if (!onPath('pdftotext') || !onPath('pdftoppm') || !onPath('pdfinfo')) need.push('poppler-utils');

if (need.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${need.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !onPath('apt-get')) {
  fail(`Missing: ${need.join(', ')}. Install with:\n\n  sudo ${command}\n\n(or set CHROME_PATH to a Chromium executable).`);
}

console.log(`Installing ${need.join(' and ')} from Debian's packages: ${command}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...need]]) {
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) fail(`apt-get ${args.join(' ')} failed. Run it yourself:\n\n  ${command}\n`);
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
