// Selected words placed into the talk's data with where they came from.
import { describe, expect, it } from 'vitest';
import { numberOf, place, sentenceAround, SelectionProblem, type Selection } from '../../src/browser/editor/source-actions.ts';

const WHOLE = 'Twelve adults (n = 12) took part. Fatigue fell by 4.5 points (p = 0.04). Vitamin B12 was not measured.';
const sel = (text: string, nth = 0): Selection => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = WHOLE.indexOf(text, start + 1);
  return { source: 'gentle', text, whole: WHOLE, start };
};

describe('source actions', () => {
  it('reads a figure standing on its own, and refuses one inside a word or a longer number', () => {
    expect(numberOf(sel('12'))).toBe(12);
    expect(numberOf(sel('4.5'))).toBe(4.5);
    expect(() => numberOf(sel('12', 1))).toThrow(SelectionProblem);
    expect(() => numberOf(sel('0.0'))).toThrow(/numberInWord/);
    expect(() => numberOf(sel('.5'))).toThrow(/notANumber|numberInWord/);
    expect(() => numberOf(sel('Fatigue'))).toThrow(/notANumber/);
  });

  it('takes the sentence around a figure as its passage', () => {
    expect(sentenceAround(sel('4.5'))).toBe('Fatigue fell by 4.5 points (p = 0.04).');
  });

  it('makes a new study from a conclusion, drawing on the source; a figure goes to its result with its sentence', () => {
    let data = place({ studies: { studies: [] } }, sel('Fatigue fell by 4.5 points (p = 0.04).'), { kind: 'conclusion', study: 'new' });
    expect(data.studies!.studies).toEqual([{ id: 'gentle', from: 'gentle', conclusion: 'Fatigue fell by 4.5 points (p = 0.04).' }]);
    data = place(data, sel('0.04'), { kind: 'p', study: 0, result: 'new' });
    expect((data.studies!.studies as { results: unknown[] }[])[0]!.results).toEqual([{ outcome: '', direction: 'improved', p: 0.04, passage: 'Fatigue fell by 4.5 points (p = 0.04).' }]);
  });

  it('refuses a figure for a study that draws on another source', () => {
    const data = { studies: { studies: [{ id: 'x', from: 'other' }] } };
    expect(() => place(data, sel('12'), { kind: 'count', study: 0 })).toThrow(/otherSource/);
  });

  it('adds a passage to a plain-text claim, and a basis to a takeaway that names none', () => {
    const data = { studies: { studies: [{ id: 'gentle-2024', from: 'gentle', meaning: 'It may help.' }] }, takeaways: { takeaways: [{ text: 'Massage may ease fatigue.', own: true }] } };
    const a = place(data, sel('Fatigue fell by 4.5 points'), { kind: 'passage', claim: { file: 'studies', study: 0, field: 'meaning' } });
    expect((a.studies!.studies as { meaning: unknown }[])[0]!.meaning).toEqual({ text: 'It may help.', passages: ['Fatigue fell by 4.5 points'] });
    const b = place(data, sel('Fatigue fell by 4.5 points'), { kind: 'passage', claim: { file: 'takeaways', list: 'takeaways', index: 0 } });
    expect(b.takeaways!.takeaways).toEqual([{ text: 'Massage may ease fatigue.', passages: ['Fatigue fell by 4.5 points'], basis: ['gentle-2024'] }]);
  });

  it('makes a new quote of the words as said, from the source', () => {
    const data = place({ quotes: { quotes: [] } }, sel('Twelve adults (n = 12) took part.'), { kind: 'quote' });
    expect(data.quotes!.quotes).toEqual([{ id: 'gentle-quote-1', from: 'gentle', text: 'Twelve adults (n = 12) took part.' }]);
  });
});
