// A tiny static server on 127.0.0.1 that compresses what a web server would (text, scripts, styles, SVG) with gzip
// and sends fonts and pictures as they are, and counts every byte it sends: the bytes a reader downloads.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentType } from '../../src/serve/content-types.ts';

/** zlib's default level, which is also Apache mod_deflate's; nginx defaults to 1 and compresses less. */
export const GZIP_LEVEL = 6;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript)|image\/svg)/;

export interface Sent {
  path: string;
  type: string;
  /** The file's size on disk. */
  raw: number;
  /** What went over the wire: the gzip size for compressible types, else the raw size. */
  wire: number;
  status: number;
  /** The file's text, kept for compressible types so inline parts can be attributed (see first-slide.ts). */
  text?: string;
}

export interface Served {
  url: string;
  origin: string;
  /** Every response since the last reset(). */
  sent: Sent[];
  reset(): void;
  close(): Promise<void>;
}

export async function serveGzip(dir: string): Promise<Served> {
  const root = resolve(dir);
  let sent: Sent[] = [];
  const cache = new Map<string, { body: Buffer; gz?: Buffer; type: string; text?: string }>();
  const load = (file: string) => {
    let hit = cache.get(file);
    if (!hit) {
      const body = readFileSync(file);
      const type = contentType(file);
      const compress = COMPRESSIBLE.test(type);
      hit = { body, type, ...(compress ? { gz: gzipSync(body, { level: GZIP_LEVEL }), text: body.toString('utf8') } : {}) };
      cache.set(file, hit);
    }
    return hit;
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const { body, gz, type, text } = load(file);
      const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const out = gz && wantsGzip ? gz : body;
      res.writeHead(200, {
        'content-type': type,
        'content-length': out.length,
        'cache-control': 'no-store',
        ...(out === gz ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : out);
      sent.push({ path, type, raw: body.length, wire: out.length, status: 200, ...(text !== undefined ? { text } : {}) });
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      sent.push({ path, type: 'text/plain', raw: 0, wire: 0, status: 404 });
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    get sent() {
      return sent;
    },
    reset() {
      sent = [];
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
