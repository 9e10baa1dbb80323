// The words the deck's browser code needs, finished at build time from the talk's locale (labels included), so the
// browser neither loads YAML nor ships a message formatter: plain strings with {name} slots, and one string per
// plural category for a message with a count, chosen in the browser with Intl.PluralRules.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { BROWSER_KEYS, DECK_WORDS_ID, QUESTION_KEYS, type BrowserMessage, type BrowserWords } from './browser-keys.ts';
import type { Words } from './words.ts';

/** Marks where a value goes while a message is formatted; private-use characters cannot occur in a message's words. */
const MARK = '\uE010';
const MARK_END = '\uE011';

export function browserWords(w: Words, keys: readonly string[] = BROWSER_KEYS): BrowserWords {
  return Object.fromEntries(
    keys.map((key) => {
      const message = w.messages.get(key);
      if (message === undefined) throw new Error(`no message "${key}" in the locale (a bug: every key the deck uses is in locales/en.yaml)`);
      return [key, browserMessage(key, message, w.lang)];
    }),
  ) as BrowserWords;
}

/** One message for the browser: its words with {name} slots, or its plural variants. */
export function browserMessage(key: string, message: string, lang: string): BrowserMessage {
  const ast = parse(message);
  const plurals = new Set<string>();
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.plural) {
        plurals.add(el.value);
        for (const option of Object.values(el.options)) visit(option.value);
      } else if (el.type === TYPE.select || el.type === TYPE.tag) {
        // The browser fills in {name} slots only; nothing it shows needs a choice of words or formatting.
        throw new Error(`${key}: the deck's browser messages take plain {placeholders} and plurals, not ${el.type === TYPE.tag ? 'tags' : 'select'}`);
      } else if (el.type === TYPE.argument || el.type === TYPE.number) {
        names.add(el.value);
      }
    }
  };
  visit(ast);
  if (plurals.size > 1) throw new Error(`${key}: the deck's browser messages take at most one plural`);
  const slots = Object.fromEntries([...names, ...plurals].map((n) => [n, `${MARK}${n}${MARK_END}`]));
  const finish = (elements: MessageFormatElement[]) =>
    String(new IntlMessageFormat(elements, lang).format(slots)).replace(new RegExp(`${MARK}([^${MARK_END}]*)${MARK_END}`, 'g'), '{$1}');
  const [plural] = plurals;
  if (plural === undefined) return finish(ast);
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  return Object.fromEntries(categories.map((category) => [category, finish(choose(ast, plural, category))]));
}

/** The message with its plural replaced by the words for one category (else "other"), and # by the count's slot. */
function choose(elements: MessageFormatElement[], name: string, category: string): MessageFormatElement[] {
  return elements.flatMap((el): MessageFormatElement[] => {
    if (el.type === TYPE.plural && el.value === name) {
      const option = el.options[category] ?? el.options.other!;
      return choose(option.value, name, category).map((inner) =>
        inner.type === TYPE.pound ? { type: TYPE.argument, value: name } : inner,
      );
    }
    return [el];
  });
}

/** The words as a script element for index.html: JSON with every "<" escaped, so nothing in it can end the element. */
/** The question words as a module for the browser bundle: one export, the words object. */
export function questionWordsModule(w: Words): string {
  return `export default ${JSON.stringify(browserWords(w, QUESTION_KEYS))};\n`;
}

export function browserWordsScript(w: Words): string {
  const json = JSON.stringify(browserWords(w)).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${DECK_WORDS_ID}">${json}</script>`;
}
