// The benchmark's peers (decktape, Marp CLI, and the puppeteer they bring) are not the project's dependencies: `npm ci`
// and CI never install them; `npm run bench` installs them on demand into bench/peer-tools from its own lock file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/project.ts';

const json = (file: string) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')) as Record<string, Record<string, unknown>>;
const PEERS = ['decktape', '@marp-team/marp-cli', 'puppeteer'];

describe('the benchmark\'s peers', () => {
  it('are not in the project\'s dependencies or its lock file', () => {
    const project = json('package.json');
    expect(PEERS.filter((p) => p in (project.dependencies ?? {}) || p in (project.devDependencies ?? {}))).toEqual([]);
    const locked = Object.keys(json('package-lock.json').packages ?? {});
    expect(locked.filter((path) => PEERS.some((p) => path === `node_modules/${p}`))).toEqual([]);
  });

  it('are bench/peer-tools\' own, locked there, and installed by npm run bench before it runs', () => {
    const tools = json('bench/peer-tools/package.json');
    expect(Object.keys(tools.dependencies ?? {}).sort()).toEqual(['@marp-team/marp-cli', 'decktape']);
    expect(Object.keys(json('bench/peer-tools/package-lock.json').packages ?? {})).toEqual(expect.arrayContaining(['node_modules/decktape', 'node_modules/@marp-team/marp-cli']));
    // The peers before any run; the two quick measures (the source check, edit to preview) before the comparison.
    expect((json('package.json').scripts ?? {}).bench).toBe(
      'node scripts/ensure-chromium.mjs && node scripts/ensure-bench-peers.mjs && tsx bench/sources.ts && tsx bench/edit-preview.ts && tsx bench/bench.ts',
    );
  });
});
