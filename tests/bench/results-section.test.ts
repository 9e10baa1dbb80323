// bench/results.md holds sections written by different benchmarks: each replaces its own, and keeps the others.
import { describe, expect, it } from 'vitest';
import { sectionOf, withSection } from '../../bench/lib/results-section.ts';

describe('results sections', () => {
  it('adds a section at the end, replaces it in place, and reads it back', () => {
    const first = withSection('# Benchmark\n\nTable.\n', 'follow', 'one');
    expect(first).toBe('# Benchmark\n\nTable.\n\n<!-- follow:start -->\none\n<!-- follow:end -->\n');
    const second = withSection(first, 'follow', 'two');
    expect(second).toBe('# Benchmark\n\nTable.\n\n<!-- follow:start -->\ntwo\n<!-- follow:end -->\n');
    expect(sectionOf(second, 'follow')).toBe('two');
    expect(sectionOf('# nothing', 'follow')).toBeUndefined();
  });
});
