#!/usr/bin/env node
// Makes sure Debian's Chromium (browser tests, PDF, preview image) and poppler-utils (reading PDFs back)
// are on this machine, installing them with apt-get when we are root on Debian; no tool downloads a browser.
// Usage: node scripts/ensure-chromium.mjs [--chromium-only]
//   --chromium-only  only Chromium (npm run build's prebuild: the preview image needs no poppler-utils)
import { existsSync } from 'node:fs';
import { ensurePackages, fail, onPath } from './lib/debian-packages.mjs';

const chromiumOnly = process.argv.includes('--chromium-only');
// On a volunteer's Windows or macOS laptop there is no apt-get: the commands find an installed Chrome, Edge or
// Chromium themselves (src/chromium/chromium.ts) and say in one sentence what to install when there is none.
if (process.platform !== 'linux' && chromiumOnly) process.exit(0);
const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
const need = [];
if (!existsSync(chromium)) need.push('chromium');
if (!chromiumOnly && (!onPath('pdftotext') || !onPath('pdftoppm') || !onPath('pdfinfo'))) need.push('poppler-utils');

ensurePackages(need, { missing: 'Missing', after: '\n(or set CHROME_PATH to a Chromium executable).' });
if (!existsSync(chromium)) fail(`Chromium is still missing at ${chromium} after installing. Set CHROME_PATH.`);
