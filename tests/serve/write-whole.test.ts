// A file written whole or not at all, through a temporary file at an unpredictable name opened with exclusive
// create: never through a link someone left at the final name or a guessable temporary one.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryName, writeWhole } from '../../src/serve/write-whole.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'whole-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeWhole', () => {
  it('writes the file and leaves no temporary file behind', () => {
    writeWhole(join(dir, 'deck.pptx'), 'whole');
    expect(readFileSync(join(dir, 'deck.pptx'), 'utf8')).toBe('whole');
    expect(readdirSync(dir)).toEqual(['deck.pptx']);
  });

  it('replaces a link at the final name instead of writing through it to its target', () => {
    writeFileSync(join(dir, 'victim'), 'keep me');
    symlinkSync(join(dir, 'victim'), join(dir, 'deck.pptx'));
    writeWhole(join(dir, 'deck.pptx'), 'new');
    expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(dir, 'deck.pptx'), 'utf8')).toBe('new');
  });

  it('uses a temporary name no one can guess, a new one each time', () => {
    const a = temporaryName(join(dir, 'x.pdf'));
    const b = temporaryName(join(dir, 'x.pdf'));
    expect(a).not.toBe(b);
    expect(a).toMatch(/\/\.x\.pdf\.[0-9a-f]{16}\.partial$/);
    expect(existsSync(a)).toBe(false);
  });
});
