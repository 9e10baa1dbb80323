// Problems found in the talk's files, each pointing at a file, a line and a field.

export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Dotted path to the field, such as `studies[2].results[0].p`; empty for the whole file. */
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  return p.field ? `${where}  ${p.field}  ${p.message}` : `${where}  ${p.message}`;
}

/** Thrown when the talk's files cannot make a deck; carries every problem found, not just the first. */
export class DataError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const n = problems.length;
    super(`${n} problem${n === 1 ? '' : 's'} in the talk's files:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'DataError';
    this.problems = problems;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
