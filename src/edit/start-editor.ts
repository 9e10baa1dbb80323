// Starts the editor: the dev server of the talk (the live deck) with the editor's plugin, on loopback, at an
// address holding a new secret.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { editorPlugin } from './editor-plugin.ts';
import { EDIT_PREFIX } from './guard.ts';

const PROJECT = resolve(import.meta.dirname, '../..');

export interface RunningEditor {
  /** The editor's page, secret included. */
  url: string;
  /** The live deck (the preview), without the secret. */
  deckUrl: string;
  server: ViteDevServer;
  close(): Promise<void>;
}

export async function startEditor({ root, port = 0 }: { root: string; port?: number }): Promise<RunningEditor> {
  const secret = randomBytes(24).toString('base64url');
  // The deck plugin finds the talk here, as npm run dev passes it.
  process.env.DECK_TALK = root;
  const server = await createServer({
    root: PROJECT,
    configFile: resolve(PROJECT, 'vite.config.ts'),
    logLevel: 'warn',
    plugins: [editorPlugin({ root, secret })],
    server: { host: '127.0.0.1', port, strictPort: port !== 0 },
  });
  await server.listen();
  const address = server.httpServer!.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const deckUrl = `http://127.0.0.1:${actual}/`;
  return { url: `${deckUrl}${EDIT_PREFIX.slice(1)}${secret}/`, deckUrl, server, close: () => server.close() };
}
