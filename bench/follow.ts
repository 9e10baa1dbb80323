// `npm run bench:follow`: the follow-along relay under 200 listeners on loopback.
// Starts `npm run present`'s server as a process of its own (so its memory is its own), connects the listeners and
// a presenter over real WebSockets on 127.0.0.1, makes a fixed number of slide changes, and prints the presenter→
// listener delay (50th, 90th, 99th percentile, worst) and the relay's memory before and with the listeners.
// Bounded: a fixed count of sockets and changes, and a time limit after which it stops by itself.
//
//   npm run bench:follow -- [--listeners 200] [--changes 200] [--gap 50] [--json]
//   npm run bench:follow -- --processes 3 --listeners 3000      several processes on one Redis (bench/follow-shared.ts)
//
// Another script may import runFollowBench() and use the numbers it returns.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { authMessage, stateMessage } from '../src/present/protocol.ts';
import type { RelayStats } from '../src/present/relay.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TIME_LIMIT_MS = 120_000;

export interface FollowBenchOptions {
  listeners?: number;
  changes?: number;
  /** ms between two changes; the presenter's page sends at most one every 50 ms. */
  gapMs?: number;
  /** Changes sent first and not measured (the relay's code warming up). */
  warmup?: number;
}

export interface FollowBenchResult {
  listeners: number;
  changes: number;
  /** Every listener received every change, in order. */
  complete: boolean;
  delayMs: { p50: number; p90: number; p99: number; max: number; samples: number };
  memory: {
    /** The relay process before any listener connected. */
    before: { rssMB: number; heapUsedMB: number };
    /** With every listener connected, before the first change. */
    connected: { rssMB: number; heapUsedMB: number };
    /** With every listener connected, after all the changes. */
    with: { rssMB: number; heapUsedMB: number };
    /** The most the relay process ever held. */
    peakRssMB: number;
    rssDeltaMB: number;
    heapDeltaMB: number;
    /** heap delta per listener */
    perListenerKB: number;
  };
  relay: RelayStats;
}

type Memory = NodeJS.MemoryUsage;
type Ready = { port: number; presenterUrl: string; listenerUrl: string };

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 10) / 10;
}

export async function runFollowBench(options: FollowBenchOptions = {}): Promise<FollowBenchResult> {
  const listeners = Math.min(Math.max(options.listeners ?? 200, 1), 10_000);
  const changes = Math.min(Math.max(options.changes ?? 200, 1), 2000);
  const gapMs = Math.max(options.gapMs ?? 50, 34);
  const warmup = options.warmup ?? 10;

  // The relay serves a folder too; a one-page stand-in is enough here (the relay's work does not depend on it).
  const dist = mkdtempSync(resolve(tmpdir(), 'bench-follow-'));
  writeFileSync(resolve(dist, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');

  const child = fork(resolve(ROOT, 'src/present/cli.ts'), ['--dist', dist, '--port', '0', '--host', '127.0.0.1', '--max-per-address', String(listeners + 10)], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const sockets: WebSocket[] = [];
  const stop = () => {
    for (const ws of sockets) ws.terminate();
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dist, { recursive: true, force: true });
  };
  const limit = setTimeout(() => {
    console.error(`bench:follow: still running after ${TIME_LIMIT_MS / 1000} s; stopping.`);
    stop();
    process.exit(1);
  }, TIME_LIMIT_MS);
  limit.unref();

  try {
    const ready = await new Promise<Ready>((ok, fail) => {
      child.once('message', (m) => ok(m as Ready));
      child.once('exit', (code) => fail(new Error(`the relay exited (${code})`)));
    });
    // The relay's counters and memory, after a full garbage collection.
    const ask = () =>
      new Promise<{ stats: RelayStats; memory: Memory; maxRssKB: number }>((ok) => {
        const on = (m: { type?: string; stats: RelayStats; memory: Memory; maxRssKB: number }) => {
          if (m?.type !== 'stats') return;
          child.off('message', on);
          ok(m);
        };
        child.on('message', on);
        child.send({ type: 'stats', gc: true });
      });
    const wsUrl = new URL('follow', ready.listenerUrl);
    wsUrl.protocol = 'ws:';
    const token = new URLSearchParams(new URL(ready.presenterUrl).hash.slice(1)).get('presenter')!;

    await sleep(300);
    const before = (await ask()).memory;

    // Listeners: each records when each message arrived.
    const total = warmup + changes;
    const arrivals: number[][] = [];
    const heard: string[][] = [];
    const open = (onMessage?: (text: string) => void) =>
      new Promise<WebSocket>((ok, fail) => {
        const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
        sockets.push(ws);
        ws.once('open', () => ok(ws));
        ws.once('error', fail);
        if (onMessage) ws.on('message', (data) => onMessage(String(data)));
      });
    for (let i = 0; i < listeners; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, listeners - i) }, () => {
          const times: number[] = [];
          const texts: string[] = [];
          arrivals.push(times);
          heard.push(texts);
          return open((text) => {
            // The slides only (a relay taking questions first says so: not a move).
            if (!text.startsWith('{"type":"state"')) return;
            times.push(performance.now());
            texts.push(text);
          });
        }),
      );
    }

    while ((await ask()).stats.listeners < listeners) await sleep(20);
    const connected = (await ask()).memory;

    const presenter = await open();
    const welcomed = new Promise<void>((ok) => presenter.on('message', (data) => String(data).includes('"welcome"') && ok()));
    presenter.send(authMessage(token));
    await welcomed;

    const sentAt: number[] = [];
    const expected: string[] = [];
    for (let n = 0; n < total; n++) {
      // Slides and fragments, every state different from the one before.
      const state = { h: 1 + Math.floor(n / 3), v: 0, f: n % 3 === 0 ? null : (n % 3) - 1 };
      expected.push(stateMessage(state));
      sentAt.push(performance.now());
      presenter.send(stateMessage(state));
      await sleep(gapMs);
    }
    const deadline = Date.now() + 10_000;
    while (arrivals.some((a) => a.length < total) && Date.now() < deadline) await sleep(20);

    const after = await ask();
    const complete = heard.every((texts) => texts.length === total && texts.every((t, i) => t === expected[i]));
    const delays = arrivals
      .flatMap((times) => times.slice(warmup, total).map((t, i) => t - sentAt[warmup + i]!))
      .sort((a, b) => a - b);
    const heapDelta = after.memory.heapUsed - before.heapUsed;
    return {
      listeners,
      changes,
      complete,
      delayMs: {
        p50: percentile(delays, 0.5),
        p90: percentile(delays, 0.9),
        p99: percentile(delays, 0.99),
        max: percentile(delays, 1),
        samples: delays.length,
      },
      memory: {
        before: { rssMB: mb(before.rss), heapUsedMB: mb(before.heapUsed) },
        connected: { rssMB: mb(connected.rss), heapUsedMB: mb(connected.heapUsed) },
        with: { rssMB: mb(after.memory.rss), heapUsedMB: mb(after.memory.heapUsed) },
        peakRssMB: mb(after.maxRssKB * 1024),
        rssDeltaMB: mb(after.memory.rss - before.rss),
        heapDeltaMB: mb(heapDelta),
        perListenerKB: Math.round(heapDelta / 1024 / listeners),
      },
      relay: after.stats,
    };
  } finally {
    clearTimeout(limit);
    stop();
  }
}

function report(r: FollowBenchResult): string {
  return [
    `follow-along relay, ${r.listeners} listeners on 127.0.0.1, ${r.changes} slide changes`,
    `  every listener got every change, in order: ${r.complete ? 'yes' : 'NO'}`,
    `  delay presenter → listener: p50 ${r.delayMs.p50} ms, p90 ${r.delayMs.p90} ms, p99 ${r.delayMs.p99} ms, worst ${r.delayMs.max} ms (${r.delayMs.samples} deliveries)`,
    `  relay memory (after a full GC): RSS ${r.memory.before.rssMB} MB with no listener, ${r.memory.connected.rssMB} MB with ${r.listeners} connected,` +
      ` ${r.memory.with.rssMB} MB after the changes (${r.memory.rssDeltaMB >= 0 ? '+' : ''}${r.memory.rssDeltaMB} MB); peak RSS ${r.memory.peakRssMB} MB`,
    `  relay heap: ${r.memory.before.heapUsedMB} MB → ${r.memory.with.heapUsedMB} MB (+${r.memory.heapDeltaMB} MB, about ${r.memory.perListenerKB} kB a listener)`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      listeners: { type: 'string' },
      changes: { type: 'string' },
      gap: { type: 'string' },
      processes: { type: 'string' },
      json: { type: 'boolean' },
      write: { type: 'boolean' },
    },
  });
  if (values.write) {
    // Both cases, one after the other, into bench/results.md: one process, and three on one Redis.
    const listeners = values.listeners ? Number(values.listeners) : 3000;
    const changes = values.changes ? Number(values.changes) : 100;
    const processes = values.processes ? Number(values.processes) : 3;
    const { runSharedBench, reportShared } = await import('./follow-shared.ts');
    const { writeSection } = await import('./lib/results-section.ts');
    const { loadavg, cpus } = await import('node:os');
    const one = await runFollowBench({ listeners, changes });
    const shared = await runSharedBench({ processes, listeners, changes });
    const text = [
      '## Follow-along relay: one process, and several on one Redis',
      '',
      `Written by \`npm run bench:follow -- --write\` on ${new Date().toISOString().slice(0, 10)} (${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(', ')} at the end). ` +
        'Listeners, presenter and relays on 127.0.0.1; the delay is from the presenter sending a change to each listener receiving it. ' +
        `In the ${processes}-process case, listeners on the processes other than the presenter's hear each move through Redis pub/sub.`,
      '',
      '```',
      report(one),
      '',
      reportShared(shared),
      '```',
      '',
      'Reconnecting after the kill takes as long as the process takes to start again (tsx compiling the server, about 4 s here); a listener\'s page retries every few hundred ms and lands on the current slide. A question refused for the one-address limit is told to the listener ("You sent several questions just now"), never dropped.',
    ].join('\n');
    writeSection('follow', text);
    console.log(text);
    process.exit(one.complete && shared.complete && shared.questions.atPresenter === shared.questions.arrived ? 0 : 1);
  }
  if (values.processes) {
    const { runSharedBench, reportShared } = await import('./follow-shared.ts');
    const result = await runSharedBench({
      processes: Number(values.processes),
      listeners: values.listeners ? Number(values.listeners) : undefined,
      changes: values.changes ? Number(values.changes) : undefined,
      gapMs: values.gap ? Number(values.gap) : undefined,
    });
    console.log(values.json ? JSON.stringify(result, null, 2) : reportShared(result));
    process.exit(result.complete && result.questions.atPresenter === result.questions.arrived ? 0 : 1);
  }
  runFollowBench({
    listeners: values.listeners ? Number(values.listeners) : undefined,
    changes: values.changes ? Number(values.changes) : undefined,
    gapMs: values.gap ? Number(values.gap) : undefined,
  }).then(
    (result) => {
      console.log(values.json ? JSON.stringify(result, null, 2) : report(result));
      process.exit(result.complete ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
