// Loads every data file and the running order, validates them, and checks that ids line up.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { COLLECTIONS, type CollectionName } from '../schema/index.ts';
import { checkShown } from './check-shown.ts';
import { outsideTalk } from './inside-talk.ts';
import { noSourcesWarning, placeholderWarnings } from './check-placeholders.ts';
import { GENERATED, OrderSchema, type Order } from '../schema/order.ts';
import type { z } from 'zod';
import { DataError, formatPath, type Problem } from './data-error.ts';
import { readText, readYaml } from './load-yaml.ts';
import { loadMarkdownSlides, type MarkdownSlide } from './load-markdown-slide.ts';
import { checkReferences, orderEntries, type Readable, type Source } from './check-references.ts';
import { nearest } from './describe-value.ts';
import { checkSources, type Provenance } from './check-sources.ts';
import { loadSources } from './load-sources.ts';
import { loadWords } from './load-locale.ts';
import { checkDesigns } from './check-designs.ts';
import type { Words } from '../locale/words.ts';
import { shownPath } from '../names/shown-path.ts';
import { citationStyle, StyleError } from '../references/citation-style.ts';
import { formatReferences, type FormattedReferences } from '../references/format-references.ts';

type Model = { [K in CollectionName]: z.infer<(typeof COLLECTIONS)[K]['schema']> };

/** Everything the deck is made from, validated. */
export interface TalkModel extends Model {
  order: Order;
  markdown: Map<string, MarkdownSlide>;
  /** The words the deck writes itself, in the talk's language. */
  words: Words;
  /** Things worth saying that do not stop the build (a language with no locale yet). */
  warnings: Problem[];
  /** Where a field of a data file is written, for problems found later (a list too long for its slide, say). */
  where: (source: Source, path: readonly PropertyKey[]) => Pick<Problem, 'file' | 'line' | 'column' | 'field'>;
  /** Files read, so a dev server can watch them. */
  files: string[];
  /** Each quote and figure beside the passage of its source it was checked against (sources/). */
  provenance: Provenance[];
  /** Each study's reference, formatted in the talk's citation style and language. */
  references: FormattedReferences;
}

export interface TalkPaths {
  /** The folder that holds data/ and slides/. */
  root: string;
  /** How file names appear in messages (relative to here). */
  cwd?: string;
}

export function loadTalk({ root, cwd = process.cwd() }: TalkPaths): TalkModel {
  const problems: Problem[] = [];
  const files: string[] = [];
  const shown = (p: string) => shownPath(p, cwd);
  const collect = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (e) {
      if (e instanceof DataError) problems.push(...e.problems);
      else throw e;
      return undefined;
    }
  };

  if (!existsSync(join(root, 'data')) || !statSync(join(root, 'data')).isDirectory()) {
    const where = relative(cwd, root) || 'this folder';
    throw new DataError([
      {
        file: shown(join(root, 'data')),
        line: 1,
        column: 1,
        field: '',
        message: `no talk here: ${where} has no data folder. A talk is a folder holding data/ and slides/, such as examples/library-hours`,
      },
    ]);
  }

  // Each file is read as far as it goes: a file with a problem still lends its readable parts to the checks
  // across files below, so every problem is found in one run.
  const read: Partial<Record<Source, Readable>> = {};
  const model: Partial<Model> & { order?: Order } = {};
  const readFile = <S extends z.ZodType>(source: Source, path: string, schema: S, optional = false): z.infer<S> | undefined => {
    // A file the talk may leave out reads as an empty one: its sections are simply absent.
    if (optional && !existsSync(path)) {
      const parsed = schema.safeParse({});
      if (parsed.success) {
        read[source] = { data: parsed.data, locate: () => ({ line: 1, column: 1 }) };
        return parsed.data;
      }
    }
    files.push(path);
    const away = outsideTalk(path, root);
    if (away) {
      problems.push({ file: shown(path), line: 1, column: 1, field: '', message: away });
      return undefined;
    }
    const text = collect(() => readText(path, shown(path)));
    if (text === undefined) return undefined;
    const result = readYaml(text, shown(path), schema);
    problems.push(...result.problems);
    if (result.raw !== undefined) read[source] = { data: result.value ?? result.raw, locate: result.locate };
    return result.value;
  };
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const { file, schema, optional } = COLLECTIONS[name];
    const value = readFile(name, join(root, 'data', file), schema, optional);
    if (value !== undefined) (model as Record<string, unknown>)[name] = value;
  }
  const orderPath = join(root, 'slides', 'order.yaml');
  model.order = readFile('order', orderPath, OrderSchema);

  const markdown = new Map<string, MarkdownSlide>();
  const order = read.order;
  if (order) {
    const slidesDir = join(root, 'slides');
    const tried = new Set<string>();
    const mdFiles = existsSync(slidesDir) ? readdirSync(slidesDir).filter((f) => f.endsWith('.md')).sort() : [];
    for (const { entry, index: i } of orderEntries(order.data)) {
      const problem = (message: string) =>
        problems.push({ file: shown(orderPath), ...order.locate(['slides', i]), field: `slides[${i}]`, message });
      if ((GENERATED as readonly string[]).includes(entry)) continue;
      if (!entry.endsWith('.md')) {
        const guess = mdFiles.includes(`${entry}.md`) ? `${entry}.md` : nearest(entry, [...GENERATED, ...mdFiles]);
        problem(
          `"${entry}" is not a slide${guess ? `: did you mean "${guess}"?` : ''} Expected a file of the slides folder ending in .md` +
            `${mdFiles.length ? ` (${mdFiles.join(', ')})` : ''}, or one of the slides made from the data: ${GENERATED.join(', ')}`,
        );
        continue;
      }
      const path = join(slidesDir, entry);
      if (!existsSync(path)) {
        const guess = nearest(entry, mdFiles);
        problem(`no slide file "${entry}" in ${shown(slidesDir)}${guess ? `: did you mean "${guess}"?` : ''}`);
        continue;
      }
      // A slide listed twice is read once (the order's check says it is listed twice).
      if (tried.has(entry)) continue;
      tried.add(entry);
      files.push(path);
      const away = outsideTalk(path, root);
      if (away) {
        problem(away);
        continue;
      }
      const slide = collect(() => loadMarkdownSlides(readText(path, shown(path)), shown(path)));
      if (slide) markdown.set(entry, slide);
    }
  }

  // The deck's own words: read even when the talk file has problems, so a broken label is reported in the same run.
  const talkRead = read.talk;
  const talkData = (talkRead?.data ?? {}) as { lang?: unknown; labels?: unknown };
  const talkPath = shown(join(root, 'data', COLLECTIONS.talk.file));
  const labels =
    talkRead && talkData.labels && typeof talkData.labels === 'object'
      ? { value: talkData.labels as Record<string, Record<string, string>>, locate: talkRead.locate, file: talkPath }
      : undefined;
  const lang = typeof talkData.lang === 'string' ? talkData.lang : 'en';
  const loaded = collect(() => loadWords(lang, labels, { file: talkPath, locate: talkRead?.locate ?? (() => ({ line: 1, column: 1 })) }, shown));
  if (loaded) {
    problems.push(...loaded.problems);
    files.push(...loaded.files);
    problems.push(...checkDesigns(read.studies, loaded.words, shown(join(root, 'data', COLLECTIONS.studies.file))));
  }

  // Ids are checked across files with whatever could be read, so these problems come in the same report.
  problems.push(...checkReferences(read, markdown, (n) => shown(join(root, n === 'order' ? 'slides/order.yaml' : `data/${COLLECTIONS[n].file}`))));
  // Quotes and figures held to the texts in sources/, with the same kind of messages (check-sources.ts).
  const sources = loadSources(root, shown);
  files.push(...sources.files);
  const pathOf = (n: Source) => join(root, n === 'order' ? 'slides/order.yaml' : `data/${COLLECTIONS[n].file}`);
  // The files were read once already (and any problem reported then); here only their text is wanted.
  const quiet = (path: string) => {
    try {
      return readText(path, shown(path));
    } catch {
      return undefined;
    }
  };
  const checked = checkSources({
    read,
    rawOf: (n) => quiet(pathOf(n)),
    fileOf: (n) => shown(pathOf(n)),
    markdown,
    markdownText: (entry) => quiet(join(root, 'slides', entry)),
    sources,
    hedges: loaded ? hedgeWords(loaded.words) : [],
  });
  // One problem to a field: a field already reported (a wrong type, a word too long) is not also held to its source.
  const reported = new Set(problems.map((p) => `${p.file} ${p.field}`));
  problems.push(...checked.problems.filter((p) => !p.field || !reported.has(`${p.file} ${p.field}`)));
  // The references in the talk's citation style: a style that cannot be read is a problem at talk.yaml's field, said
  // even when other fields of the file have problems (the style is read from the file as written).
  let references: FormattedReferences | undefined;
  const styleName = (talkRead?.data as { citationStyle?: unknown } | undefined)?.citationStyle;
  if (typeof styleName === 'string' && !reported.has(`${talkPath} citationStyle`)) {
    if (styleName.toLowerCase().endsWith('.csl')) files.push(join(root, styleName));
    try {
      const style = citationStyle(styleName, root, shown);
      if (model.talk && model.studies) references = formatReferences(model.studies.studies, style, model.talk.lang);
    } catch (e) {
      const message = e instanceof StyleError ? e.message : `citeproc could not use the citation style: ${(e as Error).message}`;
      problems.push({ file: talkPath, ...(talkRead?.locate(['citationStyle']) ?? { line: 1, column: 1 }), field: 'citationStyle', message });
    }
  } else if (styleName === undefined && model.talk && model.studies) {
    references = formatReferences(model.studies.studies, citationStyle(undefined, root, shown), model.talk.lang);
  }
  if (problems.length > 0) throw new DataError(inReadingOrder(problems, files.map(shown)));
  const where = (source: Source, path: readonly PropertyKey[]) => ({
    file: shown(pathOf(source)),
    ...(read[source]?.locate(path) ?? { line: 1, column: 1 }),
    field: formatPath(path),
  });
  const full = model as Model & { order: Order };
  // A slide in the running order with nothing to show is a problem; data no slide shows, a warning.
  const shownCheck = checkShown(full, where, (source) => existsSync(pathOf(source)));
  if (shownCheck.problems.length) throw new DataError(inReadingOrder(shownCheck.problems, files.map(shown)));
  // Placeholders left from the template or in a web address, and a talk with nothing to check its quotes against.
  const own = files.filter((f) => ['data', 'slides', 'sources'].some((d) => resolve(f).startsWith(`${resolve(root, d)}${sep}`)));
  const texts = own.flatMap((f) => {
    const text = quiet(f);
    return text === undefined ? [] : [{ file: shown(f), text }];
  });
  const warnings = [
    ...loaded!.warnings,
    ...shownCheck.warnings,
    ...placeholderWarnings(texts, loaded!.words.text('scaffold.marker')),
    ...(sources.present ? [] : [noSourcesWarning(talkPath)]),
    ...checked.warnings,
  ];
  return { ...full, markdown, words: loaded!.words, warnings, where, files, provenance: checked.provenance, references: references! };
}

/** Problems file by file, in the order the files were read, and in line order within each file. */
function inReadingOrder(problems: readonly Problem[], files: readonly string[]): Problem[] {
  const rank = (file: string) => {
    const i = files.indexOf(file);
    return i < 0 ? files.length : i;
  };
  const first = new Map<string, number>();
  problems.forEach((p, i) => first.has(p.file) || first.set(p.file, i));
  return [...problems].sort(
    (a, b) => rank(a.file) - rank(b.file) || first.get(a.file)! - first.get(b.file)! || a.line - b.line || a.column - b.column,
  );
}

/** The language's hedge words ("may", "seems"), from its locale: a comma-separated list. */
function hedgeWords(words: Words): string[] {
  return words
    .text('claims.hedges')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
}
