// Medians and the small summaries the report prints.

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function summarize(values: number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values };
}

/**
 * How cost grows with slides: the cost per added slide from each size to the next, and the ratio of the last step's
 * to the first's. About 1 means linear; well below 1, fixed costs dominate (better than linear); above 1.5, worse.
 */
export function growth(points: { slides: number; value: number }[]): { perSlide: number[]; stepRatio: number; verdict: string } {
  const perSlide: number[] = [];
  for (let i = 1; i < points.length; i++) {
    perSlide.push((points[i]!.value - points[i - 1]!.value) / (points[i]!.slides - points[i - 1]!.slides));
  }
  const first = perSlide[0] ?? NaN;
  const last = perSlide[perSlide.length - 1] ?? NaN;
  const stepRatio = last / first;
  const verdict = !(first > 0) || !Number.isFinite(stepRatio)
    ? 'no measurable growth'
    : stepRatio > 1.5
      ? 'faster than linear'
      : stepRatio < 0.67
        ? 'sub-linear (fixed costs dominate)'
        : 'linear';
  return { perSlide, stepRatio, verdict };
}
