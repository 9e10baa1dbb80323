// One HTTP server for `npm run present`: the built deck, and the follow-along relay on the same port at ./follow.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { FOLLOW_PATH, PRESENTER_PARAM } from './protocol.ts';
import { clientAddress, meantHost, ownOrigin, type Reach } from './admission.ts';
import { createRelay, type Relay, type RelayOptions } from './relay.ts';
import { safeHost, staticSite } from './serve-static.ts';

export interface PresentOptions {
  /** The built deck, normally dist/. */
  dist: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Address to listen on; 127.0.0.1 unless the relay must be reached without a proxy on the same machine. */
  host?: string;
  /** The address people use, e.g. https://talks.example.org/ms/ behind a proxy; default http://host:port/. */
  publicUrl?: string;
  /** The presenter's secret; default a new random one. */
  token?: string;
  /**
   * A reverse proxy on this machine passes every request on: count connections by the address in its
   * X-Forwarded-For header instead of the proxy's own. Only with a proxy that sets it; anyone can send the header.
   */
  trustProxy?: boolean;
  /** Proxies (besides this machine's loopback) whose X-Forwarded-For is believed with trustProxy. */
  trustedProxies?: string[];
  /** Passed on to the relay (limits, heartbeat, log). */
  relay?: Omit<RelayOptions, 'token'>;
  /**
   * The notes only the speaker may read (a build writes them to .private/speaker-notes.json, beside dist/): given at
   * SPEAKER_NOTES_PATH to a request that carries the presenter's secret, and to nobody else.
   */
  speakerNotes?: string;
}

/** Where the presenter's page asks for the speaker-only notes, with its secret in an Authorization header. */
export const SPEAKER_NOTES_PATH = '/speaker-notes.json';

export interface PresentServer {
  server: Server;
  relay: Relay;
  port: number;
  /** The address people open, ending in "/". */
  baseUrl: string;
  presenterUrl: string;
  listenerUrl: string;
  token: string;
  close(): Promise<void>;
}

/** A new presenter token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Normalises a public base URL: http(s) only, no query or fragment, ending in "/". */
export function parsePublicUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`The public URL "${value}" is not a full address such as https://talks.example.org/ms-massage/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`The public URL must start with http:// or https://, not ${url.protocol}`);
  if (url.username || url.password) throw new Error('The public URL must not hold a user name or password');
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The presenter's link: the token rides in the #fragment, which browsers never send to a server or a proxy's log. */
export function presenterLink(base: string, token: string): string {
  return `${base}#${PRESENTER_PARAM}=${encodeURIComponent(token)}`;
}

export async function startPresentServer(options: PresentOptions): Promise<PresentServer> {
  const dist = resolve(options.dist);
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`There is no built deck in ${dist} (index.html is missing). Run "npm run build" first.`);
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const publicBase = options.publicUrl ? parsePublicUrl(options.publicUrl) : null;
  // The WebSocket's host, for the page's policy: the public URL's, else the one the browser asked for.
  const site = staticSite(dist, (request) => (publicBase ? publicBase.host : safeHost(request.headers.host)));
  const trustProxy = options.trustProxy ?? false;
  const trustedProxies = options.trustedProxies ?? [];
  let listening = 0;
  const reach: Reach = { publicBase, host, port: () => listening };
  const relay = createRelay({
    allowOrigin: (request) => ownOrigin(request, reach),
    addressOf: (request) => clientAddress(request, trustProxy, trustedProxies),
    ...options.relay,
    token,
  });
  /** The speaker-only notes, for the presenter's secret alone; anyone else is told there is no such file. */
  const speakerNotes = (request: IncomingMessage, response: ServerResponse) => {
    const given = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const file = options.speakerNotes;
    if (request.method !== 'GET' || !given || !sameSecret(given, token)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    // Nothing held back: an empty set, so the presenter's page has nothing to add (and its console no failed request).
    response.end(file && existsSync(file) ? readFileSync(file) : '{}');
  };
  // A proxy may pass the public path on (/talks/ms/...) or strip it (/...): both are understood.
  const prefix = publicBase?.pathname ?? '/';

  const stripPrefix = (pathname: string) => (prefix !== '/' && pathname.startsWith(prefix) ? pathname.slice(prefix.length - 1) : pathname);
  const pathOf = (url: string | undefined) => {
    try {
      return stripPrefix(new URL(url ?? '/', 'http://relay.invalid').pathname);
    } catch {
      return null;
    }
  };

  const server = createServer((request, response) => {
    // A Host this server is not meant to be reached at is a page of another site (DNS rebinding): it reads nothing.
    if (!meantHost(request.headers.host, reach)) {
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected request: this server is not reached by that name.');
      return;
    }
    const pathname = pathOf(request.url);
    if (pathname === null) {
      response.writeHead(400).end();
      return;
    }
    if (pathname === SPEAKER_NOTES_PATH) {
      speakerNotes(request, response);
      return;
    }
    if (pathname === `/${FOLLOW_PATH}`) {
      response.writeHead(426, { 'content-type': 'text/plain; charset=utf-8', upgrade: 'websocket' }).end('This address is for the deck\'s live link (WebSocket).');
      return;
    }
    site.handle(request, response, pathname);
  });
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (pathOf(request.url) !== `/${FOLLOW_PATH}`) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    relay.handleUpgrade(request, socket, head);
  });
  // Slow or idle clients may not hold sockets open for ever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  listening = port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const baseUrl = (publicBase ?? new URL(`http://${shownHost}:${port}/`)).href;

  return {
    server,
    relay,
    port,
    baseUrl,
    presenterUrl: presenterLink(baseUrl, token),
    listenerUrl: baseUrl,
    token,
    async close() {
      await relay.close();
      await new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      });
    },
  };
}

/** The two secrets are the same, compared in constant time (as digests, so their lengths say nothing either). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
