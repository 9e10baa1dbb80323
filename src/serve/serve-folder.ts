// A small static server for a built folder, on 127.0.0.1 and a free port, under a path prefix as a web host
// would serve it: Chromium prints the PDFs from it, and the screenshots and tests open the deck through it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { contentType } from './content-types.ts';

export interface Served {
  /** Such as http://127.0.0.1:41234 */
  origin: string;
  /** The address of the folder: origin + prefix. */
  url: string;
  /** Every path the server was asked for. */
  asked: string[];
  /** Paths asked for, under the prefix, that were not there. */
  missing: string[];
  close(): Promise<void>;
}

export async function serveFolder(dir: string, prefix = '/'): Promise<Served> {
  const root = resolve(dir);
  const asked: string[] = [];
  const missing: string[] = [];
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    asked.push(path);
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      missing.push(path);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: origin + prefix,
    asked,
    missing,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
