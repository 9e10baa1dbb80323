// While editing (npm start), the deck's links to the text version work too.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { textVersionFile } from '../../src/names/output-files.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import { ROOT } from './support/build.ts';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let dev: DevServer;

beforeAll(async () => {
  dev = await startDevServer({ logLevel: 'error' });
});
afterAll(async () => {
  await dev?.close();
});

it('serves the text version, made from the current data', async () => {
  const { model } = await buildTalk(ROOT);
  const res = await fetch(new URL(textVersionFile(model.talk), dev.url));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  const page = await res.text();
  expect(page).toContain(`<h1>${model.talk.title}</h1>`);
  expect(page).toContain('Content-Security-Policy');
});

it('leaves other addresses to Vite', async () => {
  expect((await fetch(new URL('other-text.html', dev.url))).status).not.toBe(500);
  const deck = await (await fetch(dev.url)).text();
  expect(deck).toContain('<section id="title"');
});
