// `npm run pdf`: builds the deck if it is missing or out of date, then prints the PDFs into dist/ with Chromium:
//   <slug>-slides.pdf                one slide per 16:9 page, as the deck shows them
//   <slug>-handout.pdf               each slide above its speaker notes, then the references (US Letter; --a4 for A4)
//   <slug>-handout-large-print.pdf   with --large-print: 18-point notes, one slide to a page, each across the page
// Usage: npm run pdf [-- --a4] [-- --large-print] [-- --no-build | --build] [-- --dist DIR] [-- --out DIR]
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataError, formatProblem } from '../src/data/data-error.ts';
import { loadTalk } from '../src/data/load-data.ts';
import { buildFirstIfNeeded } from './lib/build-first.ts';
import { outputCommand } from './lib/output-command.ts';
import { ChromiumMissing, chromiumPath } from '../src/chromium/chromium.ts';
import { handoutPageFile, largePrintPageFile, type Paper } from '../src/names/output-files.ts';
import { makePdfs, PdfError, type PdfFile } from '../src/handout/make-pdfs.ts';
import { shownPath } from '../src/names/shown-path.ts';

const USAGE = `Usage: npm run pdf [-- options]
  --a4        print the handout on A4 paper (default: US Letter)
  --letter    print the handout on US Letter paper
  --large-print  also print the large-print handout (18-point type, one slide to a page)
  --build     build the deck first even if dist/ looks up to date
  --no-build  never build; use dist/ as it is
  --talk DIR  the talk to print (default: the one last named with --talk, else this project's)
  --dist DIR  the built folder to print from and write to (default: the talk's own dist/)
  --out DIR   write the PDFs here instead of into the built folder
Needs Chromium: apt-get install -y chromium (or CHROME_PATH set to a Chromium or Chrome).`;

const started = performance.now();
const project = resolve(import.meta.dirname, '..');
const command = outputCommand('pdf', USAGE, process.argv.slice(2), ['a4', 'letter', 'large-print']);
const { fail } = command;
if (command.flags.has('a4') && command.flags.has('letter')) fail(`--a4 and --letter ask for two papers: give one of them\n${USAGE}`, 2);
const args = { ...command, paper: (command.flags.has('a4') ? 'a4' : 'letter') as Paper, largePrint: command.flags.has('large-print') };
const talkRoot = command.talk.root;
const dist = command.dist;

// The browser first: without it nothing can be printed, so say so before spending time on a build.
try {
  chromiumPath();
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}

let talk;
let words;
try {
  ({ talk, words } = loadTalk({ root: talkRoot }));
} catch (e) {
  if (e instanceof DataError) fail(`the talk's data has problems; nothing was printed.\n${e.problems.map(formatProblem).join('\n')}`);
  throw e;
}

await buildFirstIfNeeded({ project, talk: command.talk, dist, buildMode: args.buildMode, outputs: ['index.html', handoutPageFile(talk), ...(args.largePrint ? [largePrintPageFile(talk)] : [])], nothingMade: 'nothing was printed', fail });

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} kB`);
const line = (f: PdfFile, what: string) =>
  `${shownPath(resolve(f.path)).padEnd(30)} ${String(f.pages).padStart(3)} pages  ${size(f.bytes).padStart(7)}  ${what}`;

try {
  if (args.out) mkdirSync(resolve(args.out), { recursive: true });
  const result = await makePdfs({ dist, talk, words, largePrint: args.largePrint, paper: args.paper, buildCommand: command.talk.again('build'), outDir: args.out, log: (l) => console.log(l) });
  for (const w of result.warnings) console.warn(`warning: ${w}`);
  console.log(line(result.slides, 'slides, one per 16:9 page'));
  console.log(line(result.handout, `handout, ${args.paper === 'a4' ? 'A4' : 'US Letter'}`));
  if (result.largePrint) console.log(line(result.largePrint, `large-print handout, ${args.paper === 'a4' ? 'A4' : 'US Letter'}`));
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (e) {
  if (e instanceof ChromiumMissing || e instanceof PdfError) fail(e.message);
  fail(`printing failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}
