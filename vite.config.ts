import { defineConfig } from 'vite';
import { deckPlugin } from './src/vite/deck-plugin.ts';

export default defineConfig({
  // Relative asset paths, so the built deck works from any web path and from file://.
  base: './',
  plugins: [deckPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
