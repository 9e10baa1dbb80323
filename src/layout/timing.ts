// Shares the talk's length among its slides by weight, in whole seconds that add up exactly.
import type { Slide, TimedSlide } from './slide.ts';

export function assignTimings(slides: readonly Slide[], lengthMinutes: number): TimedSlide[] {
  const total = Math.round(lengthMinutes * 60);
  const weights = slides.reduce((sum, s) => sum + s.weight, 0);
  const exact = slides.map((s) => (s.weight / weights) * total);
  const seconds = exact.map(Math.floor);
  // Largest remainders get the leftover seconds, so the sum is exact and no slide is far off.
  const leftover = total - seconds.reduce((a, b) => a + b, 0);
  exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i)
    .slice(0, leftover)
    .forEach(({ i }) => (seconds[i]! += 1));
  return slides.map((s, i) => ({ ...s, seconds: seconds[i]! }));
}
