// The words module: figures as the data wrote them in the language's style, plurals chosen by the number itself,
// and HTML values and tags kept apart from the escaped text.
import { describe, expect, it } from 'vitest';
import { html } from '../../src/html/escape.ts';
import { unwrap } from '../../src/html/escape.ts';
import { formatNumber } from '../../src/locale/numbers.ts';
import { makeWords } from '../../src/locale/words.ts';

describe('figures', () => {
  it('keep every decimal the data gave, with the language\'s decimal sign', () => {
    expect(formatNumber(2.75, 'en')).toBe('2.75');
    expect(formatNumber(2.75, 'es')).toBe('2,75');
    expect(formatNumber(0.001, 'fr')).toBe('0,001');
    expect(formatNumber(0.0001, 'es')).toBe('0,0001');
    expect(formatNumber(1e-7, 'en')).toBe('0.0000001');
    expect(formatNumber(12, 'es')).toBe('12');
    expect(formatNumber(3.0, 'en')).toBe('3');
  });
});

describe('messages', () => {
  const w = makeWords(
    'es',
    new Map([
      ['a.count', '{count, plural, one {# estudio} other {# estudios}} de {total}'],
      ['a.tagged', '<b>{name}</b>, por {what}.'],
    ]),
  );

  it('a plural chooses by the number, however large, and the other figures are written the Spanish way', () => {
    expect(w.text('a.count', { count: 1, total: 2.5 })).toBe('1 estudio de 2,5');
    expect(w.text('a.count', { count: 1234, total: 1234.5 })).toBe('1234 estudios de 1234,5');
  });

  it('as HTML: text escaped, tags as elements, HTML values kept', () => {
    expect(unwrap(w.html('a.tagged', { name: '<Ana & Jorge>', what: html`<em>revisar</em>` }))).toBe(
      '<strong>&lt;Ana &amp; Jorge&gt;</strong>, por <em>revisar</em>.',
    );
  });

  it('lists in the language\'s own way', () => {
    expect(w.list(['Ana', 'Jorge', 'Lucía'])).toBe('Ana, Jorge y Lucía');
    expect(makeWords('fr', new Map()).list(['Ana', 'Jorge'])).toBe('Ana et Jorge');
  });
});
