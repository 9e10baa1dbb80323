import { defineConfig } from 'vite';
import { deckPlugin } from './src/vite/deck-plugin.ts';
import { sharePlugin } from './src/vite/share-plugin.ts';
import { trimRevealCssPlugin } from './src/vite/trim-reveal-css.ts';
import { fontsPlugin } from './src/vite/fonts-plugin.ts';
import { talkDist, talkFolder } from './src/names/talk-folder.ts';

export default defineConfig({
  // Relative asset paths, so the built deck works from any web path (the single file covers file://).
  base: './',
  // sharePlugin: the Content-Security-Policy and the single-file copy, dist/<slug>.html (build only).
  // trimRevealCssPlugin: Reveal's style sheet without the transitions, fragments and lightbox the deck never uses.
  // fontsPlugin: the typeface cut to the talk's characters (build), the whole faces (dev server).
  plugins: [deckPlugin(), sharePlugin(), trimRevealCssPlugin(), fontsPlugin()],
  build: {
    // Each talk builds into its own folder (the project's talk: ./dist), so one talk's build never empties another's.
    outDir: talkDist(talkFolder()),
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
