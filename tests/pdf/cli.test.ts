// `npm run pdf` when something is missing: a clear message, a non-zero exit, and nothing written under the final
// file names (a PDF from an earlier run is left as it was, never half overwritten).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runPdfScript } from './support.ts';

const DIR = resolve(ROOT, '.tmp', `pdf-cli-test-${process.pid}`);

beforeEach(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
});

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('npm run pdf, when it cannot print', () => {
  it('without Chromium: says to run apt-get install -y chromium, exits 1, builds and writes nothing', () => {
    const run = runPdfScript(['--dist', DIR], { CHROME_PATH: resolve(DIR, 'no-such-chromium') });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apt-get install -y chromium');
    expect(run.stderr).toContain('no-such-chromium');
    expect(run.stdout).not.toContain('Building');
    expect(readdirSync(DIR)).toEqual([]);
  });

  it('when Chromium does not start: says so with the install command, exits 1, keeps the earlier PDF whole', () => {
    writeFileSync(resolve(DIR, 'index.html'), '<!doctype html><title>deck</title>');
    writeFileSync(resolve(DIR, 'ms-massage-handout.html'), '<!doctype html><title>handout</title>');
    writeFileSync(resolve(DIR, 'ms-massage-slides.pdf'), 'the PDF of an earlier run');
    const run = runPdfScript(['--dist', DIR, '--no-build'], { CHROME_PATH: '/bin/false' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/did not start/);
    expect(run.stderr).toContain('apt-get install -y chromium');
    expect(readFileSync(resolve(DIR, 'ms-massage-slides.pdf'), 'utf8')).toBe('the PDF of an earlier run');
    expect(readdirSync(DIR).sort()).toEqual(['index.html', 'ms-massage-handout.html', 'ms-massage-slides.pdf']);
  });

  it('when the deck is not built and building is turned off: says to build, exits 1', () => {
    const run = runPdfScript(['--dist', DIR, '--no-build']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/index\.html is missing: build the deck first \(npm run build\)/);
    expect(readdirSync(DIR)).toEqual([]);
  });

  it('with an option it does not know: shows how to use it, exits 2', () => {
    const run = runPdfScript(['--a3']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option "--a3"');
    expect(run.stderr).toContain('--a4');
  });

  it('--help says how to use it', () => {
    const run = runPdfScript(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--a4\s+print the handout on A4 paper/);
    expect(run.stdout).toContain('apt-get install -y chromium');
  });
});
