// Reads the texts a talk draws on: sources/<id>.txt, one UTF-8 text file per source, named by its id.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Id } from '../schema/common.ts';
import { DataError, type Problem } from './data-error.ts';
import { readText } from './load-yaml.ts';
import { outsideTalk } from './inside-talk.ts';
import { wordsOf, type Word } from './source-words.ts';

export interface SourceText {
  id: string;
  /** The file as messages show it, such as sources/blog-post.txt. */
  file: string;
  text: string;
  words: Word[];
}

export interface LoadedSources {
  /** False when the talk has no sources folder: then nothing is checked against sources. */
  present: boolean;
  /** Every source file, by id, that could be read (an empty one included, so it is not also called missing). */
  sources: Map<string, SourceText>;
  /** Ids of source files that could not be read, so a quote naming one is not also told the file is missing. */
  unreadable: Set<string>;
  problems: Problem[];
  files: string[];
}

export function loadSources(root: string, shown: (path: string) => string): LoadedSources {
  const dir = join(root, 'sources');
  const out: LoadedSources = { present: false, sources: new Map(), unreadable: new Set(), problems: [], files: [] };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return out;
  out.present = true;
  const away = outsideTalk(dir, root);
  if (away) {
    out.problems.push({ file: shown(dir), line: 1, column: 1, field: '', message: away });
    return out;
  }
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const path = join(dir, name);
    const file = shown(path);
    const id = basename(name, '.txt');
    out.files.push(path);
    const problem = (line: number, column: number, message: string) => out.problems.push({ file, line, column, field: '', message });
    if (!Id.safeParse(id).success) {
      problem(1, 1, `the file name "${name}" is not a source id: name it with lower-case letters, digits and single hyphens, such as "blog-post.txt"`);
      continue;
    }
    // A link to a file elsewhere on this computer is never read (its words would reach the provenance page).
    const outside = outsideTalk(path, root);
    if (outside) {
      problem(1, 1, outside);
      out.unreadable.add(id);
      continue;
    }
    let text: string;
    try {
      text = readText(path, file);
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      out.problems.push(...e.problems);
      out.unreadable.add(id);
      continue;
    }
    if (!text.trim()) {
      problem(1, 1, 'the source text is empty: paste the words of the source into it (as plain text), or delete the file');
      out.unreadable.add(id);
      continue;
    }
    out.sources.set(id, { id, file, text, words: wordsOf(text) });
  }
  return out;
}
