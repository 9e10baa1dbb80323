// The report a person sees when the talk's files have problems: the same lines in `npm run check`,
// `npm run build` and the dev server, then one closing sentence saying what happened and what to do.
import { formatProblem, type Problem } from '../data/data-error.ts';

export function problemReport(problems: readonly Problem[], closing: (them: 'it' | 'them') => string): string {
  const n = problems.length;
  return `${problems.map(formatProblem).join('\n')}\n\n${n} problem${n === 1 ? '' : 's'} found. ${closing(n === 1 ? 'it' : 'them')}`;
}

export type Closing = (them: 'it' | 'them') => string;

/** `again`: the exact command for the same talk, such as npm run check -- --talk talks/yoga. */
export const checkClosing = (again: string): Closing => (them) => `Nothing was changed; fix ${them} and run "${again}" again.`;
export const buildClosing =
  (dist: string, again: string): Closing =>
  (them) =>
    `Nothing was built; the last build in ${dist}/ is unchanged. Fix ${them} and run "${again}" again.`;
/** The dev page: it keeps the last deck without problems, when there was one since it started. */
export const devClosing =
  (hadGoodDeck: boolean): Closing =>
  (them) =>
    hadGoodDeck
      ? `The deck shown is the last one without problems; it updates as soon as you save the ${them === 'it' ? 'fix' : 'fixes'}.`
      : `There is no deck to show yet: it appears as soon as you save the ${them === 'it' ? 'fix' : 'fixes'}.`;

/** True when this process is the `vite` command itself (npm run build, npx vite build), not a script using Vite. */
export function runByViteCommand(argv: readonly string[] = process.argv): boolean {
  return /[\\/](vite[\\/]bin[\\/]vite\.js|\.bin[\\/]vite)$/.test(argv[1] ?? '');
}
