// `npm start` / `npm run dev`, `npm run build` and `npm run preview` for one talk: each names the talk on its first
// line (src/cli/chosen-talk.ts), passes it to Vite's plugins through DECK_TALK, and builds into the talk's own dist/
// (the project's talk: ./dist), so building one talk never empties another's outputs (the deck plugin also refuses
// a folder that holds another talk's).
// Usage: npm run build [-- --talk <folder>] [-- --dist <folder>]   (dev and preview take --talk)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, createServer, preview } from 'vite';
import { NotATalk, openTalk } from '../src/cli/chosen-talk.ts';
import { talkDist } from '../src/names/talk-folder.ts';
import { shownPath } from '../src/names/shown-path.ts';

const project = resolve(import.meta.dirname, '..');
const [step, ...args] = process.argv.slice(2);
const USAGE = `Usage: npm run ${step ?? 'build'} [-- --talk <folder>]${step === 'build' ? ' [-- --dist <folder>]' : ''}`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

if (step !== 'dev' && step !== 'build' && step !== 'preview') fail(`scripts/deck.ts: say dev, build or preview.\n${USAGE}`, 2);
let values: { talk?: string; dist?: string };
try {
  values = parseArgs({ args, options: { talk: { type: 'string' }, dist: { type: 'string' } }, strict: true, allowPositionals: false }).values;
  if (values.dist !== undefined && step !== 'build') throw new Error('--dist is for npm run build');
} catch (e) {
  fail(`npm run ${step}: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`, 2);
}
let talk;
try {
  talk = openTalk(values.talk);
} catch (e) {
  if (e instanceof NotATalk) fail(e.message);
  throw e;
}
if (process.env.DECK_QUIET_TALK !== '1') console.log(talk.line);
// Vite's plugins (and the steps after the build) choose the talk the same way; a folder named here goes to them by
// DECK_TALK (the remembered one and the project's they find themselves, so their hints name the talk as this did).
if (talk.how === 'option') process.env.DECK_TALK = talk.root;
const dist = resolve(values.dist ?? talkDist(talk.root));
const configFile = resolve(project, 'vite.config.ts');

if (step === 'dev') {
  const server = await createServer({ root: project, configFile });
  await server.listen();
  server.printUrls();
  server.bindCLIShortcuts({ print: true });
} else if (step === 'preview') {
  const server = await preview({ root: project, configFile, build: { outDir: dist } });
  server.printUrls();
  server.bindCLIShortcuts({ print: true });
} else {
  try {
    await build({ root: project, configFile, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  } catch (e) {
    // The deck plugin's error is the problem report alone (file:line lines and what to do), not a stack trace; the
    // bundler wraps it ("Build failed with 1 error: [plugin deck] …"), so the plugin's own words are taken out.
    const inner = (e as { errors?: { message?: string }[] }).errors?.map((x) => x.message ?? '').filter(Boolean);
    fail(inner?.length ? inner.join('\n') : e instanceof Error ? e.message : String(e));
  }
  console.log(`Built ${talk.title ? `“${talk.title}”` : 'the talk'} into ${shownPath(dist)}/`);
  // The steps after the deck: the link-preview image, the presenter's server, the replay when the talk has one.
  // DECK_TALK names the talk to each; they do not name it again.
  const after: [string, string[]][] = [
    ['share', [dist]],
    ['build:present', []],
    ['replay', ['--after-build', '--dist', dist]],
  ];
  for (const [script, extra] of after) {
    const run = spawnSync('npm', ['run', '--silent', script, ...(extra.length ? ['--', ...extra] : [])], {
      cwd: project,
      stdio: 'inherit',
      env: { ...process.env, DECK_QUIET_TALK: '1' },
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}
