// Reads one hand-written slide: YAML front matter, a Markdown body with a heading, and its notes.
import { forbiddenCharacter } from '../schema/common.ts';
import { DataError, type Problem } from './data-error.ts';
import { unsafeLinkMessage, unsafeLinks } from '../markdown/render-markdown.ts';
import { parseYaml } from './load-yaml.ts';
import { SlideFrontMatterSchema, type SlideFrontMatter } from '../schema/slide-file.ts';

export interface MarkdownSlide extends SlideFrontMatter {
  file: string;
  title: string;
  /** Markdown of the slide itself, heading included. */
  body: string;
  /** Markdown of the speaker notes. */
  notes: string;
  /** Markdown of the notes for the speaker alone (after a "Private:" line): never published. */
  privateNotes?: string;
}

const FRONT = /^---\n([\s\S]*?)\n---\n/;
const NOTES = /^Notes?:[ \t]*$/m;
const PRIVATE = /^Private:[ \t]*$/m;

export function loadMarkdownSlides(text: string, file: string): MarkdownSlide {
  const problem = (line: number, column: number, message: string): Problem => ({ file, line, column, field: '', message });
  if (!text.trim()) {
    throw new DataError([
      problem(1, 1, 'the slide file is empty: it needs front matter between two "---" lines (with an "id:"), a "# Heading", the slide\'s text, then "Notes:" and what to say'),
    ]);
  }
  const front = FRONT.exec(text);
  if (!front) {
    throw new DataError([problem(1, 1, 'expected front matter between two "---" lines, with at least an "id:", at the very top of the file')]);
  }
  // Every problem of the file is collected, so one run lists them all.
  const problems: Problem[] = [];
  // A control character anywhere (it would reach the PowerPoint's XML and the notes): said at its line.
  text.split('\n').forEach((line, i) => {
    const control = forbiddenCharacter(line);
    if (control) problems.push(problem(i + 1, 1, control));
  });
  let meta: SlideFrontMatter | undefined;
  try {
    meta = parseYaml(front[1]!, file, SlideFrontMatterSchema).value;
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    // Front matter starts on line 2 of the file: move its problems' lines there.
    problems.push(...e.problems.map((p) => ({ ...p, line: p.line + 1 })));
  }
  const bodyStart = front[0].length;
  const rest = text.slice(bodyStart);
  const split = NOTES.exec(rest);
  const body = (split ? rest.slice(0, split.index) : rest).trim();
  const allNotes = split ? rest.slice(split.index + split[0].length) : '';
  // Whatever follows a "Private:" line is for the speaker alone: shown in the speaker view, never published.
  const privateSplit = PRIVATE.exec(allNotes);
  const notes = (privateSplit ? allNotes.slice(0, privateSplit.index) : allNotes).trim();
  const privateNotes = privateSplit ? allNotes.slice(privateSplit.index + privateSplit[0].length).trim() || undefined : undefined;
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;

  const heading = /^#{1,2}[ \t]+(.+)$/m.exec(body);
  if (!heading) problems.push(problem(lineOf(bodyStart), 1, 'the slide has no heading: start it with a line such as "# Why this talk"'));
  if (!notes) problems.push(problem(lineOf(text.length), 1, 'the slide has no speaker notes: add a line "Notes:" followed by what to say'));
  for (const href of [...unsafeLinks(body), ...unsafeLinks(notes)]) {
    const at = text.indexOf(href, bodyStart);
    problems.push(at < 0 ? problem(lineOf(bodyStart), 1, unsafeLinkMessage(href)) : problem(lineOf(at), at - text.lastIndexOf('\n', at - 1), unsafeLinkMessage(href)));
  }
  if (problems.length > 0 || !meta || !heading) throw new DataError(problems);
  return { ...meta, file, title: heading[1]!.trim(), body, notes, ...(privateNotes ? { privateNotes } : {}) };
}
