// What every part of the source check shares: the talk's files as read, its sources, the problems found so far,
// and what was checked against which passage (for the provenance page). One instance per check.
import type { Problem } from '../data-error.ts';
import { formatPath } from '../data-error.ts';
import type { Readable, Source } from '../check-references.ts';
import type { LoadedSources, SourceText } from '../load-sources.ts';
import type { MarkdownSlide } from '../load-markdown-slide.ts';
import { nearest } from '../describe-value.ts';
import { findQuote, lineAt, sentenceAround, shownPassage } from '../source-words.ts';
import { get } from '../raw-data.ts';

/**
 * How much of a source the provenance page shows around a figure: a sentence, never a whole file (a source is
 * untrusted input: a "sentence" with no full stop could be all of it).
 */
export const PASSAGE_CAP = 400;
/** Around quoted words: the words themselves (they are on the slides already) and a little more, never the file. */
export const quotedCap = (words: string) => Math.max(PASSAGE_CAP, words.length + 120);

/** One thing the talk says, beside the passage of the source it was checked against. */
export interface Provenance {
  kind: 'quote' | 'conclusion' | 'quoted words' | 'figures' | 'claim' | 'own view';
  /** The words or figures as the talk gives them. */
  said: string;
  /** Where the talk says it: file:line and field. */
  where: string;
  source: string;
  sourceFile: string;
  /** The source's passage, and the line of the source it starts on (empty for the speaker's own view). */
  passage: string;
  line: number;
  /** For a claim: every passage it rests on (the first is also in source, passage and line). */
  passages?: { source: string; sourceFile: string; passage: string; line: number }[];
}

export interface SourceCheckInput {
  read: Partial<Record<Source, Readable>>;
  /** Each data file's text as written, to find the line of a quotation inside a long field. */
  rawOf: (source: Source) => string | undefined;
  fileOf: (source: Source) => string;
  markdown: Map<string, MarkdownSlide>;
  /** A hand-written slide's text as written, by its name in the running order. */
  markdownText: (entry: string) => string | undefined;
  sources: LoadedSources;
  /** The talk's hedge words ("may", "seems"), from its locale: a claim resting only on hedged passages keeps one. */
  hedges?: readonly string[];
}

export type Span = { start: number; end: number };

export class SourceCheck {
  readonly problems: Problem[] = [];
  readonly provenance: Provenance[] = [];
  /** The sources something names in "from". */
  readonly cited = new Set<string>();
  readonly ids: string[];

  constructor(readonly input: SourceCheckInput) {
    this.ids = [...input.sources.sources.keys()];
  }

  get read() {
    return this.input.read;
  }
  get sources() {
    return this.input.sources;
  }

  at(source: Source, path: PropertyKey[]) {
    return this.input.read[source]?.locate(path) ?? { line: 1, column: 1 };
  }

  report(source: Source, path: PropertyKey[], message: string, pos = this.at(source, path)) {
    this.problems.push({ file: this.input.fileOf(source), ...pos, field: formatPath(path), message });
  }

  whereOf(source: Source, path: PropertyKey[], pos = this.at(source, path)) {
    return `${this.input.fileOf(source)}:${pos.line}  ${formatPath(path)}`;
  }

  /** The source a quote, the clinic or a study names in "from", or a problem saying what is wrong. */
  sourceOf(source: Source, path: PropertyKey[], what: string): SourceText | undefined {
    const from = get(this.read[source]?.data, ...path, 'from');
    const ids = this.ids;
    if (from === undefined) {
      this.report(source, path, `say which source ${what} come${what.endsWith('s') ? '' : 's'} from: add "from:" with the id of a file in sources/${ids.length ? ` (${ids.join(', ')})` : ''}`);
      return undefined;
    }
    if (typeof from !== 'string') return undefined; // the schema reports it
    this.cited.add(from);
    const text = this.sources.sources.get(from);
    if (!text && !this.sources.unreadable.has(from)) {
      const guess = nearest(from, ids);
      this.report(source, [...path, 'from'], `no source text "${from}": expected a file sources/${from}.txt${guess ? `: did you mean "${guess}"?` : ids.length ? ` (sources: ${ids.join(', ')})` : ''}`);
    }
    return text;
  }

  /** Checks words that must be the source's own; records them, or reports the first difference. */
  verbatim(kind: Provenance['kind'], words: string, src: SourceText, source: Source, path: PropertyKey[], what: string) {
    const found = findQuote(words, src.words);
    if (found.found) {
      this.provenance.push({ kind, said: words, where: this.whereOf(source, path), source: src.id, sourceFile: src.file, passage: shownPassage(src.text, found.start, found.end, quotedCap(words)), line: lineAt(src.text, found.start) });
      return;
    }
    this.report(source, path, `${what} is not word for word in ${src.file}: it ${found.difference}. Nearest passage (line ${lineAt(src.text, found.start)}): "${shownPassage(src.text, found.start, found.end)}"`);
  }
}

/** Some words either side of a short quotation, so the page shows it in its sentence. */
export function widen(text: string, start: number, end: number): [number, number] {
  if (end - start > 120) return [start, end];
  const s = sentenceAround(text, start, end);
  return [Math.max(s.start, start - 120), Math.min(s.end, end + 120)];
}
