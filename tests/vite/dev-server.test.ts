// The dev server while someone edits: a mistake is reported, and the last good deck keeps being served.
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTalk, ROOT } from '../data/talk-copy.ts';

const talk = copyTalk();
let server: ViteDevServer;
const errors: string[] = [];

beforeAll(async () => {
  // The deck plugin reads the talk's folder from DECK_TALK when the config resolves.
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

const page = async () => server.transformIndexHtml('/', '<html lang="%DECK_LANG%"><head><!-- deck:head --></head><body><!-- deck:slides --></body></html>');

describe('the dev server', () => {
  it('keeps serving the last good deck and reports the mistake in its overlay', async () => {
    {
      const good = await page();
      expect(good).toContain('id="study-negahban-2013"');
      talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: "p<.01"'));
      const after = await page();
      expect(after).toBe(good);
      await new Promise((ok) => setTimeout(ok, 500));
      expect(errors.join('\n')).toMatch(/studies\.yaml:\d+:12 {2}studies\[0\]\.results\[1\]\.p {2}expected a number such as 0\.001/);
    }
  });
});
