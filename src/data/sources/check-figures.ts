// Every figure of a study's results, and of its participants and schedule, found in the part of its source that
// gives that study (or in the result's own passage), with its unit or as a P value where the data says so.
import type { Source } from '../check-references.ts';
import type { SourceText } from '../load-sources.ts';
import { figuresOf, findQuote, lineAt, sentenceAround, shownPassage, wordsOf, type Figure, type Word } from '../source-words.ts';
import { get, items } from '../raw-data.ts';
import { PASSAGE_CAP, type SourceCheck, type Span } from './context.ts';

type Wanted = { value: number; path: PropertyKey[]; after?: string; before?: string };

export function checkStudyFigures(check: SourceCheck, study: unknown, i: number, src: SourceText, span: Span): void {
  const spanWords = src.words.filter((w) => w.start >= span.start && w.end <= span.end);
  const where = span.start > 0 ? 'where it gives this study' : '';
  for (const key of ['participants', 'schedule'] as const) {
    const fact = get(study, key);
    if (fact === undefined || get(fact, 'source') === 'paper') continue;
    const wanted: Wanted[] = [];
    const count = get(fact, 'count');
    if (typeof count === 'number') wanted.push({ value: count, path: ['studies', i, key, 'count'] });
    const text = get(fact, 'text');
    if (typeof text === 'string') for (const f of figuresOf(wordsOf(text), text)) wanted.push({ value: f.value, path: ['studies', i, key, 'text'] });
    const seen = findFigures(check, wanted, spanWords, src, where, 'studies');
    if (seen && typeof text === 'string') check.provenance.push({ kind: 'figures', said: text, where: check.whereOf('studies', ['studies', i, key]), source: src.id, sourceFile: src.file, ...seen });
  }
  items(get(study, 'results'))?.forEach((r, j) => {
    if (get(r, 'source') === 'paper') return;
    const path = ['studies', i, 'results', j];
    let words = spanWords;
    const passage = get(r, 'passage');
    if (typeof passage === 'string') {
      const found = findQuote(passage, src.words);
      if (!found.found) {
        check.report('studies', [...path, 'passage'], `the passage is not word for word in ${src.file}: it ${found.difference}. Nearest passage (line ${lineAt(src.text, found.start)}): "${shownPassage(src.text, found.start, found.end)}"`);
        return;
      }
      words = src.words.filter((w) => w.start >= found.start && w.end <= found.end);
    }
    const wanted: Wanted[] = [];
    const change = get(r, 'change');
    const unit = get(r, 'unit');
    if (typeof change === 'number') wanted.push({ value: change, path: [...path, 'change'], after: typeof unit === 'string' ? unit : undefined });
    const p = get(r, 'p');
    if (typeof p === 'number') wanted.push({ value: p, path: [...path, 'p'], before: 'P' });
    const detail = get(r, 'detail');
    if (typeof detail === 'string') for (const f of figuresOf(wordsOf(detail), detail)) wanted.push({ value: f.value, path: [...path, 'detail'] });
    if (wanted.length === 0) return;
    const seen = findFigures(check, wanted, words, src, typeof passage === 'string' ? 'in its passage' : where, 'studies', [get(r, 'outcome'), get(r, 'comparison'), unit]);
    if (seen) check.provenance.push({ kind: 'figures', said: resultSaid(r), where: check.whereOf('studies', path), source: src.id, sourceFile: src.file, ...seen });
  });
}

/** Looks for each figure among the words; reports those missing. Returns the passage of the first, if all were found. */
function findFigures(check: SourceCheck, wanted: Wanted[], words: Word[], src: SourceText, where: string, source: Source, about: unknown[] = []): { passage: string; line: number } | undefined {
  const byValue = figuresIn(words, src.text).byValue;
  let first: Span | undefined;
  let ok = true;
  for (const w of wanted) {
    // A sign is compared as its size: sources write "fell by 2.75" as often as "-2.75".
    const same = byValue.get(figureKey(Math.abs(w.value))) ?? [];
    const fits = same.filter((f) => (w.after ? followedBy(words, f.word, w.after) : true) && (w.before ? precededBy(words, f.word, w.before) : true));
    if (fits.length > 0) {
      const word = words[fits[0]!.word]!;
      first ??= sentenceAround(src.text, word.start, word.end);
      continue;
    }
    ok = false;
    const near = nearestSentence(words, src, w.value, about);
    const passage = near ? ` Nearest passage (line ${lineAt(src.text, near.start)}): "${shownPassage(src.text, near.start, near.end)}"` : '';
    const what =
      same.length > 0 && w.after
        ? `${w.value} is in ${src.file}${where ? ` ${where}` : ''}, but not followed by "${w.after}"`
        : same.length > 0 && w.before
          ? `${w.value} is in ${src.file}${where ? ` ${where}` : ''}, but not as a P value ("P = ${w.value}")`
          : `${w.value} is not in ${src.file}${where ? ` ${where}` : ''}: check the figure against the source, or mark it "source: paper" if it comes from the paper`;
    check.report(source, w.path, `${what}.${passage}`);
  }
  if (!ok || !first) return undefined;
  return { passage: shownPassage(src.text, first.start, first.end, PASSAGE_CAP), line: lineAt(src.text, first.start) };
}

/** Whether the words just after a figure are its unit ("points", "seconds"), allowing a plural. */
function followedBy(words: Word[], i: number, unit: string): boolean {
  const want = wordsOf(unit).map((w) => w.text.toLowerCase().replace(/s$/, ''));
  if (want.length === 0) return true;
  const got = words.slice(i + 1, i + 1 + want.length).map((w) => w.text.toLowerCase().replace(/s$/, ''));
  return want.every((w, k) => got[k] === w);
}

/** Whether a figure is given as a P value: "P = 0.001", "p<.01". */
function precededBy(words: Word[], i: number, word: string): boolean {
  return words.slice(Math.max(0, i - 2), i).some((w) => w.text.toLowerCase() === word.toLowerCase());
}

/** A figure's value as a key: equal when they differ by less than rounding noise. */
const figureKey = (value: number) => value.toPrecision(12);

/** Each source's figures by value, found once (a study of a thousand results looks each up in the same source). */
const FIGURES = new WeakMap<Word[], { all: Figure[]; byValue: Map<string, Figure[]> }>();

function figuresIn(words: Word[], text: string): { all: Figure[]; byValue: Map<string, Figure[]> } {
  let found = FIGURES.get(words);
  if (!found) {
    const all = figuresOf(words, text);
    const byValue = new Map<string, Figure[]>();
    for (const f of all) {
      const key = figureKey(f.value);
      const list = byValue.get(key);
      if (list) list.push(f);
      else byValue.set(key, [f]);
    }
    found = { all, byValue };
    FIGURES.set(words, found);
  }
  return found;
}

/** The most sentences a missing figure's nearest passage is looked for among (a source may hold a million figures). */
const NEAREST_LIMIT = 2000;

/** The sentence most like the result: sharing most of its words, and holding a figure. */
function nearestSentence(words: Word[], src: SourceText, value: number, about: unknown[]): Span | undefined {
  const wanted = new Set(about.filter((a): a is string => typeof a === 'string').flatMap((a) => wordsOf(a).map((w) => w.text.toLowerCase())));
  const digits = String(value).replace(/\D/g, '');
  const sorted = digits.split('').sort().join('');
  let best: (Span & { score: number }) | undefined;
  // The figures written with the same digits first (a typo's likely source), then the first others, up to a limit.
  const all = figuresIn(words, src.text).all;
  const alike = all.filter((f) => String(f.value).replace(/\D/g, '').split('').sort().join('') === sorted);
  const candidates = [...alike.slice(0, NEAREST_LIMIT), ...all.slice(0, Math.max(0, NEAREST_LIMIT - alike.length))];
  for (const f of candidates) {
    const w = words[f.word]!;
    const s = sentenceAround(src.text, w.start, w.end);
    const inIt = wordsOf(src.text.slice(s.start, s.end)).map((x) => x.text.toLowerCase());
    const score = inIt.filter((x) => wanted.has(x)).length + (String(f.value).replace(/\D/g, '').split('').sort().join('') === sorted ? 5 : 0);
    if (!best || score > best.score) best = { ...s, score };
  }
  return best;
}

/** A result's figures as the data gives them, in no language of the tool's own: "Pain (massage vs exercise): 2.75 points, P = 0.001". */
function resultSaid(r: unknown): string {
  const parts: string[] = [];
  const change = get(r, 'change');
  if (typeof change === 'number') parts.push(`${change} ${String(get(r, 'unit') ?? '')}`.trim());
  const p = get(r, 'p');
  if (typeof p === 'number') parts.push(`P = ${p}`);
  const detail = get(r, 'detail');
  if (!parts.length && typeof detail === 'string') parts.push(detail);
  const comparison = get(r, 'comparison');
  return `${String(get(r, 'outcome') ?? '')}${typeof comparison === 'string' ? ` (${comparison})` : ''}: ${parts.join(', ')}`;
}
