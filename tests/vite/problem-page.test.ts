// The dev server's page for a talk that has never loaded: the problems on a slide, and the words the deck's own
// browser code reads (without them that code stops, by design, in development).
import { describe, expect, it } from 'vitest';
import type { ViteDevServer } from 'vite';
import { deckPlugin } from '../../src/vite/deck-plugin.ts';
import { DECK_WORDS_ID } from '../../src/locale/browser-keys.ts';
import { copyTalk } from '../data/talk-copy.ts';

type Handler = (page: string) => Promise<string>;

describe('the dev server with a talk broken from the start', () => {
  it('shows the problems and still carries the deck\'s words', async () => {
    const talk = copyTalk();
    try {
      talk.edit('data/talk.yaml', (t) => t.replace('lengthMinutes: 30', 'lengthMinutes: thirty'));
      // The hooks as the dev server calls them (Vite's types declare them as a union of forms).
      const plugin = deckPlugin({ talk: talk.root }) as unknown as {
        configResolved(config: { root: string }): void;
        configureServer(server: ViteDevServer): void;
        transformIndexHtml: { handler: Handler };
      };
      plugin.configResolved({ root: talk.root });
      const sent: unknown[] = [];
      // Only what the plugin touches of a dev server: a watcher, the socket to the page, a logger.
      plugin.configureServer({
        watcher: { add() {}, on() {} },
        ws: { on() {}, send: (m: unknown) => sent.push(m) },
        config: { logger: { error() {} } },
      } as unknown as ViteDevServer);
      const page = await plugin.transformIndexHtml.handler(
        '<html lang="%DECK_LANG%"><head><!-- deck:head --></head><body><!-- deck:slides --></body></html>',
      );
      expect(page).toContain('<h2>There is no deck to show yet</h2>');
      expect(page).toContain('The deck appears as soon as you save the fixes.');
      expect(page).toContain('There is no deck to show yet: it appears as soon as you save the fix.');
      expect(page).toMatch(/lengthMinutes/);
      expect(page).toContain('<html lang="en">');
      const json = new RegExp(`<script type="application/json" id="${DECK_WORDS_ID}">([^<]*)</script>`).exec(page)?.[1];
      expect(JSON.parse(json!)['follow.toggle']).toBe('Follow the speaker');
      expect(sent).toHaveLength(1);
    } finally {
      talk.remove();
    }
  });
});
