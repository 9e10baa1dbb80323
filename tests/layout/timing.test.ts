import { describe, expect, it } from 'vitest';
import { raw } from '../../src/html/escape.ts';
import { assignTimings } from '../../src/layout/timing.ts';
import type { Slide } from '../../src/layout/slide.ts';

const slide = (id: string, weight: number): Slide => ({ id, title: id, kind: 'text', body: raw(''), notes: raw(''), weight });

describe('assignTimings', () => {
  it('shares the length by weight in whole seconds that add up exactly', () => {
    const timed = assignTimings([slide('a', 1), slide('b', 1), slide('c', 1)], 1);
    expect(timed.map((s) => s.seconds)).toEqual([20, 20, 20]);
    const odd = assignTimings([slide('a', 1), slide('b', 2), slide('c', 3.3), slide('d', 0.7)], 7);
    expect(odd.reduce((n, s) => n + s.seconds, 0)).toBe(420);
    expect(odd[2]!.seconds).toBeGreaterThan(odd[1]!.seconds);
  });

  it('gives leftover seconds to the largest remainders', () => {
    const timed = assignTimings([slide('a', 1), slide('b', 1), slide('c', 1)], 1 + 1 / 60);
    expect(timed.map((s) => s.seconds)).toEqual([21, 20, 20]);
  });
});
