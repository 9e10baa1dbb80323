// npm run bench:sources (and the first part of npm run bench): npm run check on a hostile talk folder, timed. The
// real talk, plus a 5 MB source, a takeaway quoting it with ten ellipses and one word that is not there, and a
// study of 1,000 results whose figures are each looked up in that source. Prints the median and slowest of the runs;
// the budget is 10 s on 2 cores (issue 24). Nothing is asserted here: the tests look for hangs, this for speed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = resolve(ROOT, '.tmp', 'bench-hostile-talk');
rmSync(dir, { recursive: true, force: true });
for (const part of ['data', 'slides', 'sources']) cpSync(resolve(ROOT, part), resolve(dir, part), { recursive: true });

// 5 MB of sentences, each with a figure of its own.
const sentences: string[] = [];
let size = 0;
for (let i = 0; size < 5_000_000; i++) {
  const s = `Group ${i} improved by ${i}.${i % 10} points after the sessions, and the therapists noted the change. `;
  sentences.push(s);
  size += s.length;
}
writeFileSync(resolve(dir, 'sources/big.txt'), sentences.join('\n'));

// A takeaway quoting the big source with ten ellipses, and a word it does not have at the end.
const quote = `${Array(10).fill('the').join(' … ')} … zebra`;
const takeaways = readFileSync(resolve(dir, 'data/takeaways.yaml'), 'utf8').replace(/\ntakeaways:\n/, `\ntakeaways:\n  - text: 'The sources say “${quote}”.'\n    basis: [big-study]\n`);
writeFileSync(resolve(dir, 'data/takeaways.yaml'), takeaways);

// A study of 1,000 results, each figure looked up in the big source.
const results = Array.from({ length: 1000 }, (_, i) => {
  const n = i * 37;
  return `      - outcome: Group ${n}\n        direction: improved\n        change: ${n}.${n % 10}\n        unit: points\n`;
}).join('');
const study = `  - id: big-study
    from: big
    shortTitle: A very large study
    title: A very large study of many groups
    design: [cohort study]
    measured: Points after the sessions
    results:
${results}    conclusion: the therapists noted the change.
    meaning: Each group improved.
    caveat: Made up for the benchmark.
    notes: A study with a thousand results.
    citation:
      authors: Nobody
      journal: The benchmark
      year: 2026
`;
const studies = readFileSync(resolve(dir, 'data/studies.yaml'), 'utf8').replace(/\nstudies:\n/, `\nstudies:\n${study}`);
writeFileSync(resolve(dir, 'data/studies.yaml'), studies);
mkdirSync(resolve(dir, 'dist'), { recursive: true });

const times: number[] = [];
let last = '';
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/cli/check.ts'), '--talk', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DECK_TALK_MEMORY: 'off' },
    timeout: 600_000,
  });
  times.push((performance.now() - t) / 1000);
  last = `${run.status} ${(run.stderr.split('\n').find((l) => l.includes('zebra')) ?? '').slice(0, 160)}`;
}
times.sort((a, b) => a - b);
console.log(`npm run check on a hostile talk (5 MB source, a 10-ellipsis quote, 1,000 figures), ${RUNS} runs:`);
console.log(`  median ${times[Math.floor(times.length / 2)]!.toFixed(2)} s, slowest ${times.at(-1)!.toFixed(2)} s (budget 10 s)`);
console.log(`  exit code and the misquote's line: ${last}`);
