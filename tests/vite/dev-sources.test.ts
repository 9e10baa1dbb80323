// The dev server holds the talk to its sources too: a mistyped figure shows in its error overlay with the same
// message as npm run check, the last good deck is kept, and the fix (in the data or in the source) is picked up.
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTalk, ROOT } from '../data/talk-copy.ts';

const talk = copyTalk();
let server: ViteDevServer;
const errors: string[] = [];

beforeAll(async () => {
  process.env.DECK_TALK = talk.root;
  try {
    server = await createServer({
      root: ROOT,
      configFile: resolve(ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    });
  } finally {
    delete process.env.DECK_TALK;
  }
  const send = server.ws.send.bind(server.ws);
  server.ws.send = ((payload: { type: string; err?: { message: string } }) => {
    if (payload.type === 'error') errors.push(payload.err?.message ?? '');
    return send(payload as never);
  }) as typeof server.ws.send;
  await server.listen();
}, 60_000);

afterAll(async () => {
  await server?.close();
  talk.remove();
});

const page = () => server.transformIndexHtml('/', '<html lang="%DECK_LANG%"><head><!-- deck:head --></head><body><!-- deck:slides --></body></html>');

describe('the dev server and the sources', () => {
  it('reports a figure its source does not give, keeps the last good deck, and takes the fix', async () => {
    const good = await page();
    expect(good).toContain('mean change 2.75 points');
    talk.edit('data/studies.yaml', (t) => t.replace('change: 2.75', 'change: 2.57'));
    expect(await page()).toBe(good);
    await new Promise((ok) => setTimeout(ok, 500));
    expect(errors.join('\n')).toMatch(/studies\.yaml:\d+:17 {2}studies\[0\]\.results\[0\]\.change {2}2\.57 is not in \S*sources\/blog-post\.txt in its passage/);
    // The source says 2.57 after all (say the speaker corrected a typo in it): the deck follows.
    talk.edit('sources/blog-post.txt', (t) => t.replace('mean change 2.75 points', 'mean change 2.57 points'));
    talk.edit('data/studies.yaml', (t) => t.replace('passage: pain reduction (mean change 2.75 points', 'passage: pain reduction (mean change 2.57 points'));
    expect(await page()).toContain('mean change 2.57 points');
  });
});
