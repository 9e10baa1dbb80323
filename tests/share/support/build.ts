// Builds the deck with the project's own Vite config into a folder of the test's own, so tests never touch dist/.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { buildTalk, type BuiltDeck } from '../../../src/deck/build-talk.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface Built {
  dir: string;
  deck: BuiltDeck;
  read(file: string): string;
}

export async function buildInto(name: string): Promise<Built> {
  const dir = resolve(ROOT, '.tmp', `share-test-${name}`);
  mkdirSync(dir, { recursive: true });
  await build({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: dir, emptyOutDir: true },
  });
  // The deck plugin builds the talk DECK_TALK names (npm run screenshots with DECK_TALK=examples/…), so the slides listed here are the same talk's.
  return { dir, deck: await buildTalk(resolve(ROOT, process.env.DECK_TALK ?? '.')), read: (file) => readFileSync(resolve(dir, file), 'utf8') };
}
