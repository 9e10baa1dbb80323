// Load on loopback: 200 listeners, a presenter making 60 changes; every listener hears every change, in order.
// Bounded: a fixed number of sockets and changes, and a time limit on the whole test.
import { afterAll, expect, it } from 'vitest';
import type { PresentServer } from '../../src/present/server.ts';
import { connect, presenter, sleep, startRelay, stateText, waitUntil, type Client } from './support.ts';

const LISTENERS = 200;
const CHANGES = 60;
const GAP_MS = 25;
const TOKEN = 'load-test-token-abcdefghijklmnopqrstuvwxyz0123';

let server: PresentServer | undefined;
const clients: Client[] = [];
afterAll(async () => {
  for (const c of clients) c.ws.terminate();
  await server?.close();
});

it(`${LISTENERS} listeners each receive all ${CHANGES} changes, in order`, async () => {
  // Every listener here comes from 127.0.0.1: the per-address cap is raised to let them all in.
  server = await startRelay({ token: TOKEN, relay: { maxPerAddress: LISTENERS + 10 } });
  const base = server.baseUrl;
  // Connect in batches of 50, as a crowd would arrive.
  for (let i = 0; i < LISTENERS; i += 50) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(50, LISTENERS - i) }, () => connect(base)))));
  }
  await waitUntil(() => server!.relay.stats().listeners === LISTENERS, 10_000, 'all listeners');
  const p = await presenter(base, TOKEN);
  clients.push(p);

  const expected: string[] = [];
  const sentAt: number[] = [];
  const arrivals = clients.slice(0, LISTENERS).map(() => [] as number[]);
  clients.slice(0, LISTENERS).forEach((c, i) => c.ws.on('message', () => arrivals[i]!.push(performance.now())));
  for (let n = 0; n < CHANGES; n++) {
    // Slides and fragments: h climbs, f counts 0..2 on every third slide.
    const state = { h: 1 + Math.floor(n / 3), v: 0, f: n % 3 === 0 ? null : (n % 3) - 1 };
    expected.push(stateText(state.h, state.v, state.f));
    sentAt.push(performance.now());
    p.sendState(state);
    await sleep(GAP_MS);
  }
  await waitUntil(() => clients.slice(0, LISTENERS).every((c) => c.messages.length >= CHANGES), 15_000, 'every change at every listener');
  await sleep(100);

  for (const c of clients.slice(0, LISTENERS)) expect(c.messages).toEqual(expected);
  const delays = arrivals.flatMap((times) => times.map((t, n) => t - sentAt[n]!)).sort((a, b) => a - b);
  const p50 = delays[Math.floor(delays.length * 0.5)]!;
  const p90 = delays[Math.floor(delays.length * 0.9)]!;
  const p99 = delays[Math.floor(delays.length * 0.99)]!;
  console.log(`follow load: ${LISTENERS} listeners × ${CHANGES} changes, delay p50 ${p50.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
  expect(delays).toHaveLength(LISTENERS * CHANGES);
  // How fast is the benchmark's business (npm run bench:follow), where nothing else runs: a busy machine may make any
  // delivery late, so here only what must hold whatever the load (every change, to every listener, in order).
  expect(server.relay.stats()).toMatchObject({ listeners: LISTENERS, presenters: 1, closedForCause: 0 });
}, 120_000);
