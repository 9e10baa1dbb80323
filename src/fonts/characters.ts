// Which characters the typeface must hold for a talk: every character its pages show, in the talk's language, and
// what the deck and the browser write later (slide numbers, the follow-along bar, Reveal's list of keys).
import { readFileSync } from 'node:fs';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { Parser } from 'htmlparser2';
import { renderSections } from '../deck/render-sections.ts';
import { browserWords } from '../locale/browser-words.ts';
import type { BuiltDeck } from '../deck/build-talk.ts';
import { subsetTypeface, type Typeface } from './typeface.ts';

/**
 * Always kept, for what the deck and the browser write later: digits and "/" (slide numbers such as "12/36", a
 * number typed into Reveal's jump-to-slide box), capitals and ", . + - :" (Reveal's key names, such as "ESC, O" and
 * "Shift SPACE"), the arrows of its list of keys, and the no-break spaces the locales put before French punctuation.
 * Any other character is kept only if a page shows it (printable ASCII that no page uses, such as "~" or "^", costs
 * 1.9 kB in the two faces). Characters the typeface has no glyph for are simply left out of it.
 */
export const ALWAYS = ' 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ,.+-:/\u00A0\u202F\u2190\u2191\u2192\u2193';

/**
 * Attributes whose values a reader sees or hears (a screen reader speaks the same characters the page shows), and
 * the addresses of links to other sites, which the text version prints after each link.
 */
const SHOWN_ATTRIBUTES = new Set(['alt', 'title', 'aria-label', 'aria-description', 'placeholder', 'value', 'label', 'data-show', 'data-hide', 'href']);

/** The characters a page shows: its text (not its style sheets or scripts, but its JSON data blocks), and the attributes above. */
export function pageCharacters(page: string): Set<string> {
  const chars = new Set<string>();
  const add = (s: string) => {
    for (const c of s) chars.add(c);
  };
  let skip = 0;
  let json = 0;
  let jsonText = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const [k, v] of Object.entries(attributes)) if (SHOWN_ATTRIBUTES.has(k) && (k !== 'href' || /^(?:https?|mailto):/i.test(v))) add(v);
        if (name === 'style' || (name === 'script' && attributes.type !== 'application/json')) skip++;
        else if (name === 'script') json++;
      },
      ontext(text) {
        if (json) jsonText += text;
        else if (!skip) add(text);
      },
      onclosetag(name) {
        if (name === 'style' || (name === 'script' && !json)) skip = Math.max(0, skip - 1);
        else if (name === 'script') {
          json--;
          add(withoutSlots(stringsOf(JSON.parse(jsonText)).join('')));
          jsonText = '';
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(page);
  parser.end();
  return chars;
}

/** A browser message's text without its {name} slots, which the script fills in before showing it. */
const withoutSlots = (s: string) => s.replace(/\{\w+\}/g, '');

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The words of a locale message, without its {placeholders}, plural syntax and tags (the values come from the talk). */
export function messageWords(message: string): string {
  const out: string[] = [];
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal) out.push(el.value);
      else if (el.type === TYPE.tag) visit(el.children);
      else if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) visit(option.value);
    }
  };
  try {
    visit(parse(message));
  } catch {
    return message;
  }
  return out.join(' ');
}

/** Characters style sheets write with `content:` (a dash before a citation, brackets): every non-ASCII character of the sheet. */
export function styleCharacters(css: string): Set<string> {
  return new Set([...css].filter((c) => c.codePointAt(0)! > 0x7e));
}

const STYLE_SHEETS = ['../styles/deck.css', '../styles/print.css', '../styles/follow.css', '../share/text-page.css', '../handout/handout.css'];

/**
 * Every character the talk's pages use: the deck's slides and speaker notes, the words its script shows (follow-along
 * bar, announcements, key help), the other pages made from it (`pages`: the text version and the handout, rendered
 * without fonts by whoever builds them, so this step imports no page above it), every message of the talk's locale
 * (labels included), what the style sheets write, and ALWAYS. Sorted, each once.
 */
export function talkCharacters(deck: BuiltDeck, pages: readonly string[]): string {
  const { model } = deck;
  const chars = new Set<string>(ALWAYS);
  const add = (set: Iterable<string>) => {
    for (const c of set) chars.add(c);
  };
  add(pageCharacters(renderSections(deck.slides)));
  add(withoutSlots(stringsOf(browserWords(model.words)).join('')));
  for (const page of pages) add(pageCharacters(page));
  // The editor's words (npm run edit) are never on a page of the deck: its page is not set in the deck's typeface.
  for (const [key, message] of model.words.messages) if (!/^editor(Fields)?\./.test(key)) add(messageWords(message));
  for (const text of [model.talk.title, model.talk.subtitle ?? '', model.talk.description]) add(text);
  for (const sheet of STYLE_SHEETS) add(styleCharacters(readFileSync(new URL(sheet, import.meta.url), 'utf8')));
  return [...chars]
    .filter((c) => c.codePointAt(0)! >= 0x20 && !(c.codePointAt(0)! >= 0x7f && c.codePointAt(0)! < 0xa0))
    .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)
    .join('');
}

/** The typeface cut to every character of the talk's pages; `cache` as for subsetTypeface. */
export function deckTypeface(deck: BuiltDeck, pages: readonly string[], options: { cache?: boolean } = {}): Promise<Typeface> {
  return subsetTypeface(talkCharacters(deck, pages), options);
}
