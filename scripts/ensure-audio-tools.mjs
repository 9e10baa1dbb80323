#!/usr/bin/env node
// Makes sure the tools the replay tests use to make their own recordings are on this machine: espeak-ng (speech),
// sox (tones and joins) and ffmpeg (Ogg Vorbis and AAC in .m4a), installing them with apt-get when we are root on
// Debian, as scripts/ensure-chromium.mjs does for Chromium. Nothing else is downloaded.
// Usage: node scripts/ensure-audio-tools.mjs
import { ensurePackages, fail, onPath } from './lib/debian-packages.mjs';

/** Each command and the package that brings it. */
const tools = { 'espeak-ng': 'espeak-ng', sox: 'sox', ffmpeg: 'ffmpeg' };
const need = Object.entries(tools)
  .filter(([cmd]) => !onPath(cmd))
  .map(([, pkg]) => pkg);

ensurePackages(need, { missing: 'The replay tests make their own audio and need' });
const still = Object.keys(tools).filter((cmd) => !onPath(cmd));
if (still.length) fail(`Still missing after installing: ${still.join(', ')}.`);
