// Splits long text into slide-sized parts at sentence ends, never cutting a word or changing one.

interface Piece {
  text: string;
  words: number;
  /** The piece ends a paragraph: the best place for a break. */
  paragraphEnd: boolean;
}

/**
 * Splits paragraphs (blank-line separated) into as few parts of at most `maxWords` words as sentence
 * ends allow, evening out their lengths and preferring breaks between paragraphs.
 * Each part is a list of paragraphs. A sentence longer than `maxWords` is split between words.
 */
export function splitText(text: string, maxWords: number): string[][] {
  const pieces = toPieces(text, maxWords);
  const n = pieces.length;
  // best[i]: cheapest way to lay out pieces[i..]; like line breaking, the cost is squared slack per part.
  const best: { cost: number; next: number }[] = Array.from({ length: n + 1 }, () => ({ cost: Infinity, next: n }));
  best[n] = { cost: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    let words = 0;
    for (let j = i; j < n; j++) {
      words += pieces[j]!.words;
      if (words > maxWords && j > i) break;
      const last = j === n - 1;
      const slack = maxWords - words;
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

function toPieces(text: string, maxWords: number): Piece[] {
  const pieces: Piece[] = [];
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  for (const p of paragraphs) {
    // Break only where a sentence end is followed by a space, so "MS.....she" stays as written.
    const sentences = p.split(/(?<=[.!?]["”’)]*)\s+/).filter(Boolean);
    const chunks = sentences.flatMap((s) => chunkWords(s, maxWords));
    chunks.forEach((c, i) => pieces.push({ text: c, words: countWords(c), paragraphEnd: i === chunks.length - 1 }));
  }
  return pieces;
}

/** A sentence too long for one slide is split between words, in even chunks. */
function chunkWords(sentence: string, maxWords: number): string[] {
  const words = sentence.split(/\s+/).filter(Boolean);
  if (words.length <= maxWords) return [sentence];
  const count = Math.ceil(words.length / maxWords);
  const size = Math.ceil(words.length / count);
  return Array.from({ length: count }, (_, i) => words.slice(i * size, (i + 1) * size).join(' '));
}

function joinParagraphs(pieces: Piece[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const p of pieces) {
    current = current ? `${current} ${p.text}` : p.text;
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
