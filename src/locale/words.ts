// Every word the deck writes itself, in the talk's language: messages from a locale file (locales/<lang>.yaml),
// with the talk's own overrides on top, formatted with ICU MessageFormat (plurals, selects) and Intl (numbers, lists).
import { IntlMessageFormat } from 'intl-messageformat';
import { escapeHtml, raw, unwrap, type Raw } from '../html/escape.ts';
import { formatNumber } from './numbers.ts';
import { pluralArguments } from './placeholders.ts';

/** A locale's messages by dotted key ("thanks.title"). */
export type Messages = ReadonlyMap<string, string>;

/** A value a message is filled with: text (escaped in HTML), a number (formatted for the language), or finished HTML. */
export type Value = string | number | Raw;

export interface Words {
  /** The talk's language (BCP 47), for Intl and the pages' lang attribute. */
  readonly lang: string;
  /** A message as plain text. */
  text(key: string, values?: Record<string, string | number>): string;
  /** A message as HTML: its text escaped, Raw values kept, and the message's <b>, <i> and <cite> tags as elements. */
  html(key: string, values?: Record<string, Value>): Raw;
  /** "A, B and C" in the talk's language. */
  list(items: readonly string[]): string;
  /** The same, for pieces of HTML. */
  listHtml(items: readonly Raw[]): Raw;
  /** A figure as the data wrote it, with the language's decimal sign. */
  number(n: number): string;
  /** The plain-language label of a known design, or the design as written. */
  design(design: string): string;
  /** The vocabulary's key for a design written as its key or its label in any shipped language; undefined for a new one. */
  designKey(design: string): string | undefined;
  /** Every way the vocabulary's designs are written (keys, and labels in every shipped language), for suggestions. */
  readonly designNames: readonly string[];
  /** Every message with its key, for pages that pass a few of them to the browser. */
  readonly messages: Messages;
}

/** Tags a message may use, and the element each becomes. */
const TAGS: Record<string, string> = { b: 'strong', i: 'em', cite: 'cite' };

// Private-use characters mark where HTML goes while the message is formatted and escaped; escaping leaves them alone.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKERS = /[\uE000\uE001]/g;

/**
 * `designLabels` are the design labels of every shipped locale (key → labels), so a design written in another
 * language than the talk's is still known, and shown in the talk's language.
 */
export function makeWords(lang: string, messages: Messages, designLabels: ReadonlyMap<string, readonly string[]> = new Map()): Words {
  const formats = new Map<string, { format: IntlMessageFormat; counts: Set<string> }>();
  const compiled = (key: string) => {
    let f = formats.get(key);
    if (!f) {
      const message = messages.get(key);
      if (message === undefined) throw new Error(`no message "${key}" in the locale (a bug: every key the deck uses is in locales/en.yaml)`);
      f = { format: new IntlMessageFormat(message, lang, undefined, { ignoreTag: false }), counts: pluralArguments(message) };
      formats.set(key, f);
    }
    return f;
  };
  const format = (key: string) => compiled(key).format;
  const prepare = (key: string, values: Record<string, Value> = {}, pieces: string[] = []) =>
    Object.fromEntries(
      Object.entries(values).map(([k, v]) => {
        // A plural or select chooses by the number itself; anywhere else the figure is written as the data gives it.
        if (typeof v === 'number') return [k, compiled(key).counts.has(k) ? v : formatNumber(v, lang)];
        // A value can never carry the markers itself (the schemas refuse them; this keeps the formatter sound anyway).
        if (typeof v === 'string') return [k, v.replace(MARKERS, '')];
        pieces.push(unwrap(v));
        return [k, `${OPEN}${pieces.length - 1}${CLOSE}`];
      }),
    );
  const tagFunctions = (pieces: string[]) =>
    Object.fromEntries(
      Object.entries(TAGS).map(([tag, element]) => [
        tag,
        (chunks: unknown[]) => {
          pieces.push(`<${element}>`, `</${element}>`);
          return `${OPEN}${pieces.length - 2}${CLOSE}${chunks.join('')}${OPEN}${pieces.length - 1}${CLOSE}`;
        },
      ]),
    );
  const plainTags = Object.fromEntries(Object.keys(TAGS).map((tag) => [tag, (chunks: unknown[]) => chunks.join('')]));
  const listFormat = new Intl.ListFormat(lang, { type: 'conjunction' });

  return {
    lang,
    messages,
    text(key, values) {
      return String(format(key).format({ ...prepare(key, values), ...plainTags }));
    },
    html(key, values) {
      const pieces: string[] = [];
      const out = String(format(key).format({ ...prepare(key, values, pieces), ...tagFunctions(pieces) }));
      return raw(escapeHtml(out).replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_, i: string) => pieces[Number(i)] ?? ''));
    },
    list: (items) => listFormat.format(items),
    listHtml(items) {
      const parts = listFormat.formatToParts(items.map((_, i) => `${OPEN}${i}${CLOSE}`));
      return raw(parts.map((p) => (p.type === 'element' ? unwrap(items[Number(p.value.slice(1, -1))]!) : escapeHtml(p.value))).join(''));
    },
    number: (n) => formatNumber(n, lang),
    design(design) {
      const key = `designs.${this.designKey(design) ?? ''}`;
      return messages.get(key) ?? design;
    },
    designKey(design) {
      const wanted = design.trim().toLocaleLowerCase();
      for (const [key, label] of messages) {
        if (!key.startsWith('designs.')) continue;
        const id = key.slice('designs.'.length);
        const names = [id, label, ...(designLabels.get(id) ?? [])];
        if (names.some((n) => n.toLocaleLowerCase() === wanted)) return id;
      }
      return undefined;
    },
    designNames: [
      ...new Set(
        [...messages]
          .filter(([k]) => k.startsWith('designs.'))
          .flatMap(([k, label]) => [k.slice('designs.'.length), label, ...(designLabels.get(k.slice('designs.'.length)) ?? [])]),
      ),
    ],
  };
}
