#!/usr/bin/env node
// Makes sure Debian's LibreOffice Impress (the PowerPoint tests render the .pptx with `soffice --headless`) and
// poppler-utils (pdftoppm, pdftotext, pdfinfo read the rendering back) are on this machine, installing them with
// apt-get when we are root on Debian, like scripts/ensure-chromium.mjs does for Chromium.
// Usage: node scripts/ensure-libreoffice.mjs
import { ensurePackages, fail, onPath } from './lib/debian-packages.mjs';

const need = [];
if (!onPath('soffice')) need.push('libreoffice-impress');
if (!onPath('pdftotext') || !onPath('pdftoppm') || !onPath('pdfinfo')) need.push('poppler-utils');

ensurePackages(need, { missing: 'Missing (the PowerPoint tests render the .pptx with LibreOffice)' });
if (!onPath('soffice')) fail('soffice is still missing after installing libreoffice-impress.');
