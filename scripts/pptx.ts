// `npm run pptx`: builds the deck if dist/ is missing or out of date, then writes dist/<slug>.pptx, an editable
// PowerPoint file of the talk (real text, tables, pictures with alternative text, speaker notes), from the same slide
// descriptions as the deck.
// Usage: npm run pptx [-- --talk DIR] [-- --no-build | --build] [-- --dist DIR] [-- --out FILE]
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataError, formatProblem } from '../src/data/data-error.ts';
import { buildFirstIfNeeded } from './lib/build-first.ts';
import { outputCommand } from './lib/output-command.ts';
import { writeWhole } from '../src/serve/write-whole.ts';
import { makePptx } from '../src/pptx/make-pptx.ts';
import { pptxFile } from '../src/names/output-files.ts';
import { buildTalk } from '../src/deck/build-talk.ts';
import { shownPath } from '../src/names/shown-path.ts';

const USAGE = `Usage: npm run pptx [-- options]
  --build     build the deck first even if dist/ looks up to date
  --no-build  never build; write the PowerPoint file whatever dist/ holds
  --talk DIR  the talk (default: the one last named with --talk, else this project's)
  --dist DIR  the built folder to write into (default: the talk's own dist/)
  --out FILE  write the PowerPoint file here instead`;

const started = performance.now();
const project = resolve(import.meta.dirname, '..');
const args = outputCommand('pptx', USAGE, process.argv.slice(2));
const { fail } = args;
const talkRoot = args.talk.root;
const dist = args.dist;

// Read and checked first: the same data the deck refuses is refused here, with the same messages.
let deck;
try {
  deck = await buildTalk(talkRoot);
} catch (e) {
  if (e instanceof DataError) fail(`the talk's data has problems; no PowerPoint file was written.\n${e.problems.map(formatProblem).join('\n')}`);
  throw e;
}
for (const warning of deck.model.warnings) console.warn(`${formatProblem(warning)}  (a warning: the PowerPoint file is still written)`);

// The build empties dist/, so it comes first: the PowerPoint file is written into the fresh dist/ beside the deck.
await buildFirstIfNeeded({ project, talk: args.talk, dist, buildMode: args.buildMode, outputs: ['index.html'], nothingMade: 'no PowerPoint file was written', fail });

const target = resolve(args.out ?? resolve(dist, pptxFile(deck.model.talk)));
const { buffer, slides } = await makePptx(deck);
mkdirSync(dirname(target), { recursive: true });
// Written whole or not at all: a half-written file is never left where the old one was.
try {
  writeWhole(target, buffer);
} catch (e) {
  fail(`could not write ${target}: ${e instanceof Error ? e.message : String(e)}`);
}
const kb = Math.round(buffer.length / 1024);
console.log(`${shownPath(target)}  ${slides} slides  ${kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb} kB`}`);
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
