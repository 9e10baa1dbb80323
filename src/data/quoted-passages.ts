// Finds the passages a text puts in quotation marks, in the ways the talk's languages write them: “curly” and "straight"
// double quotes, «guillemets» (Spanish, French, with or without the spaces French sets inside), „low-high“ quotes,
// and single quotes, ‘curly’ or 'straight'. A single quote is also an apostrophe ("the therapist’s view",
// "clients' feet"), so a single-quoted passage must open after a space or bracket and close before a space or a
// mark, and an apostrophe inside it (one followed by a letter) does not close it.
//
// A scanner, not regular expressions: a talk's text is untrusted input, and patterns with nested or repeated
// quantifiers were cubic on "«" followed by many spaces and quadratic on repeated "“". Here every opening mark finds
// its closing mark through tables made in one pass from the end of the text, so the whole text costs linear time.

export interface QuotedPassage {
  /** The words between the marks, as written. */
  words: string;
  /** Where the opening mark is in the text. */
  index: number;
}

const LETTER = /\p{L}/u;
const SPACE = /[\s\u00a0\u202f]/u;
/** What may stand before an opening single quote. */
const BEFORE_SINGLE = /[\s(\[—–-]/u;
/** What may follow a closing straight single quote. */
const AFTER_SINGLE = /[\s.,;:!?)\]—–-]/u;

/** For each position, the index of the next position at or after it where `is` holds (text.length when none). */
function nextWhere(text: string, is: (i: number) => boolean): Int32Array {
  const next = new Int32Array(text.length + 1);
  next[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) next[i] = is(i) ? i : next[i + 1]!;
  return next;
}

const isLetter = (text: string, i: number) => i < text.length && LETTER.test(text[i]!);

/** Marks that open and close with different characters: the first closing mark after the opening one closes it. */
function paired(text: string, open: string, closes: string, out: QuotedPassage[], trim = false): void {
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start < 0) return;
    let end = -1;
    for (const c of closes) {
      const at = text.indexOf(c, start + 1);
      if (at >= 0 && (end < 0 || at < end)) end = at;
    }
    // No closing mark after this one: none after any later one either.
    if (end < 0) return;
    let words = text.slice(start + 1, end);
    if (trim) {
      let a = 0;
      let b = words.length;
      while (a < b && SPACE.test(words[a]!)) a++;
      while (b > a && SPACE.test(words[b - 1]!)) b--;
      words = words.slice(a, b);
    }
    if (words.length > 0) out.push({ words, index: start });
    from = end + 1;
  }
}

/** "Straight" double quotes: each pairs with the next one on its line, unless it is an HTML attribute's (after "="). */
function straightDouble(text: string, out: QuotedPassage[]): void {
  const marks: number[] = [];
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) marks.push(i);
  for (let k = 0; k + 1 < marks.length; ) {
    const start = marks[k]!;
    const end = marks[k + 1]!;
    const words = text.slice(start + 1, end);
    if (text[start - 1] !== '=' && words.length > 0 && !words.includes('\n')) {
      out.push({ words, index: start });
      k += 2;
    } else k += 1;
  }
}

/** Single quotes, curly or straight: opened after a space or bracket, closed by a mark not followed by a letter. */
function single(text: string, open: string, close: string, out: QuotedPassage[]): void {
  const straight = open === close;
  const newline = nextWhere(text, (i) => text[i] === '\n');
  // A closing mark: the mark not followed by a letter (one followed by a letter is an apostrophe inside the passage).
  const closing = nextWhere(text, (i) => text[i] === close && !isLetter(text, i + 1));
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start < 0) return;
    from = start + 1;
    if (start > 0 && !BEFORE_SINGLE.test(text[start - 1]!)) continue;
    if (straight && (start + 1 >= text.length || /\s/.test(text[start + 1]!))) continue;
    const end = closing[start + 1]!;
    if (end >= text.length || newline[start + 1]! < end || end === start + 1) continue;
    if (straight) {
      // The straight form also closes only after a non-space and before a space, a stop or a bracket.
      if (/\s/.test(text[end - 1]!)) continue;
      if (end + 1 < text.length && !AFTER_SINGLE.test(text[end + 1]!)) continue;
    } else if (isLetter(text, end + 1)) continue;
    out.push({ words: text.slice(start + 1, end), index: start });
    from = end + 1;
  }
}

/** Every passage in quotation marks, in the order they stand in the text. */
export function quotedPassages(text: string): QuotedPassage[] {
  const out: QuotedPassage[] = [];
  paired(text, '“', '”', out);
  straightDouble(text, out);
  paired(text, '«', '»', out, true);
  paired(text, '„', '“”', out);
  single(text, '‘', '’', out);
  single(text, "'", "'", out);
  return (
    out
      // A lone letter between marks ("rock 'n' roll", "the 'a' key") is not a passage of anyone's words.
      .filter((p) => /\p{L}{2}|\p{N}/u.test(p.words))
      .sort((a, b) => a.index - b.index)
  );
}
