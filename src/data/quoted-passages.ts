// Finds the passages a text puts in quotation marks, in the ways the talk's languages write them: “curly” and "straight"
// double quotes, «guillemets» (Spanish, French, with or without the spaces French sets inside), „low-high“ quotes,
// and single quotes, ‘curly’ or 'straight'. A single quote is also an apostrophe ("the therapist’s view",
// "clients' feet"), so a single-quoted passage must open after a space or bracket and close before a space or a
// mark, and an apostrophe inside it (one followed by a letter) does not close it.

export interface QuotedPassage {
  /** The words between the marks, as written. */
  words: string;
  /** Where the opening mark is in the text. */
  index: number;
}

const PATTERNS: readonly RegExp[] = [
  /“([^”]+)”/gu,
  // Not an HTML attribute's value (written after "=").
  /(?<!=)"([^"\n]+)"/gu,
  /«[\s\u00a0\u202f]*([^»]+?)[\s\u00a0\u202f]*»/gu,
  /„([^“”]+)[“”]/gu,
  /(?<=^|[\s(\[—–-])‘((?:[^’\n]|’(?=\p{L}))+)’(?!\p{L})/gu,
  /(?<=^|[\s(\[—–-])'(?=\S)((?:[^'\n]|'(?=\p{L}))+?)(?<=\S)'(?=$|[\s.,;:!?)\]—–-])/gu,
];

/** Every passage in quotation marks, in the order they stand in the text. */
export function quotedPassages(text: string): QuotedPassage[] {
  return (
    PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ words: m[1]!, index: m.index })))
      // A lone letter between marks ("rock 'n' roll", "the 'a' key") is not a passage of anyone's words.
      .filter((p) => /\p{L}{2}|\p{N}/u.test(p.words))
      .sort((a, b) => a.index - b.index)
  );
}
