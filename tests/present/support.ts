// Helpers for the follow-along tests: a relay on 127.0.0.1 serving a tiny deck folder, Node WebSocket clients
// that record everything they hear, and (for the browser tests) a real build of the deck and Debian's Chromium.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { WebSocket } from 'ws';
import { startPresentServer, type PresentOptions, type PresentServer } from '../../src/present/server.ts';
import { authMessage, stateMessage, type SlideState } from '../../src/present/protocol.ts';
import type { RelayStats } from '../../src/present/relay.ts';

export { ROOT } from '../support/project.ts';
import { buildDeckInto, ROOT } from '../support/project.ts';

/** A folder that looks like dist/ to the server: one small page and one asset. */
export function tinyDist(): string {
  const dir = mkdtempSync(resolve(tmpdir(), 'present-dist-'));
  writeFileSync(resolve(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>deck</body></html>');
  mkdirSync(resolve(dir, 'assets'));
  writeFileSync(resolve(dir, 'assets', 'a.js'), 'console.log(1)');
  writeFileSync(resolve(dir, '.secret'), 'hidden');
  return dir;
}

export function startRelay(options: Partial<PresentOptions> = {}): Promise<PresentServer> {
  return startPresentServer({ dist: options.dist ?? tinyDist(), port: 0, host: '127.0.0.1', ...options });
}

/** ws://… for the relay behind a base such as http://127.0.0.1:1234/ */
export function wsUrl(base: string, path = 'follow'): string {
  const url = new URL(path, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export interface Client {
  ws: WebSocket;
  /** Every text message heard, in order. */
  messages: string[];
  /** Resolves with the close code when the connection ends. */
  closed: Promise<number>;
  isOpen(): boolean;
  send(text: string | Buffer): void;
  sendState(state: SlideState): void;
  /** Waits until `count` messages have arrived. */
  waitForMessages(count: number, timeoutMs?: number): Promise<string[]>;
  close(): void;
}

export async function connect(base: string, options: { path?: string } = {}): Promise<Client> {
  const ws = new WebSocket(wsUrl(base, options.path), { perMessageDeflate: false });
  const messages: string[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data, isBinary) => {
    messages.push(isBinary ? `<binary ${String(data)}>` : String(data));
    for (const w of waiters) w();
  });
  const closed = new Promise<number>((ok) => ws.on('close', (code) => ok(code)));
  ws.on('error', () => {});
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', fail);
  });
  const client: Client = {
    ws,
    messages,
    closed,
    isOpen: () => ws.readyState === WebSocket.OPEN,
    send: (text) => ws.send(text),
    sendState: (state) => ws.send(stateMessage(state)),
    waitForMessages(count, timeoutMs = 5000) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          fail(new Error(`expected ${count} messages, got ${messages.length}: ${messages.join(' ')}`));
        }, timeoutMs);
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          ok(messages);
        };
        waiters.add(check);
      });
    },
    close: () => ws.close(),
  };
  return client;
}

/** A presenter: connected, authenticated, and its message list emptied (the relay's last state, the welcome). */
export async function presenter(base: string, token: string): Promise<Client> {
  const client = await connect(base);
  client.send(authMessage(token));
  await waitUntil(() => client.messages.some((m) => m.includes('"welcome"')), 5000, 'the presenter\'s welcome');
  client.messages.length = 0;
  return client;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export function stateText(h: number, v = 0, f: number | null = null): string {
  return stateMessage({ h, v, f });
}

// ---- browser tests -------------------------------------------------------------------------------------------

/** Debian's Chromium ($CHROME_PATH or /usr/bin/chromium): never a downloaded browser; a missing one fails the test
 *  with the command that installs it. */
export { launchChromium } from '../../src/chromium/chromium.ts';

/** Builds the deck with the project's Vite config into .tmp/<name>, never touching dist/. */
export function buildDeck(name: string): Promise<string> {
  return buildDeckInto(resolve(ROOT, '.tmp', name));
}

// ---- `npm run present` as a process of its own ------------------------------------------------------------------

export interface PresentProcess {
  child: ChildProcess;
  port: number;
  presenterUrl: string;
  listenerUrl: string;
  token: string;
  /** What it printed so far. */
  output(): string;
  /** The relay's counters and the process's memory, asked over IPC. */
  stats(): Promise<RelayStats & { memory: NodeJS.MemoryUsage }>;
  /** SIGKILL: gone at once, as in a crash. */
  kill(): Promise<void>;
}

/** Runs src/present/cli.ts (what `npm run present` runs) with tsx, on 127.0.0.1. */
export async function presentProcess(args: string[]): Promise<PresentProcess> {
  const child = fork(resolve(ROOT, 'src/present/cli.ts'), ['--host', '127.0.0.1', ...args], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const ready = await new Promise<{ port: number; presenterUrl: string; listenerUrl: string }>((ok, fail) => {
    const onMessage = (m: { type?: string }) => {
      if (m?.type !== 'ready') return;
      child.off('message', onMessage);
      ok(m as { port: number; presenterUrl: string; listenerUrl: string });
    };
    child.on('message', onMessage);
    child.once('exit', (code) => fail(new Error(`npm run present exited (${code}): ${output}`)));
  });
  return {
    child,
    ...ready,
    token: new URLSearchParams(new URL(ready.presenterUrl).hash.slice(1)).get('presenter') ?? '',
    output: () => output,
    stats() {
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error('no stats from the relay process')), 5000);
        const onMessage = (m: { type?: string; stats?: RelayStats; memory?: NodeJS.MemoryUsage }) => {
          if (m?.type !== 'stats') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          ok({ ...m.stats!, memory: m.memory! });
        };
        child.on('message', onMessage);
        child.send({ type: 'stats' });
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
