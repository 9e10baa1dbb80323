// Passages in quotation marks anywhere in the data files and the hand-written slides: found word for word in some
// source (about a study: first where its source gives that study), or reported beside the nearest passage.
import type { SourceText } from '../load-sources.ts';
import { findQuote, lineAt, shownPassage, wordsOf, type Word } from '../source-words.ts';
import { get, items } from '../raw-data.ts';
import { quotedPassages } from '../quoted-passages.ts';
import { quotedCap, widen, type SourceCheck, type Span } from './context.ts';

/** Quotations this short (in words) about a study must come from the part of its source about that study. */
const SHORT_QUOTE = 3;

/** Fields that name things rather than say them, or are checked whole elsewhere: no quotation in them is checked here. */
const NOT_TEXT = new Set(['id', 'url', 'doi', 'pmid', 'from', 'basis', 'passages', 'sharedBy', 'slug', 'lang', 'shareUrl', 'passage', 'author']);
const WHOLE = new Set(['quotes.*.text', 'clinic.description', 'studies.*.conclusion']);

export function checkQuotedWords(check: SourceCheck, spans: Map<number, Span>): void {
  const { input, sources } = check;
  const all = [...sources.sources.values()];
  if (all.length === 0) return;
  const studies = items(get(check.read.studies?.data, 'studies')) ?? [];
  for (const source of ['talk', 'people', 'studies', 'quotes', 'takeaways', 'resources'] as const) {
    const data = check.read[source]?.data;
    if (data === undefined) continue;
    walkStrings(data, [], (value, path) => {
      const key = String(path.at(-1));
      const shape = path.map((k) => (typeof k === 'number' ? '*' : String(k))).join('.');
      if (NOT_TEXT.has(key) || NOT_TEXT.has(String(path.at(-2))) || WHOLE.has(shape)) return;
      for (const { words } of quotedPassages(value)) {
        if (wordsOf(words).length === 0) continue;
        const pos = positionIn(input.rawOf(source), check.at(source, path), words);
        // Words quoted about a study are looked for first where its source gives that study.
        const study = source === 'studies' && typeof path[1] === 'number' ? studies[path[1]] : undefined;
        const from = get(study, 'from');
        const own = typeof from === 'string' ? sources.sources.get(from) : undefined;
        const span = own ? spans.get(path[1] as number) : undefined;
        const prefer = own && span ? { src: own, words: own.words.filter((w) => w.start >= span.start && w.end <= span.end) } : undefined;
        checkQuoted(check, words, all, (message) => check.report(source, path, message, pos), check.whereOf(source, path, pos), prefer);
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
      checkQuoted(check, words, all, (message) => check.problems.push({ file: slide.file, line, column, field, message }), `${slide.file}:${line}  ${field}`);
    }
  }
}

/** Words in quotation marks: found word for word in some source, or reported beside the nearest passage. */
function checkQuoted(check: SourceCheck, words: string, all: SourceText[], fail: (message: string) => void, where: string, prefer?: { src: SourceText; words: Word[] }) {
  const near = prefer && findQuote(words, prefer.words);
  if (prefer && near?.found) {
    const src = prefer.src;
    check.provenance.push({ kind: 'quoted words', said: words, where, source: src.id, sourceFile: src.file, passage: shownPassage(src.text, ...widen(src.text, near.start, near.end), quotedCap(words)), line: lineAt(src.text, near.start) });
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
      check.provenance.push({ kind: 'quoted words', said: words, where, source: src.id, sourceFile: src.file, passage: shownPassage(src.text, ...widen(src.text, found.start, found.end), quotedCap(words)), line: lineAt(src.text, found.start) });
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

/** Where quoted words start inside a field of a data file: the field's own line when they cannot be found. */
export function positionIn(raw: string | undefined, field: { line: number; column: number }, words: string): { line: number; column: number } {
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
