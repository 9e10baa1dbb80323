// Splits long text into slide-sized parts at sentence ends, never cutting a word or changing one.
//
// A part must fit in two ways: at most `maxWords` words, and at most `maxWords / WORDS_PER_LINE` lines as the
// slide will wrap them. Lines are estimated by wrapping the words at LINE_WIDTH, with each character's width
// in the deck's typeface, so a quote of long words, capitals or many short paragraphs is split as well as one
// of many words. With the quote slide's 70 words that is 8 lines: tests/slides/quote-fit.test.ts checks in
// Chromium that the worst cases fit, with the longest heading and a two-line attribution.

/** Width of one line of quoted text in ems (see textWidth): a little under the 29.3 the quote's paragraphs hold. */
export const LINE_WIDTH = 29;
/** How many words a line stands for when turning a word budget into lines: 70 words are 8 lines. */
export const WORDS_PER_LINE = 70 / 8;
/** The space between words, in ems. */
const SPACE = 0.28;
/** The space between paragraphs, in lines. */
export const PARAGRAPH_GAP = 0.28;

interface Piece {
  text: string;
  words: number;
  /** The piece ends a paragraph: the best place for a break. */
  paragraphEnd: boolean;
  /** The piece was followed by a space in the text (not so between sentences in Chinese or Japanese). */
  spaced: boolean;
}

/**
 * Splits paragraphs (blank-line separated) into as few parts as sentence ends allow, each within `maxWords`
 * words and the lines they stand for, evening out their lengths and preferring breaks between paragraphs.
 * Each part is a list of paragraphs. A sentence too long for one part is split between words; a "word"
 * too long for one part (a run of text with no spaces) between characters.
 */
export function splitText(text: string, maxWords: number): string[][] {
  const maxLines = maxWords / WORDS_PER_LINE;
  const pieces = toPieces(text, maxWords, maxLines);
  const n = pieces.length;
  // best[i]: cheapest way to lay out pieces[i..]; like line breaking, the cost is squared slack per part.
  const best: { cost: number; next: number }[] = Array.from({ length: n + 1 }, () => ({ cost: Infinity, next: n }));
  best[n] = { cost: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    let words = 0;
    for (let j = i; j < n; j++) {
      words += pieces[j]!.words;
      const lines = textLines(joinParagraphs(pieces.slice(i, j + 1)));
      if ((words > maxWords || lines > maxLines) && j > i) break;
      const last = j === n - 1;
      // How full the part is, in words, by whichever limit is nearer.
      const fill = Math.max(words, lines * WORDS_PER_LINE);
      const slack = maxWords - fill;
      const breakCost = last ? 0 : pieces[j]!.paragraphEnd ? 0 : maxWords;
      // Every part's slack counts, the last one's too, so no part is left with a stray sentence.
      const cost = slack * slack + breakCost + 10 * maxWords * maxWords + best[j + 1]!.cost;
      if (cost < best[i]!.cost) best[i] = { cost, next: j + 1 };
    }
  }
  const parts: string[][] = [];
  for (let i = 0; i < n; i = best[i]!.next) parts.push(joinParagraphs(pieces.slice(i, best[i]!.next)));
  return parts;
}

/** Lines the paragraphs take when wrapped at LINE_WIDTH, with the gaps between paragraphs. */
export function textLines(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + wrapLines(p, LINE_WIDTH), 0) + PARAGRAPH_GAP * Math.max(0, paragraphs.length - 1);
}

/** Lines one paragraph takes when wrapped at `width` ems of the deck's typeface. */
export function wrapLines(p: string, width: number): number {
  const LINE_WIDTH = width;
  let lines = 0;
  {
    let line = 0;
    let count = 0;
    for (const word of p.split(BREAKING_SPACE).filter(Boolean)) {
      const w = textWidth(word);
      if (w > LINE_WIDTH) {
        // The browser breaks a word wider than the line (overflow-wrap); it starts on a line of its own.
        count += (line > 0 ? 1 : 0) + Math.floor(w / LINE_WIDTH);
        line = w % LINE_WIDTH;
      } else if (line === 0) line = w;
      else if (line + SPACE + w <= LINE_WIDTH) line += SPACE + w;
      else {
        count++;
        line = w;
      }
    }
    lines += count + (line > 0 ? 1 : 0);
  }
  return lines;
}

/**
 * Spaces a line may break at: every white space but the no-break ones (U+00A0, U+2007, U+202F), which French
 * puts before : ; ? ! and inside « », and which hold their neighbours together on one line.
 */
const BREAKING_SPACE = /[^\S\u00a0\u2007\u202f]+/;

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}\u3000-\u303f\uff00-\uffef]/u;

/** Widths of the printable ASCII characters, space to ~, in hundredths of an em of Atkinson Hyperlegible. */
const ASCII = [28,28,30,65,59,93,70,16,30,30,43,60,20,37,20,38,65,40,55,57,61,58,60,51,61,60,20,20,55,60,55,52,78,63,62,66,67,57,55,71,69,41,51,63,54,82,69,73,60,75,62,60,56,69,59,84,62,59,61,31,38,31,55,40,27,53,57,50,56,54,31,56,55,28,25,49,24,84,55,55,57,58,34,47,32,54,44,65,46,43,46,32,23,32,55];
const OTHER: Record<string, number> = { '“': 0.4, '”': 0.4, '‘': 0.24, '’': 0.24, '—': 0.8, '–': 0.48, '…': 0.7, '\u00a0': 0.28, '\u202f': 0.2, '«': 0.55, '»': 0.55 };

/**
 * Width of the text as the slide sets it, in ems of the deck's typeface (measured in Chromium): an accented
 * letter as its letter, East Asian characters and emoji 1.2, anything else not measured 0.7 (wider than most).
 */
export function textWidth(text: string): number {
  // Plain ASCII needs no grapheme segmentation (the slow part); widths of the same word are asked for again and again.
  if (/^[\x20-\x7e]*$/.test(text)) {
    let w = 0;
    for (let i = 0; i < text.length; i++) w += ASCII[text.charCodeAt(i) - 32]! / 100;
    return w;
  }
  const known = WIDTHS.get(text);
  if (known !== undefined) return known;
  let w = 0;
  for (const g of graphemes(text)) {
    if (WIDE.test(g)) {
      w += 1.2;
      continue;
    }
    const base = [...g.normalize('NFD')][0] ?? '';
    const code = base.codePointAt(0) ?? 0;
    if (code >= 32 && code < 127) w += ASCII[code - 32]! / 100;
    else w += OTHER[base] ?? (/^[\u200b-\u200d\u2060\ufeff]$/.test(base) ? 0 : 0.7);
  }
  if (WIDTHS.size > 50_000) WIDTHS.clear();
  WIDTHS.set(text, w);
  return w;
}

/** Widths of non-ASCII words already measured (bounded, so a long property test cannot grow it for ever). */
const WIDTHS = new Map<string, number>();

// One segmenter for every call: making one is far slower than using it, and widths are asked for thousands of times.
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
function graphemes(text: string): string[] {
  return [...GRAPHEMES.segment(text)].map((s) => s.segment);
}

function toPieces(text: string, maxWords: number, maxLines: number): Piece[] {
  const pieces: Piece[] = [];
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  for (const p of paragraphs) {
    // Break only where a sentence end is followed by a space, so "MS.....she" stays as written; in Chinese
    // and Japanese also after a full stop, which has no space after it.
    const split = p.split(/(?<=[.!?]["”’)]*)(\s+)|(?<=[。！？][」』”’）]*)(?=\S)/);
    const chunks: Token[] = [];
    for (let i = 0; i < split.length; i += 2) {
      const sentence = split[i];
      if (!sentence) continue;
      const parts = chunkWords(sentence, maxWords, maxLines);
      parts.forEach((c, k) => chunks.push({ text: c.text, spaced: k < parts.length - 1 ? c.spaced : Boolean(split[i + 1]) }));
    }
    chunks.forEach((c, i) =>
      pieces.push({ text: c.text, words: countWords(c.text), paragraphEnd: i === chunks.length - 1, spaced: c.spaced }),
    );
  }
  return pieces;
}

/** Text and whether a space follows it. */
interface Token {
  text: string;
  spaced: boolean;
}

const joinTokens = (tokens: readonly Token[]) => tokens.map((t, i) => t.text + (t.spaced && i < tokens.length - 1 ? ' ' : '')).join('');

/** A sentence too long for one slide is split between words, in chunks of about the same length. */
function chunkWords(sentence: string, maxWords: number, maxLines: number): Token[] {
  const fits = (tokens: readonly Token[]) => {
    const text = joinTokens(tokens);
    return countWords(text) <= maxWords && textLines([text]) <= maxLines;
  };
  const whole = { text: sentence, spaced: true };
  if (fits([whole])) return [whole];
  const tokens = sentence
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w): Token[] => (fits([{ text: w, spaced: true }]) ? [{ text: w, spaced: true }] : chunkCharacters(w, maxLines)));
  // As many chunks as filling each one up needs, then the words shared out evenly by width over that many.
  let count = 0;
  for (let i = 0; i < tokens.length; count++) {
    let j = i + 1;
    while (j < tokens.length && fits(tokens.slice(i, j + 1))) j++;
    i = j;
  }
  const total = tokens.reduce((n, t) => n + textWidth(t.text) + 1, 0);
  for (; ; count++) {
    const chunks: Token[][] = [];
    let current: Token[] = [];
    let width = 0;
    for (const t of tokens) {
      const target = (total * (chunks.length + 1)) / count;
      if (current.length > 0 && width + textWidth(t.text) / 2 > target && chunks.length < count - 1) {
        chunks.push(current);
        current = [];
      }
      current.push(t);
      width += textWidth(t.text) + 1;
    }
    chunks.push(current);
    if (chunks.every(fits)) return chunks.map((c) => ({ text: joinTokens(c), spaced: c.at(-1)!.spaced }));
  }
}

/** A run of text with no spaces, too long for one slide, split between characters (never inside one). */
function chunkCharacters(word: string, maxLines: number): Token[] {
  const limit = Math.max(1, (Math.floor(maxLines) - 1) * LINE_WIDTH);
  const out: Token[] = [];
  let current = '';
  for (const g of graphemes(word)) {
    if (current && textWidth(current + g) > limit) {
      out.push({ text: current, spaced: false });
      current = '';
    }
    current += g;
  }
  out.push({ text: current, spaced: true });
  return out;
}

function joinParagraphs(pieces: Piece[]): string[] {
  const out: string[] = [];
  let current = '';
  let spaced = true;
  for (const p of pieces) {
    current = current ? `${current}${spaced ? ' ' : ''}${p.text}` : p.text;
    spaced = p.spaced;
    if (p.paragraphEnd) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The widest stretch of the text that a browser cannot break across lines: a run of letters with no space,
 * hyphen or East Asian character in it (such as a long web address). Undefined for empty text.
 */
export function widestUnbreakable(text: string): string | undefined {
  let widest: string | undefined;
  for (const word of text.split(BREAKING_SPACE)) {
    for (const run of word.split(new RegExp(`(?<=-)|${WIDE.source}`, 'u'))) {
      if (run && (widest === undefined || textWidth(run) > textWidth(widest))) widest = run;
    }
  }
  return widest;
}
