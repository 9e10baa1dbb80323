// The deck's own words in the browser, in the talk's language: read once from the JSON the build wrote into the
// page (src/locale/browser-words.ts). There are no English fallbacks here: a page without its words is a bug in
// the build, so the dev server stops on it; a built deck logs it and shows the message names rather than nothing.
import { DECK_WORDS_ID, type BrowserKey, type BrowserWords } from '../locale/browser-keys.ts';

let words: BrowserWords | undefined;

function all(): BrowserWords | undefined {
  if (words) return words;
  const element = document.getElementById(DECK_WORDS_ID);
  try {
    if (!element?.textContent) throw new Error(`the page has no #${DECK_WORDS_ID} (the build writes it into index.html)`);
    words = JSON.parse(element.textContent) as BrowserWords;
  } catch (e) {
    if (import.meta.env.DEV) throw e;
    console.error('deck words:', e);
  }
  return words;
}

/** Words that come with a chunk of code (the questions'), added to the page's own. */
export function addWords(more: BrowserWords): void {
  words = { ...(all() ?? ({} as BrowserWords)), ...more };
}

/** A message with its {name} slots filled; a number is written as the page's language writes it. */
export function say(key: BrowserKey, values: Record<string, string | number> = {}): string {
  const lang = document.documentElement.lang || undefined;
  const message = all()?.[key];
  if (message === undefined) return key;
  let text: string | undefined;
  if (typeof message === 'string') text = message;
  else {
    const count = values.count;
    if (typeof count !== 'number') throw new Error(`${key} needs a count`);
    text = message[new Intl.PluralRules(lang).select(count)] ?? message.other;
  }
  return (text ?? key).replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = values[name];
    if (value === undefined) return slot;
    return typeof value === 'number' ? value.toLocaleString(lang) : value;
  });
}
