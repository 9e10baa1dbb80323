// While editing (npm start), the deck's links to the text version work too.
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { textVersionFile } from '../../src/names/output-files.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { ROOT } from './support/build.ts';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  server = await createServer({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  base = server.resolvedUrls!.local[0]!;
});
afterAll(async () => {
  await server?.close();
});

it('serves the text version, made from the current data', async () => {
  const { model } = await buildTalk(ROOT);
  const res = await fetch(new URL(textVersionFile(model.talk), base));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  const page = await res.text();
  expect(page).toContain(`<h1>${model.talk.title}</h1>`);
  expect(page).toContain('Content-Security-Policy');
});

it('leaves other addresses to Vite', async () => {
  expect((await fetch(new URL('other-text.html', base))).status).not.toBe(500);
  const deck = await (await fetch(base)).text();
  expect(deck).toContain('<section id="title"');
});
