// Words of a source text, and finding quoted words in it: verbatim word for word, where typographic quotes,
// dashes, whitespace and line breaks may differ, and "…" or "..." marks words left out.
import { diffArrays } from 'diff';

export interface Word {
  /** The word as compared: typographic apostrophes and dashes made plain. */
  text: string;
  /** Where the word is in the text it came from. */
  start: number;
  end: number;
}

/** Curly quotes and apostrophes, and every kind of dash, compare equal to their plain forms. */
function plain(s: string): string {
  return s
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-');
}

// A word is letters and digits, joined inside by an apostrophe, hyphen, full stop or slash: "don't",
// "Twenty-four", "2.75", "stress/anxiety" are one word each, and so is "1,200" (a comma before three digits).
// Punctuation between words is not compared.
const WORD = /[\p{L}\p{N}]+(?:(?:['\-./]|,(?=\d{3}(?!\d)))[\p{L}\p{N}]+)*/gu;

export function wordsOf(text: string): Word[] {
  const flat = plain(text);
  return [...flat.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** An ellipsis, "…" or three or more full stops, marks words left out of a quote. */
const ELLIPSIS = /…|\.{3,}/;

/** The parts of a quote between its ellipses, each as words (an ellipsis at either end leaves an empty part). */
export function partsOf(quote: string): Word[][] {
  return quote.split(ELLIPSIS).map((part) => wordsOf(part));
}

/** Words after an ellipsis may follow the part before it only this far on in the source. */
const MAX_GAP = 150;

export interface Found {
  found: true;
  /** Where the quoted words are in the source text, from the first to the last. */
  start: number;
  end: number;
}

export interface Missed {
  found: false;
  /** What differs, in words: 'has "good" where the source has "significant"'. */
  difference: string;
  /** The nearest passage of the source, where the quote seems to come from. */
  start: number;
  end: number;
}

// The first word of a part may differ in capitals (a quote may start mid-sentence, or start one).
const same = (a: Word, b: Word, first: boolean) => (first ? a.text.toLowerCase() === b.text.toLowerCase() : a.text === b.text);

function matchesAt(part: Word[], source: Word[], at: number): boolean {
  if (at + part.length > source.length) return false;
  return part.every((w, k) => same(w, source[at + k]!, k === 0));
}

/** More ellipses than this in one quote is refused rather than searched (the search grows with each part). */
export const MAX_PARTS = 40;

/** Where a part's words stand in the source, in order: found once per part, so the search below is linear. */
function positionsOf(part: Word[], source: Word[]): number[] {
  const out: number[] = [];
  const first = part[0]!.text.toLowerCase();
  for (let at = 0; at + part.length <= source.length; at++) {
    if (source[at]!.text.toLowerCase() === first && matchesAt(part, source, at)) out.push(at);
  }
  return out;
}

/** The first index in sorted `list` holding a value at least `min`. */
function firstAtLeast(list: readonly number[], min: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Finds a quote in a source's words, part by part in order; or says where it went wrong and what differs. Each part
 * after an ellipsis must follow the one before within MAX_GAP words. Linear in the source's length: each part's
 * positions are found once, and which of them can lead to a whole quote is worked out from the last part back (so a
 * quote of many ellipses, "the … the … the … zebra", costs no more than its parts' positions).
 */
export function findQuote(quote: string, source: Word[]): Found | Missed {
  const parts = partsOf(quote).filter((p) => p.length > 0);
  // Nothing to find is not found: "…" alone would otherwise pass as a quote of anything.
  if (parts.length === 0) return { found: false, difference: 'has no words in it: put the words themselves between the quotation marks', start: 0, end: 0 };
  if (parts.length > MAX_PARTS) {
    return { found: false, difference: `leaves words out in ${parts.length - 1} places: quote at most ${MAX_PARTS} pieces, or quote less`, start: 0, end: 0 };
  }
  const positions = parts.map((part) => positionsOf(part, source));
  // good[k]: the positions of part k from which the rest of the quote can be placed, in order.
  const good: number[][] = new Array(parts.length);
  good[parts.length - 1] = positions[parts.length - 1]!;
  for (let k = parts.length - 2; k >= 0; k--) {
    const next = good[k + 1]!;
    good[k] = positions[k]!.filter((at) => {
      const from = at + parts[k]!.length;
      const i = firstAtLeast(next, from);
      return i < next.length && next[i]! <= from + MAX_GAP;
    });
  }
  if (good[0]!.length) {
    // The earliest placing: each part at the first good position after the one before.
    const starts = [good[0]![0]!];
    for (let k = 1; k < parts.length; k++) starts.push(good[k]![firstAtLeast(good[k]!, starts[k - 1]! + parts[k - 1]!.length)]!);
    const last = parts.length - 1;
    return { found: true, start: source[starts[0]!]!.start, end: source[starts[last]! + parts[last]!.length - 1]!.end };
  }
  return explainMiss(parts, source);
}

/** For a quote not found: the first part that is not in the source, its nearest passage, and the first word that differs. */
function explainMiss(parts: Word[][], source: Word[]): Missed {
  // Place the parts that are found, in order, to narrow where the failing one should be.
  let from = 0;
  let to = source.length;
  for (const [k, part] of parts.entries()) {
    let at = -1;
    for (let i = from; i <= Math.min(to, source.length - part.length); i++) {
      if (matchesAt(part, source, i)) {
        at = i;
        break;
      }
    }
    if (at >= 0) {
      from = at + part.length;
      to = from + MAX_GAP;
      continue;
    }
    const anywhere = source.findIndex((_, i) => matchesAt(part, source, i));
    if (anywhere >= 0) {
      const w = source[anywhere]!;
      const end = source[anywhere + part.length - 1]!;
      return {
        found: false,
        difference:
          k === 0
            ? 'its words are in the source, but not where they are said'
            : `the words after the ellipsis ("${part[0]!.text} …") are in the source, but not in this order or not near the words before it`,
        start: w.start,
        end: end.end,
      };
    }
    return nearestDifference(part, source, k === 0 ? 0 : from, k === 0 ? source.length : to);
  }
  // Every part was found on its own: only the order or the distance is wrong.
  return { found: false, difference: 'its parts are in the source, but not in this order', start: 0, end: 0 };
}

/** The passage of the source (between from and to) that shares the most words with the part, and the first difference. */
function nearestDifference(part: Word[], source: Word[], from: number, to: number): Missed {
  // Each word the part shares with the source votes for where the part would start; the most votes win.
  const votes = new Map<number, number>();
  // Only the part's own words are indexed: one pass over the source, and nothing kept of the rest of it.
  const own = new Set(part.map((w) => w.text.toLowerCase()));
  const positions = new Map<string, number[]>();
  for (let i = Math.max(0, from); i < Math.min(source.length, to + part.length); i++) {
    const key = source[i]!.text.toLowerCase();
    if (!own.has(key)) continue;
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  }
  part.forEach((w, k) => {
    for (const i of positions.get(w.text.toLowerCase()) ?? []) votes.set(i - k, (votes.get(i - k) ?? 0) + 1);
  });
  let offset = Math.max(0, from);
  let best = 0;
  for (const [o, n] of votes) if (n > best || (n === best && o < offset)) [offset, best] = [o, n];

  // Compare with some words to spare either side, so a word added or dropped near an edge still lines up
  // (never before where the part may start: the words there belong to the part before the ellipsis).
  const lo = Math.max(0, from, offset - 3);
  const hi = Math.min(source.length, offset + part.length + 3);
  const window = source.slice(lo, hi);
  const changes = diffArrays(
    part.map((w) => w.text.toLowerCase()),
    window.map((w) => w.text.toLowerCase()),
  );
  // Source words before the quote's first word and after its last are the spare ones, not a difference.
  let s = 0;
  while (changes.length && changes[0]!.added) s += changes.shift()!.count;
  while (changes.length && changes.at(-1)!.added) changes.pop();
  let difference = '';
  let q = 0;
  let at: number | undefined; // the source word where the first difference is
  for (const [i, c] of changes.entries()) {
    if (!c.added && !c.removed) {
      q += c.count;
      s += c.count;
      continue;
    }
    const next = changes[i + 1];
    const removed = c.removed ? c : next?.removed ? next : undefined;
    const added = c.added ? c : next?.added ? next : undefined;
    const quoteWord = part[q]?.text ?? '';
    at = lo + s;
    if (removed && added) {
      const rest = part.slice(q, q + Math.min(3, part.length - q));
      const later = source.findIndex((_, j) => j >= lo + s && j <= lo + s + MAX_GAP && matchesAt(rest, source, j));
      // A different first word: the source's word before the rest is not part of the quote, so the word is added.
      if (q === 0 && part.length > removed.count) difference = `adds "${quoteWord}" before "${part[removed.count]!.text}", which the source does not have there`;
      else if (q > 0 && later > lo + s) difference = leftOut(part[q - 1]!, source[lo + s]!);
      else difference = `has "${quoteWord}" where the source has "${added.value[0]}"`;
    } else if (removed) difference = `adds "${quoteWord}", which the source does not have there`;
    else difference = leftOut(part[q - 1], source[lo + s]!);
    break;
  }
  if (!difference) {
    // The same words in the same order: only capitals differ (the first word of a part may).
    const k = part.findIndex((w, j) => j > 0 && window.some((o) => o.text.toLowerCase() === w.text.toLowerCase() && o.text !== w.text));
    difference = k > 0 ? `writes "${part[k]!.text}" with other capitals than the source` : 'a word differs from the source';
  }
  // A long quote is shown from a little before its first difference, so the message shows the word itself.
  const from0 = at === undefined ? offset : Math.max(offset, at - 12);
  const to0 = at === undefined ? offset + part.length - 1 : Math.min(offset + part.length - 1, at + 20);
  const first = source[Math.max(0, from0)] ?? source[0];
  const last = source[Math.min(source.length - 1, Math.max(from0, to0))] ?? first;
  return { found: false, difference, start: first?.start ?? 0, end: last?.end ?? 0 };
}

function leftOut(before: Word | undefined, dropped: Word): string {
  return `leaves out words${before ? ` after "${before.text}"` : ''} (the source goes on "${dropped.text} …"): mark words left out with an ellipsis (…)`;
}

/** A number written in a source, in digits ("2.75", ".001", "45-minute", "3-9") or in words ("Twenty-four", "eight"). */
export interface Figure {
  value: number;
  /** The index of the word it is in. */
  word: number;
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function numberWord(s: string): number | undefined {
  const w = s.toLowerCase();
  const unit = UNITS.indexOf(w);
  if (unit >= 0) return unit;
  const ten = TENS.indexOf(w);
  return ten >= 2 ? ten * 10 : undefined;
}

/** Every number in the words; text is what the words came from (a leading full stop makes ".001" a decimal). */
export function figuresOf(words: Word[], text: string): Figure[] {
  const out: Figure[] = [];
  words.forEach((w, i) => {
    const pieces = w.text.replace(/(\d),(?=\d{3})/g, '$1').split(/[-/]/);
    const tens = pieces.length === 2 ? numberWord(pieces[0]!) : undefined;
    const ones = pieces.length === 2 ? numberWord(pieces[1]!) : undefined;
    if (tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && ones < 10) {
      out.push({ value: tens + ones, word: i }); // "Twenty-four"
      return;
    }
    for (const [k, piece] of pieces.entries()) {
      const digits = /^\d+(?:\.\d+)?/.exec(piece);
      if (digits) {
        const decimal = k === 0 && /^\d+$/.test(digits[0]) && text[w.start - 1] === '.' && !/[\p{L}\p{N}]/u.test(text[w.start - 2] ?? '');
        out.push({ value: Number(decimal ? `0.${digits[0]}` : digits[0]), word: i });
      } else {
        const n = numberWord(piece);
        if (n !== undefined) out.push({ value: n, word: i });
      }
    }
  });
  return out;
}

/** Where each sentence of a text ends (after its stop and the space after it), worked out once per text. */
const STOPS = new Map<string, number[]>();

function sentenceStops(text: string): number[] {
  let stops = STOPS.get(text);
  if (!stops) {
    stops = [...text.matchAll(/[.!?]["”’)]?\s+|\n\s*\n/g)].map((m) => m.index + m[0].length);
    // A few texts at a time (one talk's sources): a long-running dev server does not keep every text it saw.
    if (STOPS.size >= 16) STOPS.delete(STOPS.keys().next().value!);
    STOPS.set(text, stops);
  }
  return stops;
}

/** The sentence of the text around a position: from the end of the last sentence to the end of this one. */
export function sentenceAround(text: string, start: number, end = start): { start: number; end: number } {
  const stops = sentenceStops(text);
  // The last stop ending at or before `start`.
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  const from = lo > 0 ? stops[lo - 1]! : 0;
  const after = /[.!?](?=["”’)]?(\s|$))|\n\s*\n/.exec(text.slice(end, end + 5000));
  const to = after ? end + after.index + (after[0].trim() ? 1 : 0) : Math.min(text.length, end + 5000);
  return { start: from, end: to };
}

/** A passage shown in a message: whitespace made single, at most about 240 characters (or as long as it is). */
export function shownPassage(text: string, start: number, end: number, max = 240): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 3)}…` : s;
}

/** Where each line of a text starts, worked out once per text (a few texts kept, as for sentence stops). */
const LINE_STARTS = new Map<string, number[]>();

/** The line of a position in a text, counting from 1. */
export function lineAt(text: string, offset: number): number {
  let starts = LINE_STARTS.get(text);
  if (!starts) {
    starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    if (LINE_STARTS.size >= 16) LINE_STARTS.delete(LINE_STARTS.keys().next().value!);
    LINE_STARTS.set(text, starts);
  }
  const at = Math.min(offset, text.length);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
