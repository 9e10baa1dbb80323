#!/usr/bin/env node
// Makes sure Debian's LibreOffice Impress (the PowerPoint tests render the .pptx with `soffice --headless`) and
// poppler-utils (pdftoppm, pdftotext, pdfinfo read the rendering back) are on this machine, installing them with
// apt-get when we are root on Debian, like scripts/ensure-chromium.mjs does for Chromium.
// Usage: node scripts/ensure-libreoffice.mjs
import { execFileSync, spawnSync } from 'node:child_process';

const need = [];
if (!onPath('soffice')) need.push('libreoffice-impress');
if (!onPath('pdftotext') || !onPath('pdftoppm') || !onPath('pdfinfo')) need.push('poppler-utils');

if (need.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const command = (sudo) => {
  const s = sudo ? 'sudo ' : '';
  return `${s}apt-get update && ${s}apt-get install -y ${need.join(' ')}`;
};
if (!isRoot || !onPath('apt-get')) {
  fail(`Missing: ${need.join(', ')} (the PowerPoint tests render the .pptx with LibreOffice). Install with:\n\n  ${command(!isRoot)}\n`);
}

console.log(`Installing ${need.join(' and ')} from Debian's packages: ${command(false)}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...need]]) {
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) fail(`apt-get ${args.join(' ')} failed. Run it yourself:\n\n  ${command(false)}\n`);
}
if (!onPath('soffice')) fail(`soffice is still missing after installing libreoffice-impress. Run:\n\n  ${command(false)}\n`);

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
