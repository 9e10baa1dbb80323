// Study designs are open: a known design is shown in the talk's language, any other as written. Only a near miss of a
// known design ("cohort stuy") is reported, since it is almost surely a typo rather than a new design.
import type { Words } from '../locale/words.ts';
import type { Problem } from './data-error.ts';
import type { Readable } from './check-references.ts';

export function checkDesigns(studies: Readable | undefined, words: Words, file: string): Problem[] {
  const list = (studies?.data as { studies?: unknown } | undefined)?.studies;
  if (!Array.isArray(list)) return [];
  const known = words.designNames;
  const problems: Problem[] = [];
  list.forEach((study, i) => {
    const designs = (study as { design?: unknown } | null)?.design;
    if (!Array.isArray(designs)) return;
    designs.forEach((design, j) => {
      if (typeof design !== 'string' || words.designKey(design)) return;
      const guess = nearMiss(design, known);
      if (guess) {
        problems.push({
          file,
          ...studies!.locate(['studies', i, 'design', j]),
          field: `studies[${i}].design[${j}]`,
          message: `"${design}" is not a design the deck knows: did you mean "${guess}"? (A design that is really new is shown as written, but this one is too close to a known one to be sure.)`,
        });
      }
    });
  });
  return problems;
}

/** A known design one or two letters away, counting a transposition as one: closer than two real designs ever are. */
function nearMiss(word: string, known: readonly string[]): string | undefined {
  const w = word.trim().toLocaleLowerCase();
  let best: { d: number; k: string } | undefined;
  for (const k of known) {
    const d = distance(w, k.toLocaleLowerCase());
    const limit = w.length >= 12 ? 2 : 1;
    if (d > 0 && d <= limit && (!best || d < best.d)) best = { d, k };
  }
  return best?.k;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
