// The deck's browser words: finished at build time (plural variants per category), carried in index.html as JSON
// that cannot end its script element, and read back by the browser code with the page's language.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadWords } from '../../src/data/load-locale.ts';
import { BROWSER_KEYS, DECK_WORDS_ID, QUESTION_KEYS } from '../../src/locale/browser-keys.ts';
import { browserMessage, browserWords, browserWordsScript, questionWordsModule } from '../../src/locale/browser-words.ts';
import { makeWords } from '../../src/locale/words.ts';

const talkFile = { file: 'data/talk.yaml', locate: () => ({ line: 1, column: 1 }) };
const wordsFor = (lang: string) => loadWords(lang, undefined, talkFile).words;

describe('browserWords', () => {
  it('holds every key the browser code asks for, in the talk\'s language', () => {
    for (const lang of ['en', 'es', 'fr']) {
      const words = browserWords(wordsFor(lang));
      expect(Object.keys(words).sort()).toEqual([...BROWSER_KEYS].sort());
    }
    expect(browserWords(wordsFor('fr'))['follow.on']).toBe('Oui');
  });

  it('keeps the words of questions out of the page, for the chunk that shows them', () => {
    const page = browserWords(wordsFor('es'));
    expect(Object.keys(page).filter((k) => (QUESTION_KEYS as readonly string[]).includes(k))).toEqual([]);
    const module = questionWordsModule(wordsFor('es'));
    expect(module).toMatch(/^export default \{/);
    expect(module).toContain('"follow.askButton":"Hacer una pregunta"');
  });

  it('keeps {name} slots for the browser to fill', () => {
    expect(browserWords(wordsFor('en'))['follow.following']).toBe('Following the speaker. Press {key} to browse freely.');
  });

  it('turns a plural into one string per plural category of the language, # becoming {count}', () => {
    expect(browserWords(wordsFor('en'))['follow.listeners']).toEqual({ one: '{count} following', other: '{count} following' });
    // French has "many" too (a million people); the message gives no words for it, so it takes "other"'s.
    expect(browserWords(wordsFor('fr'))['follow.listeners']).toEqual({
      one: '{count} personne suit',
      many: '{count} personnes suivent',
      other: '{count} personnes suivent',
    });
    expect(browserMessage('k', 'a {count, plural, =0 {none} one {one of {n}} other {# of {n}}} b', 'en')).toEqual({
      one: 'a one of {n} b',
      other: 'a {count} of {n} b',
    });
  });

  it('refuses what the browser cannot fill in (a select, a tag)', () => {
    expect(() => browserMessage('k', '{x, select, a {A} other {B}}', 'en')).toThrow(/select/);
    expect(() => browserMessage('k', '<b>x</b>', 'en')).toThrow(/tags/);
  });
});

describe('browserWordsScript', () => {
  it('writes JSON that no label can break out of', () => {
    const en = wordsFor('en');
    const messages = new Map(en.messages);
    // A label may hold "<" as text (tags other than <b>, <i>, <cite> are refused when the talk is checked).
    messages.set('follow.toggle', 'Follow < now \u2028 <!-- x');
    const script = browserWordsScript(makeWords('en', messages));
    expect(script.startsWith(`<script type="application/json" id="${DECK_WORDS_ID}">`)).toBe(true);
    const body = script.slice(script.indexOf('>') + 1, -'</script>'.length);
    expect(body).not.toContain('<');
    expect(JSON.parse(body)['follow.toggle']).toBe('Follow < now \u2028 <!-- x');
  });
});

describe('say (browser side)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** A page as far as deck-words.ts looks at it: its lang and the JSON element. */
  const page = (lang: string, json: string | undefined) =>
    vi.stubGlobal('document', {
      documentElement: { lang },
      getElementById: (id: string) => (id === DECK_WORDS_ID && json !== undefined ? { textContent: json } : null),
    });

  it('fills slots and picks the plural form with Intl.PluralRules, numbers as the language writes them', async () => {
    const script = browserWordsScript(wordsFor('es'));
    page('es', script.slice(script.indexOf('>') + 1, -'</script>'.length));
    const { say } = await import('../../src/browser/deck-words.ts');
    expect(say('follow.listeners', { count: 1 })).toBe('1 persona sigue');
    expect(say('follow.listeners', { count: 12000 })).toBe('12.000 personas siguen');
    expect(say('follow.browsing', { key: 'L' })).toBe('Se mueve libremente. Pulse L o el botón para volver a seguir a quien presenta.');
    expect(say('controls.previous')).toBe('diapositiva anterior');
  });

  it('fails loudly (in development) when the page has no words', async () => {
    page('en', undefined);
    const { say } = await import('../../src/browser/deck-words.ts');
    expect(() => say('follow.toggle')).toThrow(new RegExp(`#${DECK_WORDS_ID}`));
  });
});
