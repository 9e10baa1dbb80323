// Study designs are open: a known design is shown in the talk's language, any other as written. Only a near miss of a
// known design ("cohort stuy") is reported, since it is almost surely a typo rather than a new design.
import type { Words } from '../locale/words.ts';
import type { Problem } from './data-error.ts';
import type { Readable } from './check-references.ts';
import { nearest } from './describe-value.ts';

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
  const guess = nearest(word, known, (w) => (w.length >= 12 ? 2 : 1));
  // The same design in other capitals is not a near miss: it is known.
  return guess !== undefined && guess.toLocaleLowerCase() !== word.trim().toLocaleLowerCase() ? guess : undefined;
}
