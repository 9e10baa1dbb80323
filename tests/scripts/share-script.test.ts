// scripts/share.ts (npm run build's postbuild, the link-preview image): without Chromium it exits 1 with a plain
// message, no stack trace, and leaves the folder as it was. Runs on a temporary folder, never on dist/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTalk } from '../../src/data/load-data.ts';
import { singleFile } from '../../src/names/output-files.ts';

import { ROOT } from '../support/project.ts';
let dist: string;
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'share-dist-'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

const share = (env: NodeJS.ProcessEnv) =>
  spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), ['scripts/share.ts', dist], {
    cwd: ROOT,
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('scripts/share.ts', () => {
  it('without Chromium: exit 1, says Chromium was not found and how to install it, writes no image', () => {
    const single = singleFile(loadTalk({ root: ROOT }).talk);
    writeFileSync(join(dist, single), '<!doctype html><title>a stand-in: Chromium is never started</title>');
    const run = share({ CHROME_PATH: '/nonexistent' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Could not make the link-preview image: Chromium was not found at /nonexistent (from CHROME_PATH).');
    expect(run.stderr).toMatch(/apt-get install/);
    expect(run.stderr).toContain(`${dist}/ is otherwise complete; only the image that link previews show is missing. Run "npm run share -- ${dist}" to make it.`);
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dist)).toEqual([single]);
  }, 60_000);

  it('without the single file: exit 1, says to build first', () => {
    const run = share({ CHROME_PATH: '/nonexistent' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is missing: build the deck first with "npm run build" \(it makes this image too\)\./);
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
