// Several relay processes on one Redis (issue 27, item 5): Debian's redis-server on a free loopback port, two
// `npm run present --redis` processes sharing a token file. A listener on one follows a presenter on the other; a
// question asked on one reaches the presenter on the other; the presenter hears the total of listeners; when Redis
// goes away the presenter is told, a question asked meanwhile is held and arrives when Redis is back.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { askMessage, type QuestionItem } from '../../src/present/protocol.ts';
import { connect, presentProcess, stateText, tinyDist, waitUntil, type Client, type PresentProcess } from './support.ts';

let dist: string;
const processes: PresentProcess[] = [];
const clients: Client[] = [];
let redis: ChildProcess | undefined;

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (/Ready to accept connections/.test(out)) ok();
    });
    child.once('exit', (code) => fail(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return child;
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGKILL');
  });
}

beforeAll(() => {
  dist = tinyDist();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await Promise.all(processes.splice(0).map((p) => p.kill()));
  await stop(redis);
});
afterAll(async () => stop(redis));

const latestList = (c: Client): QuestionItem[] => {
  const last = [...c.messages].reverse().find((m) => m.includes('"questions"'));
  return last ? (JSON.parse(last) as { items: QuestionItem[] }).items : [];
};

describe('several relay processes on one Redis', () => {
  it('a listener on one follows the presenter on the other; a question asked on one reaches the presenter; Redis down is said, and a question is held until it is back', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const tokenFile = resolve(mkdtempSync(resolve(tmpdir(), 'redis-relay-')), 'token');
    const call = `redis-${process.pid}-${Date.now()}`;
    const args = ['--dist', dist, '--port', '0', '--redis', `redis://127.0.0.1:${port}`, '--token-file', tokenFile, '--call', call];
    const a = await presentProcess(args);
    processes.push(a);
    const b = await presentProcess(args);
    processes.push(b);
    const token = readFileSync(tokenFile, 'utf8').trim();

    const presenter = await connect(a.listenerUrl);
    clients.push(presenter);
    presenter.send(JSON.stringify({ type: 'auth', token }));
    await waitUntil(() => presenter.messages.some((m) => m.includes('"welcome"')));
    const listeners = await Promise.all([1, 2, 3].map(() => connect(b.listenerUrl)));
    clients.push(...listeners);
    presenter.sendState({ h: 4, v: 0, f: null });
    for (const l of listeners) await waitUntil(() => l.messages.includes(stateText(4)), 10_000, 'the move on the other process');
    // The presenter hears every process's listeners: three on b.
    await waitUntil(() => presenter.messages.some((m) => m === '{"type":"listeners","count":3}'), 10_000, 'the total of listeners');

    // A late joiner on a third process lands on the current slide.
    const c = await presentProcess(args);
    processes.push(c);
    const late = await connect(c.listenerUrl);
    clients.push(late);
    await waitUntil(() => late.messages.includes(stateText(4)), 10_000, 'the late joiner\'s slide');

    listeners[0]!.send(askMessage('Asked on the other process?'));
    await waitUntil(() => latestList(presenter).length === 1, 10_000, 'the question at the presenter');
    expect(latestList(presenter)[0]).toMatchObject({ id: 'q1', text: 'Asked on the other process?', slide: 5, state: 'new' });
    // Listeners hear no one's questions, on any process.
    expect([...listeners, late].flatMap((l) => l.messages).filter((m) => m.includes('Asked on'))).toEqual([]);

    // Redis goes away: the presenter is told; a move still reaches the listeners of the presenter's own process.
    await stop(redis);
    await waitUntil(() => presenter.messages.includes('{"type":"shared","up":false}'), 10_000, 'the presenter told Redis is down');
    listeners[1]!.send(askMessage('Held while Redis is away?'));
    await new Promise((r) => setTimeout(r, 500));
    expect(listeners[1]!.messages.filter((m) => m.includes('"asked"'))).toEqual([]);
    redis = await startRedis(port);
    await waitUntil(() => presenter.messages.includes('{"type":"shared","up":true}'), 20_000, 'the presenter told Redis is back');
    await waitUntil(() => listeners[1]!.messages.includes('{"type":"asked","ok":true}'), 20_000, 'the held question kept');
    await waitUntil(() => latestList(presenter).some((q) => q.text === 'Held while Redis is away?'), 20_000, 'the held question at the presenter');
    expect(new Set(latestList(presenter).map((q) => q.id)).size).toBe(2);
    presenter.sendState({ h: 6, v: 0, f: null });
    for (const l of listeners) await waitUntil(() => l.messages.includes(stateText(6)), 20_000, 'moves again after Redis came back');
  }, 180_000);

  it('says so, and stops, when Redis cannot be reached at the start', async () => {
    const port = await freePort();
    await expect(presentProcess(['--dist', dist, '--port', '0', '--redis', `redis://127.0.0.1:${port}`])).rejects.toThrow(/Redis at redis:\/\/127\.0\.0\.1:\d+\/? cannot be reached/);
  }, 60_000);
});
