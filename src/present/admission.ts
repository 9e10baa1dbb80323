// Who may open a live-link connection, decided from the upgrade request alone: the page's Origin, and the client's
// address for the per-address cap.
import type { IncomingMessage } from 'node:http';
import { safeHost } from './serve-static.ts';

/**
 * Whether the page asking is the deck itself. A browser always sends the Origin of the page that opens a
 * WebSocket, and no page can change it: the deck's own pages give the address they were loaded from, which is
 * the request's Host (directly or through a proxy that passes Host on) or the public URL. A page on any other site,
 * or a sandboxed or file:// page ("null"), is refused. A request with no Origin is not from a browser page at all
 * (a script, the benchmark): such a client could send any Origin it liked, so refusing it would protect nothing;
 * the per-address cap and the rate limits hold it instead.
 */
export function ownOrigin(request: IncomingMessage, publicBase: URL | null): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (publicBase && url.origin === publicBase.origin) return true;
  const host = safeHost(request.headers.host);
  return host !== null && url.host === host;
}

/**
 * The address a connection is counted under. Behind a reverse proxy every connection comes from the proxy, so with
 * `trustProxy` the address is taken from X-Forwarded-For: its last entry, the one the proxy itself added (nginx's
 * $proxy_add_x_forwarded_for and Caddy append the address they saw). Earlier entries are whatever the client sent
 * and could be made up to dodge the cap. Without `trustProxy` the header is ignored, since anyone can send it.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const direct = request.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return direct;
  const header = request.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((e) => e.trim()).filter(Boolean);
  const last = entries.at(-1);
  return last && last.length <= 64 ? last.toLowerCase() : direct;
}
