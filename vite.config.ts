import { defineConfig } from 'vite';
import { deckPlugin } from './src/vite/deck-plugin.ts';
import { sharePlugin } from './src/vite/share-plugin.ts';
import { trimRevealCssPlugin } from './src/vite/trim-reveal-css.ts';
import { fontsPlugin } from './src/vite/fonts-plugin.ts';

export default defineConfig({
  // Relative asset paths, so the built deck works from any web path (the single file covers file://).
  base: './',
  // sharePlugin: the Content-Security-Policy and the single-file copy, dist/<slug>.html (build only).
  // trimRevealCssPlugin: Reveal's style sheet without the transitions, fragments and lightbox the deck never uses.
  // fontsPlugin: the typeface cut to the talk's characters (build), the whole faces (dev server).
  plugins: [deckPlugin(), sharePlugin(), trimRevealCssPlugin(), fontsPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
