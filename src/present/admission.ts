// Who may open a live-link connection (and fetch the deck), decided from the request alone: the page's Origin and
// the Host it asked for, and the client's address for the per-address cap.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Where this server is meant to be reached: the public URL, or the address it listens on. */
export interface Reach {
  publicBase: URL | null;
  /** The --host it listens on (127.0.0.1, a LAN address, or 0.0.0.0 / :: for every address). */
  host: string;
  /** The port it listens on (known once it listens). */
  port: () => number;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

/** Names that mean this machine: a page there is the presenter's own, whatever the port. */
export function isLoopbackName(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

/** This machine's own addresses, for a server listening on all of them. */
function ownAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.add(a.address.toLowerCase());
  return out;
}

/**
 * Whether a host (as in a Host header or an Origin, "name:port") is one this server is meant to be reached at: this
 * machine's loopback, the public URL's host, or the address it listens on (any of this machine's addresses when it
 * listens on all). A name that merely resolves here (DNS rebinding: evil.example pointed at 127.0.0.1) is none of
 * these, so a page of another site can neither read the deck nor join the live link through it.
 */
export function meantHost(host: string | undefined, reach: Reach): boolean {
  if (!host || host.length > 255) return false;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  if (isLoopbackName(url.hostname)) return true;
  if (reach.publicBase && url.host === reach.publicBase.host) return true;
  const name = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = Number(url.port || 80);
  if (port !== reach.port()) return false;
  if (WILDCARD.has(reach.host)) return isIP(name) !== 0 && ownAddresses().has(name);
  return name === reach.host.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Whether the page asking is the deck itself. A browser always sends the Origin of the page that opens a
 * WebSocket, and no page can change it. With a public URL, only that origin is the deck's (a proxy serves it
 * there); without one, the deck is at this machine's loopback or the address it listens on. The Host header is
 * not taken as proof: under DNS rebinding it names the attacker's site too. A request with no Origin is not from a
 * browser page at all (a script, the benchmark): such a client could send any Origin it liked, so refusing it would
 * protect nothing; the per-address cap and the rate limits hold it instead.
 */
export function ownOrigin(request: IncomingMessage, reach: Reach): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (reach.publicBase) return url.origin === reach.publicBase.origin;
  return url.protocol === 'http:' && meantHost(url.host, reach) && Number(url.port || 80) === reach.port();
}

/**
 * The key a client address is counted under: an IPv4 address as it is; an IPv6 address by its /64 network, since
 * one customer is usually given a whole /64 and could otherwise take every place with addresses of its own.
 */
export function addressKey(address: string): string {
  const a = address.toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  if (isIP(a) !== 6) return a;
  const [head = '', tail = ''] = a.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...front, ...Array(8 - front.length - back.length).fill('0'), ...back] : a.split(':');
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * The address a connection is counted under. Behind a reverse proxy every connection comes from the proxy, so the
 * address is taken from X-Forwarded-For: its last entry, the one the proxy itself added (nginx's
 * $proxy_add_x_forwarded_for and Caddy append the address they saw). Earlier entries are whatever the client sent.
 * The header is believed only with `trustProxy`, and only from a proxy: a peer on this machine (loopback) or one of
 * `trustedProxies`. From anyone else it is ignored, since anyone can send it.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean, trustedProxies: readonly string[] = []): string {
  const direct = request.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return addressKey(direct);
  const peer = addressKey(direct);
  const fromProxy = isLoopbackName(direct) || trustedProxies.some((p) => addressKey(p) === peer);
  if (!fromProxy) return peer;
  const header = request.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((e) => e.trim()).filter(Boolean);
  const last = entries.at(-1);
  return last && last.length <= 64 && isIP(last.replace(/^\[|\]$/g, '')) ? addressKey(last) : peer;
}
