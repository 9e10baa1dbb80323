// `npm run pdf` and `npm run pptx` make their files from a built deck: this builds it first when asked, or when dist/
// is missing or older than anything it is made from. One list of what a deck is made from, for both commands.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';
import { staleReason } from '../../src/handout/build-state.ts';

export interface BuildFirst {
  project: string;
  talkRoot: string;
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
  const { project, talkRoot, dist } = o;
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
  if (dist === resolve(project, 'dist')) {
    // The project's own build, so dist/ stays complete (the single file and the link-preview image too).
    const run = spawnSync('npm', ['run', 'build'], { cwd: project, stdio: 'inherit', env: process.env });
    if (run.status !== 0) o.fail(`the build failed (see above); ${o.nothingMade}.`);
    return;
  }
  try {
    await build({ root: project, configFile: resolve(project, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  } catch (e) {
    o.fail(`the build failed; ${o.nothingMade}.\n${e instanceof Error ? e.message : String(e)}`);
  }
}
