// Holds the talk to its sources: every practitioner quote, every study conclusion and every passage in
// quotation marks must be found word for word in a source text, and every figure of a study's results in the
// part of its source that gives that study. What was checked, and against which passage, is kept for the
// provenance page.
import type { Problem } from './data-error.ts';
import { formatPath } from './data-error.ts';
import type { Readable, Source } from './check-references.ts';
import type { LoadedSources, SourceText } from './load-sources.ts';
import type { MarkdownSlide } from './load-markdown-slide.ts';
import { nearest } from './describe-value.ts';
import { figuresOf, findQuote, lineAt, sentenceAround, shownPassage, wordsOf, type Figure, type Word } from './source-words.ts';

/**
 * How much of a source the provenance page shows around a figure: a sentence, never a whole file (a source is
 * untrusted input: a "sentence" with no full stop could be all of it).
 */
const PASSAGE_CAP = 400;
/** Around quoted words: the words themselves (they are on the slides already) and a little more, never the file. */
const quotedCap = (words: string) => Math.max(PASSAGE_CAP, words.length + 120);
import { get, items } from './raw-data.ts';
import { quotedPassages } from './quoted-passages.ts';

/** One thing the talk says, beside the passage of the source it was checked against. */
export interface Provenance {
  kind: 'quote' | 'conclusion' | 'quoted words' | 'figures';
  /** The words or figures as the talk gives them. */
  said: string;
  /** Where the talk says it: file:line and field. */
  where: string;
  source: string;
  sourceFile: string;
  /** The source's passage, and the line of the source it starts on. */
  passage: string;
  line: number;
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
}

/** Quotations this short (in words) about a study must come from the part of its source about that study. */
const SHORT_QUOTE = 3;

/** Fields that name things rather than say them: no quotation in them is checked. */
const NOT_TEXT = new Set(['id', 'url', 'doi', 'pmid', 'from', 'basis', 'sharedBy', 'slug', 'lang', 'shareUrl', 'passage', 'author']);


export function checkSources(input: SourceCheckInput): { problems: Problem[]; provenance: Provenance[] } {
  const { read, sources } = input;
  const problems: Problem[] = [];
  const provenance: Provenance[] = [];
  if (!sources.present && !namesAnySource(read)) return { problems: sources.problems, provenance };
  problems.push(...sources.problems);

  const at = (source: Source, path: PropertyKey[]) => read[source]?.locate(path) ?? { line: 1, column: 1 };
  const report = (source: Source, path: PropertyKey[], message: string, pos = at(source, path)) =>
    problems.push({ file: input.fileOf(source), ...pos, field: formatPath(path), message });
  const whereOf = (source: Source, path: PropertyKey[], pos = at(source, path)) => `${input.fileOf(source)}:${pos.line}  ${formatPath(path)}`;
  const ids = [...sources.sources.keys()];
  const cited = new Set<string>();

  /** The source a quote, the clinic or a study names in "from", or a problem saying what is wrong. */
  const sourceOf = (source: Source, path: PropertyKey[], what: string): SourceText | undefined => {
    const from = get(read[source]?.data, ...path, 'from');
    if (from === undefined) {
      report(source, path, `say which source ${what} come${what.endsWith('s') ? '' : 's'} from: add "from:" with the id of a file in sources/${ids.length ? ` (${ids.join(', ')})` : ''}`);
      return undefined;
    }
    if (typeof from !== 'string') return undefined; // the schema reports it
    cited.add(from);
    const text = sources.sources.get(from);
    if (!text && !sources.unreadable.has(from)) {
      const guess = nearest(from, ids);
      report(source, [...path, 'from'], `no source text "${from}": expected a file sources/${from}.txt${guess ? `: did you mean "${guess}"?` : ids.length ? ` (sources: ${ids.join(', ')})` : ''}`);
    }
    return text;
  };

  /** Checks words that must be the source's own; records them, or reports the first difference. */
  const verbatim = (kind: Provenance['kind'], words: string, src: SourceText, source: Source, path: PropertyKey[], what: string) => {
    const found = findQuote(words, src.words);
    if (found.found) {
      provenance.push({ kind, said: words, where: whereOf(source, path), source: src.id, sourceFile: src.file, passage: shownPassage(src.text, found.start, found.end, quotedCap(words)), line: lineAt(src.text, found.start) });
      return;
    }
    report(source, path, `${what} is not word for word in ${src.file}: it ${found.difference}. Nearest passage (line ${lineAt(src.text, found.start)}): "${shownPassage(src.text, found.start, found.end)}"`);
  };

  // Practitioners' words and the clinic's description, each against the source it names.
  items(get(read.quotes?.data, 'quotes'))?.forEach((q, i) => {
    const src = sourceOf('quotes', ['quotes', i], 'these words');
    const text = get(q, 'text');
    if (src && typeof text === 'string') verbatim('quote', text, src, 'quotes', ['quotes', i, 'text'], 'the quote');
  });
  const clinic = get(read.quotes?.data, 'clinic');
  if (clinic !== undefined) {
    const src = sourceOf('quotes', ['clinic'], 'its description');
    const text = get(clinic, 'description');
    if (src && typeof text === 'string') verbatim('quote', text, src, 'quotes', ['clinic', 'description'], 'the description');
  }

  // Studies: the conclusion word for word, and every figure within the part of the source about the study.
  const studies = items(get(read.studies?.data, 'studies')) ?? [];
  const spans = studySpans(studies, sources);
  studies.forEach((study, i) => {
    const src = sourceOf('studies', ['studies', i], 'its conclusion and figures');
    if (!src) return;
    const conclusion = get(study, 'conclusion');
    if (typeof conclusion === 'string') verbatim('conclusion', conclusion, src, 'studies', ['studies', i, 'conclusion'], 'the conclusion');
    checkFigures(study, i, src, spans.get(i) ?? { start: 0, end: src.text.length });
  });

  function checkFigures(study: unknown, i: number, src: SourceText, span: { start: number; end: number }) {
    const spanWords = src.words.filter((w) => w.start >= span.start && w.end <= span.end);
    const where = span.start > 0 ? 'where it gives this study' : '';
    const facts = (['participants', 'schedule'] as const).map((key) => ({ key, fact: get(study, key) }));
    for (const { key, fact } of facts) {
      if (fact === undefined || get(fact, 'source') === 'paper') continue;
      const wanted: { value: number; path: PropertyKey[] }[] = [];
      const count = get(fact, 'count');
      if (typeof count === 'number') wanted.push({ value: count, path: ['studies', i, key, 'count'] });
      const text = get(fact, 'text');
      if (typeof text === 'string') for (const f of figuresOf(wordsOf(text), text)) wanted.push({ value: f.value, path: ['studies', i, key, 'text'] });
      const seen = findFigures(wanted, spanWords, src, where, 'studies');
      if (seen && typeof text === 'string') provenance.push({ kind: 'figures', said: text, where: whereOf('studies', ['studies', i, key]), source: src.id, sourceFile: src.file, ...seen });
    }
    items(get(study, 'results'))?.forEach((r, j) => {
      if (get(r, 'source') === 'paper') return;
      const path = ['studies', i, 'results', j];
      let words = spanWords;
      const passage = get(r, 'passage');
      if (typeof passage === 'string') {
        const found = findQuote(passage, src.words);
        if (!found.found) {
          report('studies', [...path, 'passage'], `the passage is not word for word in ${src.file}: it ${found.difference}. Nearest passage (line ${lineAt(src.text, found.start)}): "${shownPassage(src.text, found.start, found.end)}"`);
          return;
        }
        words = src.words.filter((w) => w.start >= found.start && w.end <= found.end);
      }
      const wanted: { value: number; path: PropertyKey[]; after?: string; before?: string }[] = [];
      const change = get(r, 'change');
      const unit = get(r, 'unit');
      if (typeof change === 'number') wanted.push({ value: change, path: [...path, 'change'], after: typeof unit === 'string' ? unit : undefined });
      const p = get(r, 'p');
      if (typeof p === 'number') wanted.push({ value: p, path: [...path, 'p'], before: 'P' });
      const detail = get(r, 'detail');
      if (typeof detail === 'string') for (const f of figuresOf(wordsOf(detail), detail)) wanted.push({ value: f.value, path: [...path, 'detail'] });
      if (wanted.length === 0) return;
      const seen = findFigures(wanted, words, src, typeof passage === 'string' ? 'in its passage' : where, 'studies', [get(r, 'outcome'), get(r, 'comparison'), unit]);
      if (seen) provenance.push({ kind: 'figures', said: resultSaid(r), where: whereOf('studies', path), source: src.id, sourceFile: src.file, ...seen });
    });
  }

  /** Looks for each figure among the words; reports those missing. Returns the passage of the first, if all were found. */
  function findFigures(
    wanted: { value: number; path: PropertyKey[]; after?: string; before?: string }[],
    words: Word[],
    src: SourceText,
    where: string,
    source: Source,
    about: unknown[] = [],
  ): { passage: string; line: number } | undefined {
    const byValue = figureIndex(words, src.text);
    let first: { start: number; end: number } | undefined;
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
      report(source, w.path, `${what}.${passage}`);
    }
    if (!ok || !first) return undefined;
    return { passage: shownPassage(src.text, first.start, first.end, PASSAGE_CAP), line: lineAt(src.text, first.start) };
  }

  // Passages in quotation marks anywhere in the data files and the hand-written slides: found in some source.
  const all = [...sources.sources.values()];
  if (all.length > 0) {
    const WHOLE = new Set(['quotes.*.text', 'clinic.description', 'studies.*.conclusion']);
    for (const source of ['talk', 'people', 'studies', 'quotes', 'takeaways', 'resources'] as const) {
      const data = read[source]?.data;
      if (data === undefined) continue;
      walkStrings(data, [], (value, path) => {
        const key = String(path.at(-1));
        const shape = path.map((k) => (typeof k === 'number' ? '*' : String(k))).join('.');
        if (NOT_TEXT.has(key) || WHOLE.has(shape)) return;
        for (const { words } of quotedPassages(value)) {
          if (wordsOf(words).length === 0) continue;
          const pos = positionIn(input.rawOf(source), at(source, path), words);
          // Words quoted about a study are looked for first where its source gives that study.
          const study = source === 'studies' && typeof path[1] === 'number' ? studies[path[1]] : undefined;
          const from = get(study, 'from');
          const own = typeof from === 'string' ? sources.sources.get(from) : undefined;
          const span = own ? spans.get(path[1] as number) : undefined;
          const prefer = own && span ? { src: own, words: own.words.filter((w) => w.start >= span.start && w.end <= span.end) } : undefined;
          checkQuoted(words, all, (message) => report(source, path, message, pos), whereOf(source, path, pos), prefer);
        }
      });
    }
    for (const [entry, slide] of input.markdown) {
      const text = input.markdownText(entry);
      if (text === undefined) continue;
      const bodyStart = text.indexOf('\n---', 3) + 4;
      const notesAt = text.search(/^Notes?:[ \t]*$/m);
      for (const { words, index } of quotedPassages(text.slice(bodyStart))) {
        if (wordsOf(words).length === 0) continue;
        const offset = bodyStart + index;
        const line = lineAt(text, offset);
        const column = offset - text.lastIndexOf('\n', offset - 1);
        const field = notesAt >= 0 && offset > notesAt ? 'notes' : 'slide';
        checkQuoted(words, all, (message) => problems.push({ file: slide.file, line, column, field, message }), `${slide.file}:${line}  ${field}`);
      }
    }
  }

  /** Words in quotation marks: found word for word in some source, or reported beside the nearest passage. */
  function checkQuoted(words: string, all: SourceText[], fail: (message: string) => void, where: string, prefer?: { src: SourceText; words: Word[] }) {
    const near = prefer && findQuote(words, prefer.words);
    if (prefer && near?.found) {
      const src = prefer.src;
      provenance.push({ kind: 'quoted words', said: words, where, source: src.id, sourceFile: src.file, passage: shownPassage(src.text, ...widen(src.text, near.start, near.end), quotedCap(words)), line: lineAt(src.text, near.start) });
      return;
    }
    // A word or three ("may", "it seems") is found somewhere in almost any source; said of a study, it has to be found
    // where the source speaks of that study, or it proves nothing.
    if (prefer && near && wordsOf(words).length <= SHORT_QUOTE) {
      fail(
        `"${words}" is in quotation marks, but ${prefer.src.file} does not have it where it speaks of this study. ` +
          `Nearest passage there (line ${lineAt(prefer.src.text, near.start)}): "${shownPassage(prefer.src.text, near.start, near.end)}". ` +
          'Quote the words the source uses for this study, or drop the quotation marks if these are your own words',
      );
      return;
    }
    let best: { src: SourceText; miss: ReturnType<typeof findQuote> } | undefined;
    for (const src of all) {
      const found = findQuote(words, src.words);
      if (found.found) {
        provenance.push({ kind: 'quoted words', said: words, where, source: src.id, sourceFile: src.file, passage: shownPassage(src.text, ...widen(src.text, found.start, found.end), quotedCap(words)), line: lineAt(src.text, found.start) });
        return;
      }
      best ??= { src, miss: found };
    }
    if (!best || best.miss.found) return;
    const { src, miss } = best;
    fail(
      `"${words.length > 60 ? `${words.slice(0, 57)}…` : words}" is in quotation marks but not word for word in ${all.length === 1 ? src.file : 'any source'}: it ${miss.difference}. ` +
        `Nearest passage (${src.file}, line ${lineAt(src.text, miss.start)}): "${shownPassage(src.text, miss.start, miss.end)}". ` +
        'Quote the source exactly (mark words left out with …), or drop the quotation marks if these are your own words',
    );
  }

  // A source that nothing names is either unused or a quote is missing its "from".
  if (read.quotes && read.studies) {
    for (const src of sources.sources.values()) {
      if (!cited.has(src.id)) {
        problems.push({ file: src.file, line: 1, column: 1, field: '', message: `no quote, clinic or study names this source: add "from: ${src.id}" to what comes from it, or delete the file` });
      }
    }
  }
  return { problems, provenance };
}

/** Whether any quote, the clinic or any study names a source (a talk without a sources folder may not). */
function namesAnySource(read: Partial<Record<Source, Readable>>): boolean {
  const q = items(get(read.quotes?.data, 'quotes')) ?? [];
  const s = items(get(read.studies?.data, 'studies')) ?? [];
  return [...q, ...s, get(read.quotes?.data, 'clinic')].some((x) => get(x, 'from') !== undefined);
}

/** The part of each study's source that is about it: from its title to the next study title in that source. */
function studySpans(studies: unknown[], sources: LoadedSources): Map<number, { start: number; end: number }> {
  const starts: { i: number; from: string; start: number }[] = [];
  studies.forEach((study, i) => {
    const from = get(study, 'from');
    const title = get(study, 'title');
    const src = typeof from === 'string' ? sources.sources.get(from) : undefined;
    if (!src || typeof title !== 'string') return;
    const found = findQuote(title, src.words);
    if (found.found) starts.push({ i, from: src.id, start: found.start });
  });
  const spans = new Map<number, { start: number; end: number }>();
  for (const s of starts) {
    const next = starts.filter((o) => o.from === s.from && o.start > s.start).map((o) => o.start);
    spans.set(s.i, { start: s.start, end: next.length ? Math.min(...next) : sources.sources.get(s.from)!.text.length });
  }
  return spans;
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

const figureIndex = (words: Word[], text: string) => figuresIn(words, text).byValue;

/** The most sentences a missing figure's nearest passage is looked for among (a source may hold a million figures). */
const NEAREST_LIMIT = 2000;

/** The sentence most like the result: sharing most of its words, and holding a figure. */
function nearestSentence(words: Word[], src: SourceText, value: number, about: unknown[]): { start: number; end: number } | undefined {
  const wanted = new Set(about.filter((a): a is string => typeof a === 'string').flatMap((a) => wordsOf(a).map((w) => w.text.toLowerCase())));
  const digits = String(value).replace(/\D/g, '');
  const sorted = digits.split('').sort().join('');
  let best: { start: number; end: number; score: number } | undefined;
  // The figures written with the same digits first (a typo's likely source), then the first others, up to a limit.
  const all = figuresIn(words, src.text).all;
  const alike = all.filter((f) => String(f.value).replace(/\D/g, '').split('').sort().join('') === sorted);
  const candidates = [...alike.slice(0, NEAREST_LIMIT), ...all.slice(0, Math.max(0, NEAREST_LIMIT - alike.length))];
  for (const f of candidates) {
    const w = words[f.word]!;
    const s = sentenceAround(src.text, w.start, w.end);
    const inIt = wordsOf(src.text.slice(s.start, s.end)).map((x) => x.text.toLowerCase());
    const score = inIt.filter((x) => wanted.has(x)).length + (String(f.value).replace(/\D/g, '').split('').sort().join('') === digits.split('').sort().join('') ? 5 : 0);
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

/** Some words either side of a short quotation, so the page shows it in its sentence. */
function widen(text: string, start: number, end: number): [number, number] {
  if (end - start > 120) return [start, end];
  const s = sentenceAround(text, start, end);
  return [Math.max(s.start, start - 120), Math.min(s.end, end + 120)];
}

/** Where quoted words start inside a field of a data file: the field's own line when they cannot be found. */
function positionIn(raw: string | undefined, field: { line: number; column: number }, words: string): { line: number; column: number } {
  if (!raw) return field;
  const lines = raw.split('\n');
  const from = lines.slice(0, field.line - 1).reduce((n, l) => n + l.length + 1, 0) + field.column - 1;
  const first = wordsOf(words).slice(0, 4).map((w) => w.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const m = new RegExp(first.join('[^\\p{L}\\p{N}]+'), 'u').exec(raw.slice(from));
  if (!m) return field;
  const offset = from + m.index;
  return { line: lineAt(raw, offset), column: offset - raw.lastIndexOf('\n', offset - 1) };
}

function walkStrings(value: unknown, path: PropertyKey[], visit: (s: string, path: PropertyKey[]) => void) {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...path, i], visit));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkStrings(v, [...path, k], visit);
}

