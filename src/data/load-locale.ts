// Reads the words the deck writes for the talk's language: locales/<lang>.yaml over English, then the talk's own
// labels over both. Every message is checked against the English one it stands for, so a translation or a label
// with a wrong or missing {placeholder} is reported at its line instead of reaching the audience.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Problem } from './data-error.ts';
import { nearest } from './describe-value.ts';
import { readText, readYaml, type Located } from './load-yaml.ts';
import { messageShape, type MessageShape } from '../locale/placeholders.ts';
import { makeWords, type Words } from '../locale/words.ts';
import { shownPath } from '../names/shown-path.ts';

/** The folder of locale files, one per language, shipped with the tool. */
export const LOCALES_DIR = resolve(import.meta.dirname, '../../locales');
/** The language every other locale is checked against, and the one used when a talk's language has no locale. */
export const BASE_LANG = 'en';

/** A locale file: sections of messages, such as `thanks: { title: Thank you }`. */
export const LocaleSchema = z.record(
  z.string(),
  z.record(z.string(), z.string({ message: 'expected the words of a message (put them in quotes if they start with {)' })),
);
export type LocaleFile = z.infer<typeof LocaleSchema>;

export interface LoadedWords {
  words: Words;
  problems: Problem[];
  warnings: Problem[];
  /** Locale files read, so a dev server can watch them. */
  files: string[];
}

/** The languages that have a locale file. */
export function availableLocales(dir = LOCALES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** The locale file for a language: the exact one ("es-MX"), else its base language ("es"), else none. */
export function localeFor(lang: string, dir = LOCALES_DIR): string | undefined {
  const have = availableLocales(dir);
  const base = lang.split('-')[0]!;
  return have.find((l) => l.toLowerCase() === lang.toLowerCase()) ?? have.find((l) => l === base);
}

interface Labels {
  value: LocaleFile;
  locate: Located<unknown>['locate'];
  file: string;
}

/**
 * The words for a talk: its language's locale (English when there is none, with a warning), any key that locale
 * lacks taken from English, and the talk's `labels` on top.
 */
export function loadWords(
  lang: string,
  labels: Labels | undefined,
  talkFile: { file: string; locate: Located<unknown>['locate'] },
  shown: (path: string) => string = shownPath,
  dir = LOCALES_DIR,
): LoadedWords {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const files: string[] = [];
  const read = (name: string) => {
    const path = join(dir, `${name}.yaml`);
    files.push(path);
    const result = readYaml(readText(path, shown(path)), shown(path), LocaleSchema);
    problems.push(...result.problems);
    return { value: result.value ?? {}, locate: result.locate, file: shown(path) };
  };

  const base = read(BASE_LANG);
  const shapes = new Map<string, MessageShape>();
  for (const [key, message, at] of entries(base.value)) {
    const shape = messageShape(message);
    if ('error' in shape) problems.push({ file: base.file, ...base.locate(at), field: key, message: shape.error });
    else shapes.set(key, shape);
  }
  const messages = new Map(entries(base.value).map(([k, m]) => [k, m] as const));

  const chosen = localeFor(lang, dir);
  if (!chosen) {
    warnings.push({
      file: talkFile.file,
      ...talkFile.locate(['lang']),
      field: 'lang',
      message: `no words for the language "${lang}" yet, so the deck's own words (headings, labels) are in English. Languages with their words: ${availableLocales(dir).join(', ')}. To add one, copy locales/en.yaml to locales/${lang}.yaml and translate it`,
    });
  } else if (chosen !== BASE_LANG) {
    const locale = read(chosen);
    for (const [key, message, at] of entries(locale.value)) {
      const problem = checkMessage(key, message, shapes, key.startsWith('designs.'));
      if (problem) problems.push({ file: locale.file, ...locale.locate(at), field: key, message: problem });
      else messages.set(key, message);
    }
  }

  if (labels) {
    for (const [key, message, at] of entries(labels.value)) {
      const problem = checkMessage(key, message, shapes, false);
      if (problem) problems.push({ file: labels.file, ...labels.locate(['labels', ...at]), field: `labels.${key}`, message: problem });
      else messages.set(key, message);
    }
  }
  return { words: makeWords(lang, messages, designLabels(dir)), problems, warnings, files };
}

/** What is wrong with a message standing for the English one of the same key, if anything. */
function checkMessage(key: string, message: string, english: ReadonlyMap<string, MessageShape>, newKeyAllowed: boolean): string | undefined {
  const want = english.get(key);
  if (!want && !newKeyAllowed) {
    const guess = nearest(key, [...english.keys()]);
    return `unknown label "${key}"${guess ? `: did you mean "${guess}"?` : ''} The labels are the names in locales/${BASE_LANG}.yaml, written as section.name`;
  }
  const shape = messageShape(message);
  if ('error' in shape) return shape.error;
  if (!want) return undefined;
  const unknown = [...shape.placeholders].filter((p) => !want.placeholders.has(p));
  if (unknown.length) {
    const known = [...want.placeholders];
    return `{${unknown[0]}} is not filled in for this message${known.length ? `: it can use ${known.map((p) => `{${p}}`).join(', ')}` : ': it takes no {placeholders}'}`;
  }
  const tags = [...shape.tags].filter((t) => !['b', 'i', 'cite'].includes(t));
  if (tags.length) return `<${tags[0]}> is not a tag the deck knows: use <b>, <i> or <cite>`;
  return undefined;
}

/** Every message of a locale file as [dotted key, message, path in the file]. */
function entries(file: LocaleFile): [string, string, string[]][] {
  // Labels are read as written even when talk.yaml has problems, so anything that is not a message is passed over here
  // (the schema reports it).
  return Object.entries(file).flatMap(([section, messages]) =>
    messages && typeof messages === 'object'
      ? Object.entries(messages)
          .filter(([, message]) => typeof message === 'string')
          .map(([name, message]): [string, string, string[]] => [`${section}.${name}`, message, [section, name]])
      : [],
  );
}

/** Keys of the base locale, for tests that compare locales. */
export function localeKeys(file: LocaleFile): string[] {
  return entries(file).map(([k]) => k);
}

export function localeFileExists(name: string, dir = LOCALES_DIR): boolean {
  return existsSync(join(dir, `${name}.yaml`));
}

/** Each design's labels in every shipped locale, so a design written in any of them is known. */
function designLabels(dir: string): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const name of availableLocales(dir)) {
    // A broken locale is reported when it is the talk's own; here it only lends what it can.
    let file: unknown;
    try {
      file = parseDocument(readFileSync(join(dir, `${name}.yaml`), 'utf8')).toJS();
    } catch {
      continue;
    }
    const designs = (file as { designs?: unknown } | null)?.designs;
    if (!designs || typeof designs !== 'object') continue;
    for (const [key, label] of Object.entries(designs)) {
      if (typeof label === 'string') labels.set(key, [...(labels.get(key) ?? []), label]);
    }
  }
  return labels;
}
