// Paths in messages: from the command's folder when below it, else whole (never "../../").
import { describe, expect, it } from 'vitest';
import { shownPath } from '../../src/names/shown-path.ts';

describe('shownPath', () => {
  it('shows a path below the folder from there, and any other whole', () => {
    expect(shownPath('/work/p/data/talk.yaml', '/work/p')).toBe('data/talk.yaml');
    expect(shownPath('/work/other/talk/data/talk.yaml', '/work/p')).toBe('/work/other/talk/data/talk.yaml');
    expect(shownPath('/work/p', '/work/p')).toBe('/work/p');
    expect(shownPath('/work/p/..hidden/x', '/work/p')).toBe('..hidden/x');
  });
});
