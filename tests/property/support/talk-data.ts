// What the property tests generate talks from, and how they read the result: the real talk's data as a person
// wrote it, any of its strings replaced, then taken through the schemas as loadTalk does, so only talks the
// schemas would accept from YAML are built.
import { citationStyle } from '../../../src/references/citation-style.ts';
import { formatReferences } from '../../../src/references/format-references.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadTalk, type TalkModel } from '../../../src/data/load-data.ts';
import { COLLECTIONS, type CollectionName } from '../../../src/schema/index.ts';
import { ROOT } from '../../support/project.ts';

export const base = loadTalk({ root: ROOT });
export const NAMES = Object.keys(COLLECTIONS) as CollectionName[];
/** Each data file as YAML gives it, before its schema: what a person wrote. */
export const RAW = Object.fromEntries(NAMES.map((n) => [n, parse(readFileSync(join(ROOT, 'data', COLLECTIONS[n].file), 'utf8'))])) as Record<CollectionName, unknown>;
/** The page the deck plugin fills. */
export const INDEX = readFileSync(join(ROOT, 'index.html'), 'utf8');

export type Path = readonly (string | number)[];

function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

export function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

/**
 * Text fields: the string fields whose schema takes `probe`, a sentence with markup in it. Each test keeps its own
 * probe: some fields have a length limit, so a longer probe finds fewer of them.
 */
export function textFields(probe: string): Array<{ file: CollectionName; path: Path }> {
  return NAMES.flatMap((file) =>
    stringPaths(RAW[file])
      .filter((path) => {
        const copy = structuredClone(RAW[file]);
        setAt(copy, path, probe);
        return COLLECTIONS[file].schema.safeParse(copy).success;
      })
      .map((path) => ({ file, path })),
  );
}

/**
 * The real talk with every data file taken from `raw` through its schema; undefined when a schema refuses one.
 * Its Markdown slides are a copy, for a test to change.
 */
export function throughSchemas(raw: Record<CollectionName, unknown>): TalkModel | undefined {
  const model = { ...base, markdown: new Map(base.markdown) } as TalkModel;
  for (const name of NAMES) {
    const parsed = COLLECTIONS[name].schema.safeParse(raw[name]);
    if (!parsed.success) return undefined;
    (model as unknown as Record<string, unknown>)[name] = parsed.data;
  }
  // The references formatted from these studies, as loadTalk does.
  model.references = formatReferences(model.studies.studies, citationStyle(model.talk.citationStyle, ROOT), model.talk.lang);
  return model;
}

/** htmlparser2 reading a page as a browser does, so text that became markup is seen as markup. */
export const AS_A_BROWSER = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: false, recognizeSelfClosing: true };
