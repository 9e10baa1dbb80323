// Builds the deck with the project's own Vite config into a folder of the test's own, so tests never touch dist/.
import { talkFolder } from '../../../src/names/talk-folder.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildTalk, type BuiltDeck } from '../../../src/deck/build-talk.ts';
import { buildDeckInto, ROOT } from '../../support/project.ts';

export { ROOT };

export interface Built {
  dir: string;
  deck: BuiltDeck;
  read(file: string): string;
}

export async function buildInto(name: string): Promise<Built> {
  const dir = await buildDeckInto(resolve(ROOT, '.tmp', `share-test-${name}`));
  // The deck plugin builds the talk DECK_TALK names (npm run screenshots with DECK_TALK=examples/…), so the slides listed here are the same talk's.
  return { dir, deck: await buildTalk(talkFolder(undefined, process.env, ROOT)), read: (file) => readFileSync(resolve(dir, file), 'utf8') };
}
