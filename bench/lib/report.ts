// The results as tables (bench/results.md, and printed) and the goals checked against them.
import type { Bytes } from './bytes.ts';
import type { THROTTLE } from './first-slide.ts';
import { growth, type Summary } from './stats.ts';

export type DeckName = 'ours' | 'marp' | 'reveal';

export interface FirstSlideSummary {
  bytes: Record<keyof Bytes, Summary>;
  requests: Summary;
  fcp: Summary;
  lcp: Summary;
  ready: Summary;
  foreign: string[];
  failed: string[];
}

interface Timed {
  seconds: Summary;
  peakMB?: Summary;
}

interface PdfSummary {
  seconds: Summary;
  pages: Record<string, number>;
}

export interface TalkResult {
  factor: number;
  slides: number;
  studies: number;
  quotes: number;
  runs: number;
  build: { ours: Timed; marp: Timed };
  firstSlide: Record<DeckName, FirstSlideSummary>;
  pdf?: { ours?: PdfSummary; decktape?: PdfSummary };
}

export interface Goal {
  goal: string;
  met: boolean | null;
  detail: string;
}

export interface Results {
  date: string;
  machine: { cpu: string; cores: number; memoryGB: number; freeMemoryGB: number; node: string; chromium: string; loadAverage: number[] };
  settings: {
    runs: number;
    growthRuns: number;
    throttle: typeof THROTTLE;
    gzipLevel: number;
    viewport: string;
    revealTheme: string;
    versions: Record<string, string>;
  };
  talks: TalkResult[];
  minutes?: number;
  goals?: Goal[];
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (v: number) => `${Math.round(v)} ms`;
const s = (v: number) => `${v.toFixed(1)} s`;
const MB = (v: number) => `${Math.round(v)} MB`;
const x = (ours: number, peer: number) => (peer > 0 && Number.isFinite(ours / peer) ? `${(ours / peer).toFixed(2)}×` : '—');

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

function firstSlideTable(t: TalkResult): string {
  const f = t.firstSlide;
  const row = (label: string, get: (d: FirstSlideSummary) => number, fmt: (v: number) => string) => {
    const [o, m, r] = [get(f.ours), get(f.marp), get(f.reveal)];
    return [label, fmt(o), fmt(m), x(o, m), fmt(r), x(o, r)];
  };
  return table(
    ['First slide (real talk)', 'ours', 'Marp', 'ours ÷ Marp', 'plain Reveal.js', 'ours ÷ Reveal.js'],
    [
      row('bytes, total (gzip)', (d) => d.bytes.total.median, kB),
      row('— script', (d) => d.bytes.script.median, kB),
      row('— style', (d) => d.bytes.style.median, kB),
      row('— fonts', (d) => d.bytes.font.median, kB),
      row('— content (HTML, Markdown)', (d) => d.bytes.content.median, kB),
      row('bytes without the typeface', (d) => d.bytes.total.median - d.bytes.font.median, kB),
      row('requests', (d) => d.requests.median, String),
      row('first contentful paint', (d) => d.fcp.median, ms),
      row('largest contentful paint', (d) => d.lcp.median, ms),
      row('ready (Reveal ready; Marp: slide 1 active)', (d) => d.ready.median, ms),
    ],
  );
}

function buildPdfTable(t: TalkResult): string {
  const rows: string[][] = [
    ['build time (ours: vite build; Marp: marp-cli)', s(t.build.ours.seconds.median), s(t.build.marp.seconds.median), x(t.build.ours.seconds.median, t.build.marp.seconds.median)],
  ];
  if (t.build.ours.peakMB && t.build.marp.peakMB) {
    rows.push(['build peak memory', MB(t.build.ours.peakMB.median), MB(t.build.marp.peakMB.median), x(t.build.ours.peakMB.median, t.build.marp.peakMB.median)]);
  }
  const head = ['Build and PDF (real talk)', 'ours', 'peer', 'ours ÷ peer'];
  const pdf = t.pdf;
  if (pdf?.ours || pdf?.decktape) {
    const o = pdf.ours;
    const d = pdf.decktape;
    rows.push([
      'PDF time (ours: npm run pdf, slides + handout; peer: decktape reveal, slides)',
      o ? s(o.seconds.median) : 'not run',
      d ? s(d.seconds.median) : 'not run',
      o && d ? x(o.seconds.median, d.seconds.median) : '—',
    ]);
    const pages = (p?: PdfSummary) => (p ? Object.entries(p.pages).map(([f, n]) => `${n} (${f.replace(/\.pdf$/, '')})`).join(', ') : '—');
    rows.push(['PDF pages', pages(o), pages(d), '']);
  }
  return table(head, rows);
}

function growthTable(talks: TalkResult[]): string {
  const rows = talks.map((t) => {
    const f = t.firstSlide;
    return [
      `${t.factor}×`,
      String(t.slides),
      s(t.build.ours.seconds.median),
      t.build.ours.peakMB ? MB(t.build.ours.peakMB.median) : '—',
      s(t.build.marp.seconds.median),
      `${kB(f.ours.bytes.total.median)} / ${kB(f.marp.bytes.total.median)} / ${kB(f.reveal.bytes.total.median)}`,
      `${ms(f.ours.fcp.median)} / ${ms(f.marp.fcp.median)} / ${ms(f.reveal.fcp.median)}`,
      `${ms(f.ours.ready.median)} / ${ms(f.marp.ready.median)} / ${ms(f.reveal.ready.median)}`,
      t.pdf?.ours ? s(t.pdf.ours.seconds.median) : '—',
      t.pdf?.decktape ? s(t.pdf.decktape.seconds.median) : '—',
    ];
  });
  return table(
    ['talk', 'slides', 'vite build', 'build memory', 'marp-cli', 'first-slide bytes ours / Marp / Reveal.js', 'FCP ours / Marp / Reveal.js', 'ready ours / Marp / Reveal.js', 'npm run pdf', 'decktape'],
    rows,
  );
}

interface Measure {
  name: string;
  get: (t: TalkResult) => number | undefined;
  fmt: (v: number) => string;
}

const MEASURES: Measure[] = [
  { name: 'vite build time', get: (t) => t.build.ours.seconds.median, fmt: (v) => `${(v * 1000).toFixed(1)} ms` },
  { name: 'vite build peak memory', get: (t) => t.build.ours.peakMB?.median, fmt: (v) => `${(v * 1000).toFixed(0)} kB` },
  { name: 'first-slide bytes, ours', get: (t) => t.firstSlide.ours.bytes.total.median, fmt: (v) => `${v.toFixed(0)} B` },
  { name: 'first-slide bytes, Marp', get: (t) => t.firstSlide.marp.bytes.total.median, fmt: (v) => `${v.toFixed(0)} B` },
  { name: 'first-slide bytes, plain Reveal.js', get: (t) => t.firstSlide.reveal.bytes.total.median, fmt: (v) => `${v.toFixed(0)} B` },
  { name: 'FCP, ours', get: (t) => t.firstSlide.ours.fcp.median, fmt: (v) => `${v.toFixed(2)} ms` },
  { name: 'FCP, Marp', get: (t) => t.firstSlide.marp.fcp.median, fmt: (v) => `${v.toFixed(2)} ms` },
  { name: 'ready, ours', get: (t) => t.firstSlide.ours.ready.median, fmt: (v) => `${v.toFixed(2)} ms` },
  { name: 'npm run pdf time', get: (t) => t.pdf?.ours?.seconds.median, fmt: (v) => `${(v * 1000).toFixed(0)} ms` },
];

function growthAnalysis(talks: TalkResult[]): { text: string; linear: boolean | null } {
  if (talks.length < 3) return { text: 'Growth needs the real talk and two synthetic sizes (run without --no-growth).', linear: null };
  const rows: string[][] = [];
  let worst = 0;
  for (const m of MEASURES) {
    const points = talks.map((t) => ({ slides: t.slides, value: m.get(t) })).filter((p): p is { slides: number; value: number } => p.value !== undefined);
    if (points.length < 3) continue;
    const g = growth(points);
    if (g.verdict !== 'no measurable growth') worst = Math.max(worst, g.stepRatio);
    rows.push([m.name, ...g.perSlide.map(m.fmt), Number.isFinite(g.stepRatio) ? `${g.stepRatio.toFixed(2)}` : '—', g.verdict]);
  }
  const sizes = talks.map((t) => `${t.factor}×`);
  const steps = sizes.slice(1).map((to, i) => `per added slide, ${sizes[i]}→${to}`);
  return {
    text: table(['measure', ...steps, 'last step ÷ first step', 'growth'], rows),
    linear: worst <= 1.5,
  };
}

export function evaluateGoals(r: Results): Goal[] {
  const real = r.talks.find((t) => t.factor === 1);
  if (!real) return [];
  const f = real.firstSlide;
  const total = (d: DeckName) => f[d].bytes.total.median;
  const noFont = (d: DeckName) => f[d].bytes.total.median - f[d].bytes.font.median;
  const goals: Goal[] = [];
  const vsMarp = total('ours') / total('marp');
  const vsMarpNoFont = noFont('ours') / noFont('marp');
  goals.push({
    goal: "First-slide bytes at most 1.5× Marp's",
    met: vsMarp <= 1.5,
    detail:
      `${kB(total('ours'))} against ${kB(total('marp'))}: ${vsMarp.toFixed(2)}×. ` +
      `Marp loads no typeface (its theme uses the reader's system fonts; fonts ${kB(f.marp.bytes.font.median)}); ours loads Atkinson Hyperlegible ` +
      `(${kB(f.ours.bytes.font.median)}). Without the typeface: ${kB(noFont('ours'))} against ${kB(noFont('marp'))}, ${vsMarpNoFont.toFixed(2)}× ` +
      `(${vsMarpNoFont <= 1.5 ? 'within' : 'over'} 1.5×).`,
  });
  const vsReveal = total('reveal') / total('ours');
  goals.push({
    goal: 'First-slide bytes at least 5× below plain Reveal.js',
    met: vsReveal >= 5,
    detail: `${kB(total('ours'))} against ${kB(total('reveal'))}: ${vsReveal.toFixed(1)}× fewer (the stock theme alone carries ${kB(f.reveal.bytes.font.median)} of inlined fonts).`,
  });
  goals.push({
    goal: "First contentful paint no later than Marp's",
    met: f.ours.fcp.median <= f.marp.fcp.median,
    detail: `${ms(f.ours.fcp.median)} against ${ms(f.marp.fcp.median)} (medians of ${real.runs}; ours ranged ${ms(f.ours.fcp.min)}–${ms(f.ours.fcp.max)}, Marp ${ms(f.marp.fcp.min)}–${ms(f.marp.fcp.max)}).`,
  });
  // Issue 16: a lighter first slide, ahead of Marp with the typeface and not only without it.
  goals.push({
    goal: 'First slide at most 65 kB gzip with the typeface (issue 16)',
    met: total('ours') <= 65_000,
    detail: `${kB(total('ours'))}, of which the typeface, cut to the talk's characters, ${kB(f.ours.bytes.font.median)}.`,
  });
  goals.push({
    goal: 'First slide at most 45 kB gzip without the typeface (issue 16)',
    met: noFont('ours') <= 45_000,
    detail:
      `${kB(noFont('ours'))}: script ${kB(f.ours.bytes.script.median)}, style ${kB(f.ours.bytes.style.median)}, content ${kB(f.ours.bytes.content.median)}. ` +
      `Reveal.js alone is about 31.6 kB of script and 5 kB of style sheet (gzip), and the slides' markup about 7.8 kB, before any of the deck's own code.`,
  });
  for (const [name, key] of [['First contentful paint', 'fcp'], ['Largest contentful paint', 'lcp']] as const) {
    const ratio = f.ours[key].median / f.marp[key].median;
    goals.push({
      goal: `${name} at most 0.8× Marp's (issue 16)`,
      met: ratio <= 0.8,
      detail: `${ms(f.ours[key].median)} against ${ms(f.marp[key].median)}: ${ratio.toFixed(2)}× (ours ranged ${ms(f.ours[key].min)}–${ms(f.ours[key].max)}, Marp ${ms(f.marp[key].min)}–${ms(f.marp[key].max)}).`,
    });
  }
  const pdf = real.pdf;
  if (pdf?.ours && pdf.decktape) {
    const speed = pdf.decktape.seconds.median / pdf.ours.seconds.median;
    goals.push({
      goal: 'npm run pdf at least 5× faster than decktape',
      met: speed >= 5,
      detail: `${s(pdf.ours.seconds.median)} (slides and handout) against ${s(pdf.decktape.seconds.median)} (slides only): ${speed.toFixed(1)}× faster.`,
    });
  } else {
    goals.push({ goal: 'npm run pdf at least 5× faster than decktape', met: null, detail: pdf?.ours ? 'decktape was not run.' : 'npm run pdf was not run (or does not exist yet).' });
  }
  const g = growthAnalysis(r.talks);
  goals.push({
    goal: 'Growth linear in slides',
    met: g.linear,
    detail: g.linear === null ? g.text : g.linear ? 'No measure grows faster than linearly (see the growth tables).' : 'Some measure grows faster than linearly (see the growth tables).',
  });
  return goals;
}

export function renderResults(r: Results): { markdown: string; table: string; goals: Goal[] } {
  const real = r.talks.find((t) => t.factor === 1);
  const goals = evaluateGoals(r);
  const parts: string[] = [];
  if (real) parts.push(firstSlideTable(real), buildPdfTable(real));
  if (r.talks.length > 1) parts.push(growthTable(r.talks), growthAnalysis(r.talks).text);
  const mark = (g: Goal) => (g.met === null ? '–' : g.met ? '✓' : '✗');
  parts.push(goals.map((g) => `- ${mark(g)} **${g.goal}.** ${g.detail}`).join('\n'));
  const table = parts.join('\n\n');
  const t = r.settings.throttle;
  const markdown = `# Benchmark: our deck against Marp and plain Reveal.js

Written by \`npm run bench\` on ${r.date.slice(0, 10)} (${r.minutes ?? '?'} minutes). Every timing is the median of ${r.settings.runs} runs
(${r.settings.growthRuns} for the synthetic talks); all runs are in \`results.json\`. "ours ÷ peer" below 1 means ours is smaller or faster.

**How.** The same talk three ways: ours (\`vite build\`), Marp (Marp Markdown written from our slide descriptions by
\`bench/peers/to-marp.ts\`, built by Marp CLI ${r.settings.versions['@marp-team/marp-cli']} with its default theme), and plain Reveal.js ${r.settings.versions['reveal.js']}
as its docs set it up (\`bench/peers/to-reveal.ts\`: stock \`${r.settings.revealTheme}\` theme, the Markdown plugin turning each slide's Markdown
into HTML in the browser, the notes plugin, files served locally). Each is served from 127.0.0.1 by a small server that
gzips text as a web server would (level ${r.settings.gzipLevel}; fonts and pictures as they are) and counts the bytes it sends:
everything Chromium fetches from opening the page until the deck is ready, its fonts are in and the network has been
quiet for 0.5 s. Each run opens a fresh browser context (empty cache) at ${r.settings.viewport} with the CPU slowed ${t.cpu}× and the network shaped to
${t.downloadBitsPerSecond / 1e6} Mbit/s down, ${t.uploadBitsPerSecond / 1e3} kbit/s up and ${t.latencyMs} ms round trips (DevTools protocol:
Emulation.setCPUThrottlingRate, Network.emulateNetworkConditions). Inline parts of a file (a \`<script>\` or \`<style>\` in
the page, fonts as data: addresses in a style sheet) are attributed by compressing each part alone. 1 kB = 1000 bytes.
Build time is wall-clock \`vite build\` (no preview picture), peak memory the largest resident set (GNU time).
PDF: \`npm run pdf -- --no-build\` (both PDFs) against \`decktape reveal\` (default 1 s pause a slide) on the same built deck.
Growth: synthetic talks of about 10× and 100× the slides (extra studies and quotes, same schema, \`DECK_TALK=<folder>\`).

**Machine.** ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGB} GB; Node ${r.machine.node}; ${r.machine.chromium}.
Load average at the start and after each talk: ${r.machine.loadAverage.join(', ')}${Math.max(...r.machine.loadAverage) > r.machine.cores ? ' — the machine was busy with other work, so absolute times are slower than on an idle machine; the runs were interleaved so it weighs on every deck alike' : ''}.

${table}
`;
  return { markdown, table, goals };
}
