// `npm run bench:follow -- --processes 3 --listeners 3000`: several relay processes on one Redis (Debian's
// redis-server, started here on a free loopback port). The listeners are spread over the processes, the presenter
// connects to the first; a fixed number of slide changes is made, and half-way through the last process is killed
// (SIGKILL) and started again on its port: its listeners reconnect and must land on the current slide. Questions are
// asked through the other processes all along; every one the relay answered "arrived" must be in the presenter's
// list at the end. Prints the presenter → listener delay (median, p99, worst) over all listeners.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { WebSocket } from 'ws';
import { askMessage, authMessage, stateMessage } from '../src/present/protocol.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TIME_LIMIT_MS = 300_000;

export interface SharedBenchOptions {
  processes?: number;
  listeners?: number;
  changes?: number;
  gapMs?: number;
}

export interface SharedBenchResult {
  processes: number;
  listeners: number;
  changes: number;
  delayMs: { p50: number; p99: number; max: number; samples: number };
  /** Listeners of the killed process that reconnected and landed on the current slide. */
  restart: { listeners: number; reconnected: number; onCurrentSlide: number; reconnectMs: { p50: number; max: number } };
  /** Every question answered "arrived" is in the presenter's list; the others were refused with a reason (the limit
   *  of questions from one address: every bench listener is 127.0.0.1). */
  questions: { asked: number; arrived: number; refused: number; atPresenter: number };
  /** Every listener of the processes left running got every change after warm-up, in order. */
  complete: boolean;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const pct = (sorted: number[], p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 10) / 10 : NaN);

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export async function runSharedBench(options: SharedBenchOptions = {}): Promise<SharedBenchResult> {
  const processes = Math.min(Math.max(options.processes ?? 3, 2), 8);
  const listeners = Math.min(Math.max(options.listeners ?? 3000, processes), 10_000);
  const changes = Math.min(Math.max(options.changes ?? 100, 10), 2000);
  const gapMs = Math.max(options.gapMs ?? 50, 34);
  const dir = mkdtempSync(resolve(tmpdir(), 'bench-shared-'));
  const dist = resolve(dir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  (await import('node:fs')).mkdirSync(dist);
  writeFileSync(resolve(dist, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  const redisPort = await freePort();
  const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    let out = '';
    redis.stdout!.on('data', (d) => {
      out += d;
      if (/Ready to accept connections/.test(out)) ok();
    });
    redis.once('exit', (code) => fail(new Error(`redis-server exited (${code}); is it installed? (node scripts/ensure-redis.mjs)`)));
  });
  const children: ChildProcess[] = [];
  const sockets = new Set<WebSocket>();
  const tokenFile = resolve(dir, 'token');
  const call = `bench-${Date.now()}`;
  const startRelay = (port: number) =>
    new Promise<{ child: ChildProcess; port: number; url: string }>((ok, fail) => {
      const child = fork(
        resolve(ROOT, 'src/present/cli.ts'),
        ['--dist', dist, '--port', String(port), '--host', '127.0.0.1', '--max-per-address', String(listeners + 100), '--redis', `redis://127.0.0.1:${redisPort}`, '--token-file', tokenFile, '--call', call],
        { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
      );
      children.push(child);
      child.once('message', (m: { port: number; listenerUrl: string }) => ok({ child, port: m.port, url: m.listenerUrl }));
      child.once('exit', (code) => fail(new Error(`a relay exited (${code})`)));
    });
  const stop = () => {
    for (const ws of sockets) ws.terminate();
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    redis.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const limit = setTimeout(() => {
    console.error(`bench:follow (shared): still running after ${TIME_LIMIT_MS / 1000} s; stopping.`);
    stop();
    process.exit(1);
  }, TIME_LIMIT_MS);
  limit.unref();
  try {
    // One at a time: the first makes the token file the others read.
    const relays: { child: ChildProcess; port: number; url: string }[] = [];
    for (let i = 0; i < processes; i++) relays.push(await startRelay(0));
    const wsUrl = (url: string) => {
      const u = new URL('follow', url);
      u.protocol = 'ws:';
      return u.href;
    };
    const token = (await import('node:fs')).readFileSync(tokenFile, 'utf8').trim();

    /** A listener that reconnects when its process goes away, noting each slide it hears and when. */
    interface Listener {
      relay: number;
      times: number[];
      texts: string[];
      /** After a reconnect: when it was back, and the first slide it heard then. */
      back?: { at: number; first?: string };
      ws?: WebSocket;
    }
    const all: Listener[] = [];
    const connectListener = (l: Listener, reconnecting = false): Promise<void> =>
      new Promise((ok) => {
        const ws = new WebSocket(wsUrl(relays[l.relay]!.url), { perMessageDeflate: false });
        sockets.add(ws);
        l.ws = ws;
        ws.on('message', (data) => {
          const text = String(data);
          if (!text.startsWith('{"type":"state"')) return;
          if (l.back && l.back.first === undefined) l.back.first = text;
          l.times.push(performance.now());
          l.texts.push(text);
        });
        ws.once('open', () => {
          if (reconnecting) l.back = { at: performance.now() };
          ok();
        });
        ws.on('error', () => {});
        ws.once('close', () => {
          sockets.delete(ws);
          // Gone with its process: back as soon as the process is (a page's live link does the same).
          if (!stopping) setTimeout(() => void retry(l), 200);
        });
      });
    let stopping = false;
    const retry = async (l: Listener) => {
      while (!stopping) {
        try {
          await Promise.race([connectListener(l, true), sleep(3000).then(() => Promise.reject(new Error('timeout')))]);
          return;
        } catch {
          await sleep(200);
        }
      }
    };
    for (let i = 0; i < listeners; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, listeners - i) }, (_, k) => {
          const l: Listener = { relay: (i + k) % processes, times: [], texts: [] };
          all.push(l);
          return connectListener(l);
        }),
      );
    }
    const presenter = new WebSocket(wsUrl(relays[0]!.url), { perMessageDeflate: false });
    sockets.add(presenter);
    const presenterHeard: string[] = [];
    presenter.on('message', (d) => presenterHeard.push(String(d)));
    await new Promise((ok) => presenter.once('open', ok));
    presenter.send(authMessage(token));
    while (!presenterHeard.some((m) => m.includes('"welcome"'))) await sleep(20);

    // Questions, through the processes other than the presenter's, all along.
    const askers = all.filter((l) => l.relay !== 0 && l.relay !== processes - 1).slice(0, 20);
    let asked = 0;
    let arrived = 0;
    let refused = 0;
    for (const a of askers)
      a.ws!.on('message', (d) => {
        const text = String(d);
        if (text === '{"type":"asked","ok":true}') arrived++;
        else if (text.startsWith('{"type":"asked","ok":false')) refused++;
      });

    const warmup = 10;
    const total = warmup + changes;
    const sentAt: number[] = [];
    const expected: string[] = [];
    let killedAt = 0;
    const victim = all.filter((l) => l.relay === processes - 1);
    for (let n = 0; n < total; n++) {
      const state = { h: 1 + Math.floor(n / 3), v: 0, f: n % 3 === 0 ? null : (n % 3) - 1 };
      expected.push(stateMessage(state));
      sentAt.push(performance.now());
      presenter.send(stateMessage(state));
      if (n % 10 === 5 && askers.length) {
        askers[asked % askers.length]!.ws!.send(askMessage(`Question ${asked + 1} during the bench?`));
        asked++;
      }
      if (n === Math.floor(total / 2)) {
        // The last process, killed as in a crash, then started again on its port.
        const last = relays[processes - 1]!;
        last.child.kill('SIGKILL');
        killedAt = performance.now();
        relays[processes - 1] = await startRelay(last.port);
      }
      await sleep(gapMs);
    }
    const deadline = Date.now() + 20_000;
    const survivors = all.filter((l) => l.relay !== processes - 1);
    while ((survivors.some((l) => l.texts.length < total) || victim.some((l) => l.back?.first === undefined) || arrived + refused < asked) && Date.now() < deadline) await sleep(50);
    await sleep(500);
    const lastList = [...presenterHeard].reverse().find((m) => m.includes('"questions"'));
    const atPresenter = lastList ? (JSON.parse(lastList) as { items: unknown[] }).items.length : 0;
    const delays = survivors.flatMap((l) => l.times.slice(warmup, total).map((t, i) => t - sentAt[warmup + i]!)).sort((a, b) => a - b);
    const current = (first: string | undefined) => first !== undefined && expected.indexOf(first) >= expected.length - 3;
    const reconnectMs = victim.filter((l) => l.back).map((l) => l.back!.at - killedAt).sort((a, b) => a - b);
    return {
      processes,
      listeners,
      changes,
      delayMs: { p50: pct(delays, 0.5), p99: pct(delays, 0.99), max: pct(delays, 1), samples: delays.length },
      restart: {
        listeners: victim.length,
        reconnected: victim.filter((l) => l.back).length,
        onCurrentSlide: victim.filter((l) => l.back && (current(l.back.first) || l.texts.at(-1) === expected.at(-1))).length,
        reconnectMs: { p50: pct(reconnectMs, 0.5), max: pct(reconnectMs, 1) },
      },
      questions: { asked, arrived, refused, atPresenter },
      complete: survivors.every((l) => l.texts.length === total && l.texts.every((t, i) => t === expected[i])),
    };
  } finally {
    clearTimeout(limit);
    stop();
  }
}

export function reportShared(r: SharedBenchResult): string {
  return [
    `follow-along relay, ${r.processes} processes on one Redis, ${r.listeners} listeners spread over them on 127.0.0.1, ${r.changes} slide changes`,
    `  delay presenter → listener (presenter on process 1): p50 ${r.delayMs.p50} ms, p99 ${r.delayMs.p99} ms, worst ${r.delayMs.max} ms (${r.delayMs.samples} deliveries)`,
    `  every listener of the processes left running got every change, in order: ${r.complete ? 'yes' : 'NO'}`,
    `  process ${r.processes} killed and restarted mid-run: ${r.restart.reconnected} of its ${r.restart.listeners} listeners reconnected (p50 ${r.restart.reconnectMs.p50} ms, worst ${r.restart.reconnectMs.max} ms after the kill), ${r.restart.onCurrentSlide} on the current slide`,
    `  questions asked through the other processes: ${r.questions.asked}; answered "arrived": ${r.questions.arrived}, all in the presenter's list: ${r.questions.atPresenter === r.questions.arrived ? 'yes' : 'NO'} (${r.questions.atPresenter}); refused with a reason (one address's limit): ${r.questions.refused}`,
  ].join('\n');
}
