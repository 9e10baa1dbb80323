import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType } from '../../src/serve/content-types.ts';
import { serveFolder, type Served } from '../../src/serve/serve-folder.ts';

/** A GET with the path sent exactly as written (fetch would tidy away a "..", which is the point of one test). */
function get(served: Served, rawPath: string): Promise<{ status: number; type: string | undefined; body: string }> {
  const { port } = new URL(served.origin);
  return new Promise((ok, fail) => {
    request({ host: '127.0.0.1', port, path: rawPath }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    })
      .on('error', fail)
      .end();
  });
}

describe('serveFolder', () => {
  let dir: string;
  let served: Served;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-folder-'));
    mkdirSync(join(dir, 'site', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html><title>deck</title>');
    writeFileSync(join(dir, 'site', 'assets', 'deck.css'), 'body{}');
    writeFileSync(join(dir, 'secret.txt'), 'outside the folder');
    served = await serveFolder(join(dir, 'site'), '/talks/ms/');
  });
  afterAll(async () => {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the folder under its prefix, a directory as its index.html, with each file type', async () => {
    expect(served.url).toBe(`${served.origin}/talks/ms/`);
    expect(await get(served, '/talks/ms/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>deck</title>' });
    expect(await get(served, '/talks/ms/assets/deck.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8', body: 'body{}' });
  });

  it('answers 404 outside the prefix and for missing files, and records what was missing', async () => {
    expect((await get(served, '/index.html')).status).toBe(404);
    expect((await get(served, '/talks/ms/nothing.js')).status).toBe(404);
    expect(served.missing).toEqual(['/talks/ms/nothing.js']);
    expect(served.asked).toContain('/index.html');
  });

  it('never serves a file above the folder', async () => {
    const r = await get(served, '/talks/ms/..%2fsecret.txt');
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('outside');
    expect((await get(served, '/talks/ms/%E0%A4%A')).status).toBe(400);
  });
});

describe('contentType', () => {
  it('names the type of every kind of file a build holds, in any letter case, and plain bytes for the rest', () => {
    expect(contentType('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('deck-4f2a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('atkinson-latin-400.woff2')).toBe('font/woff2');
    expect(contentType('ms-massage-preview.png')).toBe('image/png');
    expect(contentType('qr.svg')).toBe('image/svg+xml');
    expect(contentType('handout.pdf')).toBe('application/pdf');
    expect(contentType('run.exe')).toBe('application/octet-stream');
    expect(contentType('README')).toBe('application/octet-stream');
  });
});
