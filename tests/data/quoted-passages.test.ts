// Quotation marks in every form the talk's languages write them are found; apostrophes are not taken for quotes.
import { describe, expect, it } from 'vitest';
import { quotedPassages } from '../../src/data/quoted-passages.ts';

const words = (text: string) => quotedPassages(text).map((p) => p.words);

describe('quotedPassages', () => {
  it('finds double quotes, curly and straight, but not an attribute value', () => {
    expect(words('She said “it seems to help” and "may ease pain", <a href="x.html">here</a>.')).toEqual(['it seems to help', 'may ease pain']);
  });

  it('finds guillemets with or without the spaces French sets inside, and low-high quotes', () => {
    expect(words('Dijo «me ayudó mucho» y « cela aide\u00a0» y „es hilft“.')).toEqual(['me ayudó mucho', 'cela aide', 'es hilft']);
  });

  it('finds single-quoted passages, curly and straight, with apostrophes inside them', () => {
    expect(words('The paper calls it ‘a therapist’s touch’, and Bert says \'it’s relaxing, isn\'t it\'.')).toEqual(['a therapist’s touch', 'it’s relaxing, isn\'t it']);
  });

  it('does not take apostrophes for quotation marks', () => {
    expect(words("The clients' feet and the therapists' hands; don't, it's, ’90s, rock 'n' roll.")).toEqual([]);
    expect(words('The patient’s view and the doctors’ notes.')).toEqual([]);
  });

  it('gives passages in the order they stand, with where each opens', () => {
    const text = '‘one’ then “two” then «three»';
    expect(quotedPassages(text)).toEqual([
      { words: 'one', index: 0 },
      { words: 'two', index: text.indexOf('“') },
      { words: 'three', index: text.indexOf('«') },
    ]);
  });
});
