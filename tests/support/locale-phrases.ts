// The words a locale writes by itself, for the tests that look for English left in a talk in another language (the
// Spanish example's pages and its PowerPoint file): one reading of the locale files, so both look for the same words.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parseDocument } from 'yaml';
import { ROOT } from './project.ts';

/** Every stretch of words a locale writes by itself, as a reader would see it (placeholders cut out). */
export function localePhrases(lang: string): Set<string> {
  const locale = parseDocument(readFileSync(resolve(ROOT, `locales/${lang}.yaml`), 'utf8')).toJS() as Record<string, Record<string, string>>;
  const out = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal) for (const p of el.value.split(/[.,:;()“”"?]/)) if (/\p{L}{3}/u.test(p)) out.add(p.trim());
      if (el.type === TYPE.tag) visit(el.children);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) visit(o.value);
    }
  };
  for (const [section, messages] of Object.entries(locale)) {
    if (section === 'language') continue;
    for (const message of Object.values(messages)) visit(parse(message));
  }
  return out;
}

/** English phrases the other language does not also write (names such as "DOI" and "PubMed" are the same in both). */
export function englishPhrases(lang: string): string[] {
  const theirs = localePhrases(lang);
  return [...localePhrases('en')].filter((p) => p.length >= 3 && !theirs.has(p));
}
