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
// A refused page's connection is opened and then closed by the relay: on two busy cores the close has come over
// 300 ms after the open, so a connection counts as staying open only after 1.5 s.
async function attempt(base: string, headers: Record<string, string> = {}, waitMs = 1500): Promise<Outcome> {
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

describe('the relay and the deck are reached only by their own names (DNS rebinding)', () => {
  it('refuses a page of another site whose name resolves here, for the live link and the deck alike', async () => {
    const s = await relay();
    // evil.example pointed at 127.0.0.1: its page's Origin and the Host it sends are both its own name.
    const rebound = await attempt(s.baseUrl, { Origin: `http://evil.example:${s.port}`, Host: `evil.example:${s.port}` });
    expect(rebound.result).toBe(`closed ${CLOSE.foreignOrigin}`);
    const page = await fetchWithHost(s.port, `evil.example:${s.port}`);
    expect(page.status).toBe(421);
    expect((await fetchWithHost(s.port, `127.0.0.1:${s.port}`)).status).toBe(200);
    expect((await fetchWithHost(s.port, `localhost:${s.port}`)).status).toBe(200);
  });

  it('with a public URL, takes the live link only from that origin, not from a Host the request names', async () => {
    const s = await relay({ publicUrl: 'https://talks.example.org/ms-massage/' });
    const local = `http://127.0.0.1:${s.port}/ms-massage/`;
    expect((await attempt(local, { Origin: `http://evil.example:${s.port}`, Host: `evil.example:${s.port}` })).result).toBe(`closed ${CLOSE.foreignOrigin}`);
    expect((await attempt(local, { Origin: `http://127.0.0.1:${s.port}` })).result).toBe(`closed ${CLOSE.foreignOrigin}`);
    expect((await attempt(local, { Origin: 'https://talks.example.org' })).result).toBe('open');
  });
});

describe('refused and pending connections count against the caps', () => {
  it('connections from a foreign page, held open by a client that never answers the close, take places until they go', async () => {
    const s = await relay({ relay: { maxPerAddress: 5 } });
    // 300 upgrades from another site's page, over raw sockets that never read what the relay sends back.
    const raw = await Promise.all(Array.from({ length: 300 }, () => rawUpgrade(s.port, 'https://evil.example')));
    await waitUntil(() => s.relay.stats().held > 0);
    // Only as many as the address may hold were let in to be closed; none is a listener; the address is full.
    expect(s.relay.stats().held).toBeLessThanOrEqual(5);
    expect(s.relay.stats().listeners).toBe(0);
    expect((await attempt(s.baseUrl)).result).toBe('HTTP 429');
    // The relay ends them itself (2 s), and the address is welcome again.
    await waitUntil(() => s.relay.stats().held === 0, 15_000);
    expect((await attempt(s.baseUrl)).result).toBe('open');
    for (const socket of raw) socket.destroy();
  }, 60_000);
});

/** An upgrade request that is sent and then left alone: the socket reads nothing and answers nothing. */
async function rawUpgrade(port: number, origin: string): Promise<import('node:net').Socket> {
  const { connect } = await import('node:net');
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `GET /follow HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: ${origin}\r\n\r\n`,
      );
      socket.pause();
      done(socket);
    });
    socket.on('error', () => {});
  });
}

describe('X-Forwarded-For and IPv6', () => {
  it('believes the header only from a proxy on this machine or a named one, and groups IPv6 by /64', async () => {
    const { clientAddress, addressKey } = await import('../../src/present/admission.ts');
    const request = (remote: string, xff?: string) => ({ socket: { remoteAddress: remote }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as never;
    expect(clientAddress(request('127.0.0.1', '203.0.113.9'), true)).toBe('203.0.113.9');
    // Spoofed by a client that reached the server directly: ignored.
    expect(clientAddress(request('198.51.100.4', '203.0.113.9'), true)).toBe('198.51.100.4');
    expect(clientAddress(request('10.0.0.2', '203.0.113.9'), true, ['10.0.0.2'])).toBe('203.0.113.9');
    expect(clientAddress(request('127.0.0.1', 'not-an-address'), true)).toBe('127.0.0.1');
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:db8:1:2:ffff::9'));
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('npm run present refuses --trust-proxy on a public address unless the proxy is named', async () => {
    const { readSettings } = await import('../../src/present/cli.ts');
    expect(() => readSettings(['--host', '0.0.0.0', '--trust-proxy'], {})).toThrow(/name the proxy with --trusted-proxy/);
    expect(readSettings(['--host', '0.0.0.0', '--trust-proxy', '--trusted-proxy', '10.0.0.2'], {})).toMatchObject({ trustedProxies: ['10.0.0.2'] });
    expect(readSettings(['--trust-proxy'], {})).toMatchObject({ trustProxy: true, trustedProxies: [] });
    expect(() => readSettings(['--trusted-proxy', 'proxy.local'], {})).toThrow(/must be an IP address/);
  });
});

/** A GET of the deck with the Host header a page of that name would send. */
function fetchWithHost(port: number, host: string): Promise<{ status: number }> {
  return new Promise((done, fail) => {
    import('node:http').then(({ request }) => {
      const req = request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
        res.resume();
        done({ status: res.statusCode ?? 0 });
      });
      req.on('error', fail);
      req.end();
    }, fail);
  });
}
