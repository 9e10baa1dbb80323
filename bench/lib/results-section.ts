// A section of bench/results.md that one benchmark writes and the others keep: between two HTML comments, so
// `npm run bench` (which writes the file anew) and `npm run bench:follow -- --write` each replace only their own part.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const RESULTS_MD = resolve(import.meta.dirname, '..', 'results.md');

const markers = (name: string) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const;

/** The file's text with the section `name` replaced by `body` (added at the end when it is not there). */
export function withSection(text: string, name: string, body: string): string {
  const [start, end] = markers(name);
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) return text.slice(0, from) + block + text.slice(to + end.length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

/** The section `name` of the file as it is now, to carry over when the file is written anew. */
export function sectionOf(text: string, name: string): string | undefined {
  const [start, end] = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  return from >= 0 && to > from ? text.slice(from + start.length, to).trim() : undefined;
}

export function writeSection(name: string, body: string): void {
  const text = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '';
  writeFileSync(RESULTS_MD, withSection(text, name, body));
}
