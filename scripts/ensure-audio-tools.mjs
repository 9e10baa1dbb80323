#!/usr/bin/env node
// Makes sure the tools the replay tests use to make their own recordings are on this machine: espeak-ng (speech),
// sox (tones and joins) and ffmpeg (Ogg Vorbis and AAC in .m4a), installing them with apt-get when we are root on
// Debian, as scripts/ensure-chromium.mjs does for Chromium. Nothing else is downloaded.
// Usage: node scripts/ensure-audio-tools.mjs
import { execFileSync, spawnSync } from 'node:child_process';

const tools = { 'espeak-ng': 'espeak-ng', sox: 'sox', ffmpeg: 'ffmpeg' };
const need = Object.entries(tools)
  .filter(([cmd]) => !onPath(cmd))
  .map(([, pkg]) => pkg);
if (need.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const command = (sudo) => {
  const s = sudo ? 'sudo ' : '';
  return `${s}apt-get update && ${s}apt-get install -y --no-install-recommends ${need.join(' ')}`;
};
if (!isRoot || !onPath('apt-get')) {
  fail(`The replay tests make their own audio and need: ${need.join(', ')}. Install with:\n\n  ${command(!isRoot)}\n`);
}

console.log(`Installing ${need.join(', ')} from Debian's packages (the replay tests make their own audio): ${command(false)}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...need]]) {
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) fail(`apt-get ${args.join(' ')} failed. Run it yourself:\n\n  ${command(false)}\n`);
}
const still = Object.keys(tools).filter((cmd) => !onPath(cmd));
if (still.length) fail(`Still missing after installing: ${still.join(', ')}.`);

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
