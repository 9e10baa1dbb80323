// The overview's column headings, in every shipped language, fit their columns without a word broken in two
// ("Participante-s" on a Spanish slide was the bug): each word of a heading is no wider than its column.
import { describe, expect, it } from 'vitest';
import { loadWords } from '../../src/data/load-locale.ts';
import { CONTENT_WIDTH } from '../../src/layout/fit.ts';
import { textWidth } from '../../src/layout/split-text.ts';
import { CELL_PADDING, CELL_PX, COLUMNS } from '../../src/render/render-overview.ts';

const talkFile = { file: 'data/talk.yaml', locate: () => ({ line: 1, column: 1 }) };
const HEADINGS = ['overview.study', 'overview.design', 'overview.size', 'overview.improved', 'overview.other'];

describe('the overview table', () => {
  it('has columns that add up to the table', () => {
    expect(COLUMNS.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it.each(['en', 'es', 'fr'])('fits every word of its headings in %s within its column', (lang) => {
    const w = loadWords(lang, undefined, talkFile).words;
    for (const [i, key] of HEADINGS.entries()) {
      const room = (CONTENT_WIDTH * COLUMNS[i]!) / 100 - CELL_PADDING;
      for (const word of w.text(key).split(/\s+/)) expect(textWidth(word) * CELL_PX, `${lang} ${key}: "${word}"`).toBeLessThanOrEqual(room);
    }
  });
});
