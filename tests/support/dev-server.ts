// The dev server `npm start` runs, started by tests on a free port of 127.0.0.1 with the project's own Vite config:
// the project's talk, or a copy of it a test breaks on purpose.
import { resolve } from 'node:path';
import { createServer, type LogLevel, type ViteDevServer } from 'vite';
import { ROOT, withTalk } from './project.ts';

export interface DevServer {
  server: ViteDevServer;
  /** http://127.0.0.1:port/ */
  url: string;
  /** The message of every error the server has sent to the page (what its error overlay shows), in order. */
  errors: string[];
  /** The deck page as the dev server fills it for a browser, without one. */
  page(): Promise<string>;
  close(): Promise<void>;
}

export interface DevServerOptions {
  /** The talk's folder (DECK_TALK); the project's talk without it. */
  talk?: string;
  /**
   * false: no file watching and no hot-reload WebSocket, for a test without a browser that asks for the page itself
   * (the deck plugin reads the talk afresh for every page anyway). Default: both on, as `npm start` runs it.
   */
  live?: boolean;
  logLevel?: LogLevel;
}

export async function startDevServer({ talk, live = true, logLevel = 'silent' }: DevServerOptions = {}): Promise<DevServer> {
  const errors: string[] = [];
  const server = await withTalk(talk, async () => {
    const server = await createServer({
      root: ROOT,
      configFile: resolve(ROOT, 'vite.config.ts'),
      logLevel,
      server: { port: 0, host: '127.0.0.1', ...(live ? {} : { hmr: false, watch: null }) },
    });
    // Errors are read where the page would receive them, so a test sees what the overlay would say.
    const send = server.ws.send.bind(server.ws);
    // The deck's problems go as the custom event "deck:problems" (src/browser/dev-problems.ts shows them); any
    // other error as Vite's own.
    server.ws.send = ((payload: string | { type: string; err?: { message: string } }, data?: { message?: string }) => {
      if (payload === 'deck:problems') errors.push(data?.message ?? '');
      else if (typeof payload === 'object' && payload.type === 'error') errors.push(payload.err?.message ?? '');
      return (send as (...a: unknown[]) => void)(payload, data);
    }) as typeof server.ws.send;
    await server.listen();
    return server;
  });
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no port');
  return {
    server,
    url: `http://127.0.0.1:${address.port}/`,
    errors,
    // The placeholders of the project's index.html that the deck plugin fills.
    page: async () => server.transformIndexHtml('/', '<html lang="%DECK_LANG%"><head><!-- deck:head --></head><body><!-- deck:slides --></body></html>'),
    close: () => server.close(),
  };
}
