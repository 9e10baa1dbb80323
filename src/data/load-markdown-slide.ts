// Reads one hand-written slide: YAML front matter, a Markdown body with a heading, and its notes.
import { DataError } from './data-error.ts';
import { parseYaml } from './load-yaml.ts';
import { SlideFrontMatterSchema, type SlideFrontMatter } from '../schema/slide-file.ts';

export interface MarkdownSlide extends SlideFrontMatter {
  file: string;
  title: string;
  /** Markdown of the slide itself, heading included. */
  body: string;
  /** Markdown of the speaker notes. */
  notes: string;
}

const FRONT = /^---\n([\s\S]*?)\n---\n/;
const NOTES = /^Notes?:[ \t]*$/m;

export function loadMarkdownSlides(text: string, file: string): MarkdownSlide {
  const front = FRONT.exec(text);
  if (!front) {
    throw new DataError([{ file, line: 1, column: 1, field: '', message: 'expected front matter between two "---" lines, with at least an "id:"' }]);
  }
  const meta = shiftLines(() => parseYaml(front[1]!, file, SlideFrontMatterSchema).value, 1);
  const bodyStart = front[0].length;
  const rest = text.slice(bodyStart);
  const split = NOTES.exec(rest);
  const body = (split ? rest.slice(0, split.index) : rest).trim();
  const notes = split ? rest.slice(split.index + split[0].length).trim() : '';
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;

  const heading = /^#{1,2}[ \t]+(.+)$/m.exec(body);
  if (!heading) {
    throw new DataError([{ file, line: lineOf(bodyStart), column: 1, field: '', message: 'the slide has no heading: start it with a line such as "# Why this talk"' }]);
  }
  if (!notes) {
    throw new DataError([{ file, line: lineOf(text.length), column: 1, field: '', message: 'the slide has no speaker notes: add a line "Notes:" followed by what to say' }]);
  }
  return { ...meta, file, title: heading[1]!.trim(), body, notes };
}

/** Front matter starts on line 2 of the file: move its problems' lines there. */
function shiftLines<T>(run: () => T, by: number): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof DataError) throw new DataError(e.problems.map((p) => ({ ...p, line: p.line + by })));
    throw e;
  }
}
