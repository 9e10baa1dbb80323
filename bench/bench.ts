// `npm run bench`: our deck against Marp and a plain Reveal.js deck of the same talk, on this machine, in one run.
// Writes bench/results.md and bench/results.json and prints the table. Every timing is the median of --runs runs
// (at least 7 unless --quick); runs of the three decks are interleaved so a busy moment hits them all alike.
//
//   npm run bench [-- --runs 7] [-- --factors 10,100 | --no-growth] [-- --no-pdf] [-- --decktape-growth] [-- --quick]
import { RESULTS_MD, sectionOf, withSection } from './lib/results-section.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { buildTalk, type BuiltDeck } from '../src/deck/build-talk.ts';
import { buildMarp, marpCli } from './peers/to-marp.ts';
import { buildReveal, REVEAL_THEME } from './peers/to-reveal.ts';
import { launch } from './lib/chromium.ts';
import { chromiumPath } from '../src/chromium/chromium.ts';
import { openFirstSlide, THROTTLE, type FirstSlide } from './lib/first-slide.ts';
import { serveGzip, GZIP_LEVEL, type Served } from './lib/serve.ts';
import { measure, must } from './lib/run.ts';
import { decktapePdf, hasOurPdf, ourPdf, type PdfRun } from './lib/pdf.ts';
import { summarize, type Summary } from './lib/stats.ts';
import { writeSyntheticTalk } from './lib/synthetic.ts';
import { KINDS, type Bytes } from './lib/bytes.ts';
import { evaluateGoals, renderResults, type Results, type DeckName, type TalkResult } from './lib/report.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out', 'run');
const DECKS: DeckName[] = ['ours', 'marp', 'reveal'];

interface Options {
  runs: number;
  factors: number[];
  pdf: boolean;
  decktape: boolean;
  decktapeGrowth: boolean;
  growthRuns: number;
  write: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { runs: 7, factors: [10, 100], pdf: true, decktape: true, decktapeGrowth: false, growthRuns: 0, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--runs')) o.runs = Number(value());
    else if (a.startsWith('--growth-runs')) o.growthRuns = Number(value());
    else if (a.startsWith('--factors')) o.factors = value().split(',').filter(Boolean).map(Number);
    else if (a === '--no-growth') o.factors = [];
    else if (a === '--no-pdf') o.pdf = false;
    else if (a === '--no-decktape') o.decktape = false;
    else if (a === '--decktape-growth') o.decktapeGrowth = true;
    else if (a === '--no-write') o.write = false;
    else if (a === '--quick') {
      o.runs = 1;
      o.write = false;
    } else if (a === '--help' || a === '-h') {
      console.log(`npm run bench [-- options]
  --runs N          runs per timing, median reported (default 7)
  --growth-runs N   runs per timing for the synthetic talks (default: --runs)
  --factors 10,100  sizes of the synthetic talks, times the real one (default 10,100)
  --no-growth       only the real talk
  --no-pdf          skip the PDF timings
  --no-decktape     skip decktape
  --decktape-growth also run decktape on the synthetic talks (slow: about 3 s a slide)
  --quick           one run of each, results not written (a smoke test)
  --no-write        print the table only`);
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  if (!o.growthRuns) o.growthRuns = o.runs;
  if (!(o.runs >= 1)) throw new Error('--runs must be at least 1');
  return o;
}

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Prepared {
  factor: number;
  label: string;
  talkDir?: string;
  deck: BuiltDeck;
  dirs: Record<DeckName, string>;
}

/** vite build of our deck into dir, timed; DECK_TALK picks the synthetic talk. */
async function buildOurs(dir: string, talkDir?: string) {
  const env = { ...process.env, ...(talkDir ? { DECK_TALK: talkDir } : {}) };
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  return must('vite build', await measure(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, env }));
}

async function buildMarpTimed(p: Prepared) {
  // Marp CLI's own time to turn the Markdown into HTML (buildMarp wrote talk.md already).
  return must(
    'marp',
    await measure(process.execPath, [marpCli(), '--no-config-file', '--html=false', join(p.dirs.marp, 'talk.md'), '-o', join(p.dirs.marp, 'index.html')], {
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
    }),
  );
}

async function prepare(factor: number): Promise<Prepared> {
  const label = `${factor}x`;
  const base = join(OUT, `talk-${label}`);
  let talkDir: string | undefined;
  let deck: BuiltDeck;
  if (factor === 1) deck = await buildTalk(ROOT);
  else {
    const t = await writeSyntheticTalk(ROOT, join(base, 'talk'), factor);
    talkDir = t.dir;
    deck = t.deck;
  }
  const dirs = { ours: join(base, 'ours'), marp: join(base, 'marp'), reveal: join(base, 'reveal') };
  await buildMarp(deck, dirs.marp);
  buildReveal(deck, dirs.reveal);
  return { factor, label, talkDir, deck, dirs };
}

async function measureBuilds(p: Prepared, runs: number): Promise<TalkResult['build']> {
  const ours = { seconds: [] as number[], peakMB: [] as number[] };
  const marp = { seconds: [] as number[], peakMB: [] as number[] };
  for (let i = 0; i < runs; i++) {
    log(`${p.label}: build ${i + 1}/${runs}`);
    const a = await buildOurs(p.dirs.ours, p.talkDir);
    ours.seconds.push(a.seconds);
    if (a.peakMB) ours.peakMB.push(a.peakMB);
    const b = await buildMarpTimed(p);
    marp.seconds.push(b.seconds);
    if (b.peakMB) marp.peakMB.push(b.peakMB);
  }
  const sum = (x: { seconds: number[]; peakMB: number[] }) => ({
    seconds: summarize(x.seconds),
    ...(x.peakMB.length ? { peakMB: summarize(x.peakMB) } : {}),
  });
  return { ours: sum(ours), marp: sum(marp) };
}

async function measureFirstSlides(browser: Browser, p: Prepared, runs: number): Promise<TalkResult['firstSlide']> {
  const served = {} as Record<DeckName, Served>;
  for (const d of DECKS) served[d] = await serveGzip(p.dirs[d]);
  const all = { ours: [], marp: [], reveal: [] } as Record<DeckName, FirstSlide[]>;
  try {
    for (let i = 0; i < runs; i++) {
      // A different deck goes first each run.
      for (const d of [...DECKS.slice(i % 3), ...DECKS.slice(0, i % 3)]) {
        log(`${p.label}: first slide, ${d}, run ${i + 1}/${runs}`);
        all[d].push(await openFirstSlide(browser, served[d], { throttle: true, timeoutMs: 600_000 }));
      }
    }
  } finally {
    for (const d of DECKS) await served[d].close();
  }
  const out = {} as TalkResult['firstSlide'];
  for (const d of DECKS) {
    const r = all[d];
    const bytes = {} as Record<keyof Bytes, Summary>;
    for (const k of [...KINDS, 'total'] as const) bytes[k] = summarize(r.map((x) => x.bytes[k]));
    out[d] = {
      bytes,
      requests: summarize(r.map((x) => x.requests)),
      fcp: summarize(r.map((x) => x.fcp)),
      lcp: summarize(r.map((x) => x.lcp)),
      ready: summarize(r.map((x) => x.ready)),
      foreign: [...new Set(r.flatMap((x) => x.foreign))],
      failed: [...new Set(r.flatMap((x) => x.failed))],
    };
  }
  return out;
}

async function measurePdfs(p: Prepared, runs: number, options: Options): Promise<TalkResult['pdf']> {
  if (!options.pdf) return undefined;
  const withDecktape = options.decktape && (p.factor === 1 || options.decktapeGrowth);
  const ours: PdfRun[] = [];
  const decktape: PdfRun[] = [];
  const served = await serveGzip(p.dirs.ours);
  try {
    for (let i = 0; i < runs; i++) {
      if (hasOurPdf(ROOT)) {
        log(`${p.label}: npm run pdf, run ${i + 1}/${runs}`);
        ours.push(await ourPdf(ROOT, p.dirs.ours, join(OUT, `talk-${p.label}`, 'pdf-ours'), p.talkDir));
      }
      if (withDecktape) {
        log(`${p.label}: decktape, run ${i + 1}/${runs}`);
        decktape.push(await decktapePdf(served, join(OUT, `talk-${p.label}`, 'pdf-decktape')));
      }
    }
  } finally {
    await served.close();
  }
  const sum = (r: PdfRun[]) => (r.length ? { seconds: summarize(r.map((x) => x.seconds)), pages: r[r.length - 1]!.pages } : undefined);
  return { ours: sum(ours), decktape: sum(decktape) };
}

function chromiumVersion(): string {
  try {
    return execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function packageVersion(name: string): string {
  try {
    // Ours in the project's node_modules, the peers in bench/peer-tools' own.
    const where = [join(ROOT, 'node_modules', name), join(ROOT, 'bench', 'peer-tools', 'node_modules', name)].find((d) => existsSync(d));
    return (JSON.parse(readFileSync(join(where ?? '', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const load = [loadavg()[0]!];
  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      freeMemoryGB: Math.round(freemem() / 2 ** 30),
      node: process.version,
      chromium: chromiumVersion(),
      loadAverage: [],
    },
    settings: {
      runs: options.runs,
      growthRuns: options.growthRuns,
      throttle: THROTTLE,
      gzipLevel: GZIP_LEVEL,
      viewport: '1280x720',
      revealTheme: REVEAL_THEME,
      versions: {
        'reveal.js': packageVersion('reveal.js'),
        '@marp-team/marp-cli': packageVersion('@marp-team/marp-cli'),
        decktape: packageVersion('decktape'),
        vite: packageVersion('vite'),
      },
    },
    talks: [],
  };
  const browser = await launch();
  try {
    for (const factor of [1, ...options.factors]) {
      const runs = factor === 1 ? options.runs : options.growthRuns;
      log(`${factor}x: preparing the talk and the peers`);
      const p = await prepare(factor);
      const build = await measureBuilds(p, runs);
      const firstSlide = await measureFirstSlides(browser, p, runs);
      const pdf = await measurePdfs(p, runs, options);
      results.talks.push({
        factor,
        slides: p.deck.slides.length,
        studies: p.deck.model.studies.studies.length,
        quotes: p.deck.model.quotes.quotes.length,
        runs,
        build,
        firstSlide,
        pdf,
      });
      load.push(loadavg()[0]!);
    }
  } finally {
    await browser.close();
  }
  results.machine.loadAverage = load.map((x) => Math.round(x * 100) / 100);
  results.minutes = Math.round((Date.now() - started) / 600) / 100;
  results.goals = evaluateGoals(results);
  const { markdown, table } = renderResults(results);
  if (options.write) {
    writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    // The follow-along relay's figures (npm run bench:follow -- --write) are kept as they are.
    const before = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '';
    const follow = sectionOf(before, 'follow');
    writeFileSync(join(ROOT, 'bench', 'results.md'), follow ? withSection(markdown, 'follow', follow) : markdown);
    log('wrote bench/results.md and bench/results.json');
  }
  console.log(table);
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
