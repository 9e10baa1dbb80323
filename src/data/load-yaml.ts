// Parses one YAML file and validates it against its schema, mapping every problem to a line.
import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { DataError, formatPath, type Problem } from './data-error.ts';
import { describeValue, nearest } from './describe-value.ts';

export interface Located<T> {
  value: T;
  /** Where a field path starts in the file, for problems found after validation. */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
}

/** Reads a file as text, taking off a byte-order mark and Windows line endings. */
export function readText(path: string, shownAs: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new DataError([{ file: shownAs, line: 1, column: 1, field: '', message: 'file not found or not readable' }]);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function parseYaml<S extends z.ZodType>(text: string, shownAs: string, schema: S): Located<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };

  if (doc.errors.length > 0) {
    throw new DataError(
      doc.errors.map((e) => ({
        file: shownAs,
        ...at(e.pos[0]),
        field: '',
        message: `the file is not valid YAML: ${firstLine(e.message)}`,
      })),
    );
  }
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) {
    throw new DataError([{ file: shownAs, line: 1, column: 1, field: '', message: 'the file is empty' }]);
  }

  const locate = (path: readonly PropertyKey[]) => at(nodeFor(doc, path)?.range?.[0] ?? 0);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const at0 = (node: Node | undefined) => (node?.range ? at(node.range[0]) : undefined);
    throw new DataError(parsed.error.issues.flatMap((issue) => explain(schema, issue, raw, shownAs, doc, locate, at0)));
  }
  return { value: parsed.data, locate };
}

/** The deepest node that exists along the path, so a missing field points at its parent. */
function nodeFor(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  let node: Node | undefined = doc.contents ?? undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) return node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

/** The key node of a field, used to point at an unknown key itself. */
function keyNode(doc: Document, path: readonly PropertyKey[], key: string): Node | undefined {
  const parent = nodeFor(doc, path);
  if (!isMap(parent)) return undefined;
  return parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === key)?.key as Node | undefined;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function explain(
  schema: z.ZodType,
  issue: z.core.$ZodIssue,
  raw: unknown,
  file: string,
  doc: Document,
  locate: Located<unknown>['locate'],
  positionOf: (node: Node | undefined) => { line: number; column: number } | undefined,
): Problem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    return issue.keys.map((key) => {
      const guess = nearest(key, known);
      const node = keyNode(doc, path, key);
      const pos = positionOf(node) ?? locate(path);
      return {
        file,
        ...pos,
        field: formatPath([...path, key]),
        message: `unknown field "${key}"${guess ? `: did you mean "${guess}"?` : ''}${known.length ? ` Known fields: ${known.join(', ')}` : ''}`,
      };
    });
  }
  const found = valueAt(raw, path);
  const missing = found === undefined;
  let message = issue.message;
  if (issue.code === 'invalid_type' && missing) message = `missing: ${fieldKind(issue.expected)} is required here`;
  else if (/^Invalid input: expected/.test(message)) message = `expected ${fieldKind(issue.code === 'invalid_type' ? issue.expected : '')}`;
  if (!missing && !/found /.test(message)) message += `, found ${describeValue(found)}`;
  return [{ file, ...locate(path), field: formatPath(path), message }];
}

function fieldKind(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a piece of text';
    case 'number':
      return 'a number';
    case 'array':
      return 'a list';
    case 'object':
      return 'a group of fields';
    case 'boolean':
      return 'yes or no (true or false)';
    default:
      return expected ? `a value of type ${expected}` : 'a different value';
  }
}

/** The field names the schema allows at a path, read from its definition, for "did you mean" hints. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  const unwrap = () => {
    while (def.innerType || (def.type === 'pipe' && def.in)) def = (def.innerType ?? def.in)!._zod.def;
  };
  for (const key of path) {
    unwrap();
    if (def.type === 'object' && def.shape && typeof key === 'string' && def.shape[key]) def = def.shape[key]._zod.def;
    else if (def.type === 'array' && def.element && typeof key === 'number') def = def.element._zod.def;
    else return [];
  }
  unwrap();
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  element?: { _zod: { def: SchemaDef } };
  innerType?: { _zod: { def: SchemaDef } };
  in?: { _zod: { def: SchemaDef } };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
