// The splitter that shares a long quote out over slides: nothing lost, changed or reordered, every part within
// its budget of words and lines. (tests/slides/quote-fit.test.ts checks the budget against Chromium's layout.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, splitText, textLines, textWidth, widestUnbreakable, WORDS_PER_LINE } from '../../src/layout/split-text.ts';

const MAX = 70;
const words = (s: string) => s.split(/\s+/).filter(Boolean);
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Words of every kind: short, long, capitals, digits, punctuation, non-ASCII, East Asian, emoji. */
const word = fc.oneof(
  fc.constantFrom('a', 'MS', 'massage', 'therapy.', 'Yes!', 'really?', '“quoted”', 'clients’', '—', 'café', '2013', 'P=0.001', 'MMMMMM', 'wwww', '東京', '研究されました。', '💆‍♀️', 'e.g.', 'MS.....she'),
  fc.string({ minLength: 1, maxLength: 15 }).map((s) => s.replace(/\s/g, '')).filter(Boolean),
);
const paragraph = fc.array(word, { minLength: 1, maxLength: 120 }).map((ws) => ws.join(' '));
const text = fc.array(paragraph, { minLength: 1, maxLength: 6 }).map((ps) => ps.join('\n\n'));

describe('splitText', () => {
  it('keeps every character in order and every part within its words and lines', () => {
    fc.assert(
      fc.property(text, (t) => {
        const parts = splitText(t, MAX);
        expect(parts.length).toBeGreaterThan(0);
        expect(squeeze(parts.flat().join(''))).toBe(squeeze(t));
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          expect(countWords(part.join(' '))).toBeLessThanOrEqual(MAX);
          expect(textLines(part)).toBeLessThanOrEqual(MAX / WORDS_PER_LINE);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the words themselves when none is too wide for a line', () => {
    fc.assert(
      fc.property(text, (t) => {
        fc.pre(words(t).every((w) => textWidth(w) < 20));
        expect(words(splitText(t, MAX).flat().join(' '))).toEqual(words(t));
      }),
      { numRuns: 300 },
    );
  });

  it('never puts two paragraphs of the text into one', () => {
    fc.assert(
      fc.property(text, (t) => {
        const paragraphs = t.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
        const shown = splitText(t, MAX).flat();
        let i = 0;
        for (const p of shown) {
          // Each paragraph shown is a stretch of one paragraph of the text.
          while (i < paragraphs.length && !squeeze(paragraphs[i]!).includes(squeeze(p))) i++;
          expect(i, `"${p}" is not inside one paragraph`).toBeLessThan(paragraphs.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a short quote whole, and splits at sentence ends when it can', () => {
    expect(splitText('One. Two.', MAX)).toEqual([['One. Two.']]);
    const sentence = 'This sentence has exactly ten words in it, you see.';
    const parts = splitText(Array.from({ length: 12 }, () => sentence).join(' '), MAX);
    expect(parts.length).toBe(2);
    for (const part of parts) expect(part.join(' ').endsWith('see.')).toBe(true);
  });

  it('splits many short paragraphs, which take lines even with few words', () => {
    const parts = splitText(Array.from({ length: 30 }, () => 'Yes.').join('\n\n'), MAX);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.flat()).toHaveLength(30);
  });

  it('splits text with no spaces (Japanese) after its full stops, with nothing added', () => {
    const t = '東京の大学で研究されました。'.repeat(40);
    const parts = splitText(t, MAX);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flat().join('')).toBe(t);
    for (const part of parts) expect(part.join('').endsWith('。')).toBe(true);
  });

  it('finds the widest stretch a browser cannot wrap', () => {
    expect(widestUnbreakable('see https://example.org/a/very/long/path here')).toBe('https://example.org/a/very/long/path');
    expect(widestUnbreakable('well-known long-standing')).toBe('standing');
    expect(widestUnbreakable('東京大学研究')).toBeUndefined();
  });
});
