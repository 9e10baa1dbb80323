// `npm run pdf` and `npm run pptx` make their files from a built deck: this builds it first when asked, or when dist/
// is missing or older than anything it is made from. One list of what a deck is made from, for both commands.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { staleReason } from '../../src/handout/build-state.ts';
import type { OpenedTalk } from '../../src/cli/chosen-talk.ts';
import { talkDist } from '../../src/names/talk-folder.ts';

export interface BuildFirst {
  project: string;
  talk: OpenedTalk;
  dist: string;
  /** 'always' (--build), 'never' (--no-build), or when stale. */
  buildMode: 'always' | 'never' | 'auto';
  /** Files in dist/ the command needs. */
  outputs: string[];
  /** What is not made when the build fails, for the message: "nothing was printed". */
  nothingMade: string;
  fail(message: string): never;
}

export async function buildFirstIfNeeded(o: BuildFirst): Promise<void> {
  const { project, dist } = o;
  const talkRoot = o.talk.root;
  const reason =
    o.buildMode === 'always'
      ? 'asked to build'
      : o.buildMode === 'never'
        ? undefined
        : staleReason({
            dist,
            outputs: o.outputs,
            sources: [
              resolve(talkRoot, 'data'),
              resolve(talkRoot, 'slides'),
              resolve(talkRoot, 'sources'),
              resolve(project, 'locales'),
              resolve(project, 'src'),
              resolve(project, 'index.html'),
              resolve(project, 'vite.config.ts'),
              resolve(project, 'package-lock.json'),
            ],
          });
  if (!reason) return;
  console.log(`Building the deck first (${reason})…`);
  // npm run build itself, so the folder is complete (the single file, the link-preview image, the replay); the build
  // refuses a folder holding another talk's outputs rather than empty it.
  // The talk goes by DECK_TALK, so this build does not change the talk remembered for commands without --talk.
  const args = ['run', '--silent', 'build', ...(dist === talkDist(talkRoot) ? [] : ['--', '--dist', dist])];
  const run = spawnSync('npm', args, { cwd: project, stdio: 'inherit', env: { ...process.env, DECK_TALK: talkRoot } });
  if (run.status !== 0) o.fail(`the build failed (see above); ${o.nothingMade}.`);
}
