// The relay with real sockets on 127.0.0.1: who may move the slides, what listeners hear, limits, faults.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE, MAX_MESSAGE_BYTES, authMessage } from '../../src/present/protocol.ts';
import { tokenMatcher } from '../../src/present/relay.ts';
import type { PresentServer } from '../../src/present/server.ts';
import { connect, presenter, sleep, startRelay, stateText, waitUntil, type Client } from './support.ts';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';

const open: PresentServer[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function relay(options: Parameters<typeof startRelay>[0] = {}) {
  const server = await startRelay({ token: TOKEN, ...options });
  open.push(server);
  return server;
}

async function listener(base: string) {
  const c = await connect(base);
  clients.push(c);
  return c;
}

async function speaker(base: string, token = TOKEN) {
  const c = await presenter(base, token);
  clients.push(c);
  return c;
}

describe('the token check', () => {
  it('matches only the exact token, whatever the length of the guess', () => {
    const matches = tokenMatcher(TOKEN);
    expect(matches(TOKEN)).toBe(true);
    expect(matches(`${TOKEN}x`)).toBe(false);
    expect(matches(TOKEN.slice(0, -1))).toBe(false);
    expect(matches('')).toBe(false);
    expect(matches('x'.repeat(10_000))).toBe(false);
  });
});

describe('the relay', () => {
  it('forwards a presenter\'s slide and fragment changes to every listener, in order', async () => {
    const s = await relay();
    const ls = await Promise.all([1, 2, 3].map(() => listener(s.baseUrl)));
    const p = await speaker(s.baseUrl);
    p.sendState({ h: 1, v: 0, f: null });
    p.sendState({ h: 2, v: 0, f: -1 });
    p.sendState({ h: 2, v: 0, f: 0 });
    p.sendState({ h: 2, v: 1, f: null });
    const expected = [stateText(1), stateText(2, 0, -1), stateText(2, 0, 0), stateText(2, 1)];
    for (const l of ls) expect(await l.waitForMessages(4)).toEqual(expected);
    // The presenter hears no slide states back.
    await sleep(50);
    expect(p.messages.filter((m) => m.includes('"state"'))).toEqual([]);
    expect(s.relay.stats()).toMatchObject({ listeners: 3, presenters: 1, state: { h: 2, v: 1, f: null } });
  });

  it('gives a late joiner the current slide at once', async () => {
    const s = await relay();
    const p = await speaker(s.baseUrl);
    p.sendState({ h: 5, v: 0, f: null });
    p.sendState({ h: 6, v: 0, f: 1 });
    await waitUntil(() => s.relay.stats().state?.h === 6);
    const late = await listener(s.baseUrl);
    expect(await late.waitForMessages(1)).toEqual([stateText(6, 0, 1)]);
  });

  it('sends listeners nothing before a presenter has spoken', async () => {
    const s = await relay();
    const l = await listener(s.baseUrl);
    // A marker: the presenter's first state must be the first thing this listener ever receives.
    const p = await speaker(s.baseUrl);
    p.sendState({ h: 4, v: 0, f: null });
    expect(await l.waitForMessages(1)).toEqual([stateText(4)]);
  });

  it('ignores listeners\' slide states: nobody else moves, and the sender stays connected', async () => {
    const s = await relay();
    const p = await speaker(s.baseUrl);
    p.sendState({ h: 3, v: 0, f: null });
    const [a, b] = [await listener(s.baseUrl), await listener(s.baseUrl)];
    await a.waitForMessages(1);
    await b.waitForMessages(1);
    a.sendState({ h: 9, v: 0, f: null });
    a.sendState({ h: 0, v: 0, f: null });
    // A marker from the presenter, sent after the listener's states: it must be the next thing anyone receives.
    p.sendState({ h: 7, v: 0, f: null });
    expect(await b.waitForMessages(2)).toEqual([stateText(3), stateText(7)]);
    expect(await a.waitForMessages(2)).toEqual([stateText(3), stateText(7)]);
    expect(a.isOpen()).toBe(true);
    expect(s.relay.stats().state).toEqual({ h: 7, v: 0, f: null });
  });

  it('closes a connection that sends a wrong token, and only that one', async () => {
    const s = await relay();
    const p = await speaker(s.baseUrl);
    const l = await listener(s.baseUrl);
    for (const guess of ['nope', `${TOKEN}!`, TOKEN.slice(1), TOKEN.toUpperCase()]) {
      const intruder = await listener(s.baseUrl);
      intruder.send(authMessage(guess));
      expect(await intruder.closed).toBe(CLOSE.badToken);
    }
    p.sendState({ h: 4, v: 0, f: null });
    expect(await l.waitForMessages(1)).toEqual([stateText(4)]);
    expect(s.relay.stats().presenters).toBe(1);
  });

  const malformed: [string, string | Buffer][] = [
    ['not JSON', '{"type":"state",'],
    ['a JSON string', '"state"'],
    ['an array', '[1,2,3]'],
    ['an unknown type', '{"type":"goto","h":1}'],
    ['an extra field', '{"type":"state","h":1,"v":0,"f":null,"html":"<img src=x onerror=alert(1)>"}'],
    ['a negative slide', '{"type":"state","h":-1,"v":0,"f":null}'],
    ['a fractional slide', '{"type":"state","h":1.5,"v":0,"f":null}'],
    ['a slide given as text', '{"type":"state","h":"1","v":0,"f":null}'],
    ['an enormous slide number', '{"type":"state","h":1e300,"v":0,"f":null}'],
    ['a fragment below -1', '{"type":"state","h":1,"v":0,"f":-2}'],
    ['an empty token', '{"type":"auth","token":""}'],
    ['a token that is not text', '{"type":"auth","token":123}'],
    ['a binary frame', Buffer.from([1, 2, 3])],
  ];

  it.each(malformed)('closes only the sender of %s', async (_what, message) => {
    const s = await relay();
    const p = await speaker(s.baseUrl);
    const l = await listener(s.baseUrl);
    const bad = await listener(s.baseUrl);
    bad.send(message);
    expect(await bad.closed).toBe(CLOSE.malformed);
    // A presenter that sends something malformed loses its connection too, and nothing it sent is forwarded.
    const badPresenter = await speaker(s.baseUrl);
    badPresenter.send(message);
    expect(await badPresenter.closed).toBe(CLOSE.malformed);
    expect(l.messages).toEqual([]);
    p.sendState({ h: 1, v: 0, f: null });
    expect(await l.waitForMessages(1)).toEqual([stateText(1)]);
    expect(p.isOpen()).toBe(true);
  });

  it('refuses a message larger than the limit (1009) and keeps the others', async () => {
    const s = await relay();
    const l = await listener(s.baseUrl);
    const p = await speaker(s.baseUrl);
    const big = await speaker(s.baseUrl);
    big.send(`{"type":"state","h":1,"v":0,"f":null,"pad":"${'x'.repeat(MAX_MESSAGE_BYTES)}"}`);
    expect(await big.closed).toBe(1009);
    p.sendState({ h: 2, v: 0, f: null });
    expect(await l.waitForMessages(1)).toEqual([stateText(2)]);
  });

  it('forwards exactly what it parsed, written anew: key order, spacing and numbers normalised', async () => {
    const s = await relay();
    const l = await listener(s.baseUrl);
    const p = await speaker(s.baseUrl);
    p.send('{ "f": 2 , "v": 0, "h": 7.0, "type": "state" }');
    p.send('{"type":"state","h":8,"v":0}');
    expect(await l.waitForMessages(2)).toEqual(['{"type":"state","h":7,"v":0,"f":2}', '{"type":"state","h":8,"v":0,"f":null}']);
  });

  it('closes a connection that sends too many messages, and no other', async () => {
    const s = await relay({ relay: { rate: { burst: 10, perSecond: 5 } } });
    const l = await listener(s.baseUrl);
    const p = await speaker(s.baseUrl);
    const flooder = await listener(s.baseUrl);
    for (let i = 0; i < 50; i++) flooder.send(stateText(i));
    expect(await flooder.closed).toBe(CLOSE.rateLimited);
    const flooding = await speaker(s.baseUrl);
    for (let i = 0; i < 50; i++) flooding.send(stateText(i));
    expect(await flooding.closed).toBe(CLOSE.rateLimited);
    // It got the first states through before the limit; after that, nothing.
    const heard = l.messages.length;
    expect(heard).toBeLessThanOrEqual(10);
    // A marker: the next thing the listener hears is the real presenter's state, nothing of the flood after the limit.
    p.sendState({ h: 40, v: 0, f: null });
    await waitUntil(() => l.messages.at(-1) === stateText(40));
    expect(l.messages.slice(heard)).toEqual([stateText(40)]);
    expect(l.isOpen()).toBe(true);
  });

  it('lets a presenter who reconnects keep its role with the same token', async () => {
    const s = await relay();
    const l = await listener(s.baseUrl);
    const first = await speaker(s.baseUrl);
    first.sendState({ h: 1, v: 0, f: null });
    await l.waitForMessages(1);
    first.ws.terminate();
    await waitUntil(() => s.relay.stats().presenters === 0);
    const again = await speaker(s.baseUrl);
    again.sendState({ h: 2, v: 0, f: null });
    expect(await l.waitForMessages(2)).toEqual([stateText(1), stateText(2)]);
  });

  it('after a restart knows no slide until the presenter sends it again; listeners who reconnect catch up', async () => {
    const s1 = await relay();
    const port = s1.port;
    const p1 = await speaker(s1.baseUrl);
    p1.sendState({ h: 3, v: 0, f: null });
    await waitUntil(() => s1.relay.stats().state?.h === 3);
    await s1.close();
    open.splice(open.indexOf(s1), 1);
    expect(await p1.closed).toBe(CLOSE.goingAway);

    const s2 = await relay({ port });
    expect(s2.relay.stats().state).toBeNull();
    const early = await listener(s2.baseUrl);
    const p2 = await speaker(s2.baseUrl);
    p2.sendState({ h: 3, v: 0, f: null });
    expect(await early.waitForMessages(1)).toEqual([stateText(3)]);
    const late = await listener(s2.baseUrl);
    expect(await late.waitForMessages(1)).toEqual([stateText(3)]);
  });

  it('tells presenters, and only presenters, how many are listening', async () => {
    const s = await relay({ relay: { listenerCountMs: 20 } });
    const p = await speaker(s.baseUrl);
    const l = await listener(s.baseUrl);
    await listener(s.baseUrl);
    await waitUntil(() => p.messages.includes('{"type":"listeners","count":2}'));
    // A marker after the count went out: a count sent to this listener would have come before it.
    p.sendState({ h: 1, v: 0, f: null });
    expect(await l.waitForMessages(1)).toEqual([stateText(1)]);
  });

  it('turns connections away with 503 when full', async () => {
    const s = await relay({ relay: { maxConnections: 2 } });
    await listener(s.baseUrl);
    await listener(s.baseUrl);
    await expect(connect(s.baseUrl)).rejects.toThrow('HTTP 503');
  });

  it('drops connections that stop answering pings', async () => {
    const s = await relay({ relay: { heartbeatMs: 50 } });
    const healthy = await listener(s.baseUrl);
    const silent = await listener(s.baseUrl);
    // Stop the silent one's socket from reading, so it never answers a ping.
    (silent.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await waitUntil(() => s.relay.stats().listeners === 1, 3000, 'the silent listener to be dropped');
    expect(healthy.isOpen()).toBe(true);
  });

  it('accepts the WebSocket only at ./follow', async () => {
    const s = await relay();
    await expect(connect(s.baseUrl, { path: 'elsewhere' })).rejects.toThrow('HTTP 404');
  });
});

describe('the web server', () => {
  function get(url: string, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
    return new Promise((ok, fail) => {
      const req = request(url, { method }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on('error', fail);
      req.end();
    });
  }

  it('serves the deck with the follow-along <meta>, and its files as they are', async () => {
    const s = await relay();
    const page = await get(s.baseUrl);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name="deck-follow" content="follow">');
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await get(`${s.baseUrl}index.html`)).body).toContain('deck-follow');
    const asset = await get(`${s.baseUrl}assets/a.js`);
    expect(asset).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves nothing outside the folder, no dot files, and only GET and HEAD', async () => {
    const s = await relay();
    for (const path of ['../package.json', '%2e%2e/package.json', 'assets/%2e%2e/%2e%2e/package.json', '.secret', 'assets/../.secret', 'missing.js', '%E0%A4%A']) {
      expect((await get(`${s.baseUrl}${path}`)).status, path).toBeGreaterThanOrEqual(400);
    }
    expect((await get(s.baseUrl, 'POST')).status).toBe(405);
    expect((await get(s.baseUrl, 'HEAD')).status).toBe(200);
    expect((await get(`${s.baseUrl}follow`)).status).toBe(426);
  });

  it('prints links from the public URL and understands requests with or without its path', async () => {
    const s = await relay({ publicUrl: 'https://talks.example.org/ms-massage' });
    expect(s.listenerUrl).toBe('https://talks.example.org/ms-massage/');
    expect(s.presenterUrl).toBe(`https://talks.example.org/ms-massage/#presenter=${TOKEN}`);
    const local = `http://127.0.0.1:${s.port}/`;
    expect((await get(`${local}ms-massage/`)).body).toContain('deck-follow');
    expect((await get(local)).body).toContain('deck-follow');
    const viaPrefix = await connect(local, { path: 'ms-massage/follow' });
    clients.push(viaPrefix);
    const direct = await listener(local);
    const p = await speaker(local);
    p.sendState({ h: 1, v: 0, f: null });
    expect(await viaPrefix.waitForMessages(1)).toEqual([stateText(1)]);
    expect(await direct.waitForMessages(1)).toEqual([stateText(1)]);
  });

  it('makes a new presenter token for each run', async () => {
    const a = await startRelay();
    const b = await startRelay();
    open.push(a, b);
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
