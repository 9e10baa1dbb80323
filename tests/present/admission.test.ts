// Who may connect to the relay, with real sockets on 127.0.0.1 (issue 15, item 2): only the deck's own pages
// (by their Origin), at most so many connections per client address (from X-Forwarded-For only with trustProxy),
// and pings count against the rate limit like any message.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CLOSE } from '../../src/present/protocol.ts';
import type { PresentServer } from '../../src/present/server.ts';
import { presenter, sleep, startRelay, waitUntil, wsUrl } from './support.ts';

const TOKEN = 'admission-token-0123456789abcdefghijklmnopqrstuvwxyz';
const servers: PresentServer[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function relay(options: Parameters<typeof startRelay>[0] = {}) {
  const server = await startRelay({ token: TOKEN, ...options });
  servers.push(server);
  return server;
}

interface Outcome {
  /** 'open', then the close code if the relay closed it soon after; or the HTTP status of a refused upgrade. */
  result: string;
  messages: string[];
  ws: WebSocket;
}

/** Connects with these headers and reports what happened within `waitMs` of opening. */
async function attempt(base: string, headers: Record<string, string> = {}, waitMs = 300): Promise<Outcome> {
  const ws = new WebSocket(wsUrl(base), { perMessageDeflate: false, headers });
  sockets.push(ws);
  const messages: string[] = [];
  ws.on('message', (data) => messages.push(String(data)));
  ws.on('error', () => {});
  const result = await new Promise<string>((done) => {
    ws.once('unexpected-response', (_req, res) => done(`HTTP ${res.statusCode}`));
    ws.once('close', (code) => done(`closed ${code}`));
    ws.once('open', () => {
      const timer = setTimeout(() => done('open'), waitMs);
      ws.once('close', (code) => {
        clearTimeout(timer);
        done(`closed ${code}`);
      });
    });
  });
  return { result, messages, ws };
}

describe('the relay accepts only the deck\'s own pages', () => {
  it('closes a connection from a page on another site with its own code, and never counts it as a listener', async () => {
    const s = await relay();
    const p = await presenter(s.baseUrl, TOKEN);
    sockets.push(p.ws);
    p.sendState({ h: 4, v: 0, f: null });
    await waitUntil(() => s.relay.stats().state?.h === 4);
    const foreign = await attempt(s.baseUrl, { Origin: 'https://evil.example' });
    expect(foreign.result).toBe(`closed ${CLOSE.foreignOrigin}`);
    // It heard nothing, not even the current slide a late joiner gets.
    expect(foreign.messages).toEqual([]);
    expect(s.relay.stats().listeners).toBe(0);
    expect((await attempt(s.baseUrl, { Origin: 'null' })).result).toBe(`closed ${CLOSE.foreignOrigin}`);
    // Same host name, other port: another origin.
    expect((await attempt(s.baseUrl, { Origin: `http://127.0.0.1:${s.port + 1}` })).result).toBe(`closed ${CLOSE.foreignOrigin}`);
  });

  it("accepts the deck's own page (its Origin is the address it was loaded from), and a client that is not a browser", async () => {
    const s = await relay();
    const own = await attempt(s.baseUrl, { Origin: new URL(s.baseUrl).origin });
    expect(own.result).toBe('open');
    expect((await attempt(s.baseUrl)).result).toBe('open');
    expect(s.relay.stats().listeners).toBe(2);
  });

  it('behind a proxy, accepts pages from the public URL, and from the Host the proxy passes on', async () => {
    const s = await relay({ publicUrl: 'https://talks.example.org/ms-massage/' });
    // The proxy connects to the program on 127.0.0.1, passing the path on.
    const local = `http://127.0.0.1:${s.port}/ms-massage/`;
    expect((await attempt(local, { Origin: 'https://talks.example.org' })).result).toBe('open');
    expect((await attempt(local, { Origin: 'https://talks.example.org', Host: 'talks.example.org' })).result).toBe('open');
    expect((await attempt(local, { Origin: 'https://evil.example', Host: 'talks.example.org' })).result).toBe(`closed ${CLOSE.foreignOrigin}`);
    expect((await attempt(local, { Origin: 'http://talks.example.org.evil.example' })).result).toBe(`closed ${CLOSE.foreignOrigin}`);
    // Plain http:// is another origin than the https:// public URL.
    expect((await attempt(local, { Origin: 'http://talks.example.org:443' })).result).toBe(`closed ${CLOSE.foreignOrigin}`);
  });
});

describe('the relay caps connections per client address', () => {
  it('turns away one address with 429 once it holds its share, and takes it back when one closes', async () => {
    const s = await relay({ relay: { maxPerAddress: 3 } });
    const held = [await attempt(s.baseUrl), await attempt(s.baseUrl), await attempt(s.baseUrl)];
    expect(held.map((h) => h.result)).toEqual(['open', 'open', 'open']);
    expect((await attempt(s.baseUrl)).result).toBe('HTTP 429');
    // A proxy's header is not believed unless the server was told a proxy is in front.
    expect((await attempt(s.baseUrl, { 'X-Forwarded-For': '203.0.113.9' })).result).toBe('HTTP 429');
    held[0]!.ws.close();
    await waitUntil(() => s.relay.stats().listeners === 2);
    expect((await attempt(s.baseUrl)).result).toBe('open');
  });

  it('with trustProxy, counts each client by the address the proxy added, so one client cannot fill the relay', async () => {
    const s = await relay({ trustProxy: true, relay: { maxPerAddress: 2 } });
    const from = (address: string, claimed?: string) => ({ 'X-Forwarded-For': claimed ? `${claimed}, ${address}` : address });
    expect((await attempt(s.baseUrl, from('203.0.113.1'))).result).toBe('open');
    expect((await attempt(s.baseUrl, from('203.0.113.1'))).result).toBe('open');
    expect((await attempt(s.baseUrl, from('203.0.113.1'))).result).toBe('HTTP 429');
    // Made-up addresses in front of the proxy's own entry change nothing.
    expect((await attempt(s.baseUrl, from('203.0.113.1', '198.51.100.77'))).result).toBe('HTTP 429');
    // Real listeners elsewhere still get in.
    expect((await attempt(s.baseUrl, from('198.51.100.2'))).result).toBe('open');
    expect((await attempt(s.baseUrl, from('198.51.100.3'))).result).toBe('open');
    expect(s.relay.stats().listeners).toBe(4);
  });
});

describe('the relay counts pings', () => {
  it('closes a connection that floods it with pings, and no other', async () => {
    const s = await relay({ relay: { rate: { burst: 10, perSecond: 5 } } });
    const quiet = await attempt(s.baseUrl);
    const flooder = await attempt(s.baseUrl);
    const code = new Promise<number>((ok) => flooder.ws.once('close', (c) => ok(c)));
    for (let i = 0; i < 50; i++) flooder.ws.ping();
    expect(await Promise.race([code, sleep(3000).then(() => 'still open')])).toBe(CLOSE.rateLimited);
    expect(quiet.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('lets a connection ping now and then', async () => {
    const s = await relay({ relay: { rate: { burst: 10, perSecond: 5 } } });
    const calm = await attempt(s.baseUrl);
    for (let i = 0; i < 5; i++) {
      calm.ws.ping();
      await sleep(50);
    }
    await sleep(100);
    expect(calm.ws.readyState).toBe(WebSocket.OPEN);
  });
});
