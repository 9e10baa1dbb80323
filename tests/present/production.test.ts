// `npm run present:server` runs the follow-along server from compiled JavaScript with the production dependencies
// alone (issue 15, item 9): what a server gets from `npm ci --omit=dev`. The test compiles src/present as
// `npm run build:present` does into a folder of its own, gives it a node_modules holding only the packages
// `npm ls --omit=dev` names (no tsx, no Vite, no Playwright), and runs it there as its own Node process.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, presenter, ROOT, stateText, tinyDist } from './support.ts';

const app = mkdtempSync(join(tmpdir(), 'present-prod-'));
const children: ChildProcess[] = [];

beforeAll(() => {
  execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(ROOT, 'tsconfig.present.json'), '--outDir', join(app, 'dist-present')], { cwd: ROOT });
  cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
  const production = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((p) => p.includes(`${join(ROOT, 'node_modules')}/`));
  for (const pkg of production) {
    const to = join(app, relative(ROOT, pkg));
    mkdirSync(dirname(to), { recursive: true });
    symlinkSync(pkg, to);
  }
}, 120_000);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  rmSync(app, { recursive: true, force: true });
});

/** `npm run present:server -- …args` in the production folder; resolves with its ready message or its failure. */
function start(args: string[]): Promise<{ ready?: { port: number }; stderr: string; code?: number | null }> {
  // --preserve-symlinks: packages resolve from this folder's node_modules, never from the project's.
  const child = fork(join(app, 'dist-present/present/cli.js'), args, {
    cwd: app,
    execArgv: ['--preserve-symlinks', '--preserve-symlinks-main'],
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  return new Promise((done) => {
    child.on('message', (m: { type?: string; port?: number }) => {
      if (m.type === 'ready') done({ ready: { port: m.port! }, stderr });
    });
    child.on('exit', (code) => done({ stderr, code }));
  });
}

describe('the follow-along server with production dependencies only', () => {
  it('has nothing of the development tools to lean on', () => {
    const resolveFrom = (name: string) => {
      try {
        // -e code resolves packages from the working folder, as the server's own imports do.
        execFileSync(process.execPath, ['--preserve-symlinks', '-e', `require.resolve(${JSON.stringify(name)})`], { cwd: app, stdio: 'pipe' });
        return true;
      } catch {
        return false;
      }
    };
    expect(['vite', 'tsx', 'playwright-core', 'typescript'].filter(resolveFrom)).toEqual([]);
    expect(resolveFrom('ws')).toBe(true);
  });

  it('serves the deck and relays the presenter to listeners, run with node from compiled JavaScript', async () => {
    const dist = tinyDist();
    const tokenFile = join(mkdtempSync(join(tmpdir(), 'prod-token-')), 'token');
    const { ready, stderr } = await start(['--dist', dist, '--port', '0', '--token-file', tokenFile]);
    expect(ready, stderr).toBeDefined();
    const base = `http://127.0.0.1:${ready!.port}/`;
    const page = await (await fetch(base)).text();
    expect(page).toContain('<meta name="deck-follow"');
    const token = execFileSync('cat', [tokenFile], { encoding: 'utf8' }).trim();
    const listener = await connect(base);
    const speaker = await presenter(base, token);
    speaker.sendState({ h: 3, v: 0, f: null });
    // Questions are on by default: a listener first learns it may ask, then hears the slide.
    expect(await listener.waitForMessages(2)).toEqual(['{"type":"askable","open":true,"keepDays":30}', stateText(3)]);
    listener.ws.terminate();
    speaker.ws.terminate();
  }, 60_000);

  it('without a built deck, says to build it elsewhere instead of failing on a missing package', async () => {
    const { ready, stderr, code } = await start(['--dist', join(app, 'no-such-dist'), '--port', '0']);
    expect(ready).toBeUndefined();
    expect(code).toBe(1);
    expect(stderr).toContain('this install cannot build one (Vite is a development dependency)');
  }, 60_000);
});
