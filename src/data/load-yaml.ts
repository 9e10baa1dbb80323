// Parses one YAML file and validates it against its schema, mapping every problem to a line.
import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { DataError, formatPath, type Problem } from './data-error.ts';
import { describeValue, nearest } from './describe-value.ts';
import { explainAliasError, explainYamlErrors, quoteExample } from './yaml-errors.ts';
import { indentationProblem } from './yaml-indent.ts';
import { z as zod } from 'zod';

const FIELD_NAMES = new WeakMap<object, Set<string>>();

/** Every field name the schema knows, at any depth: a line reading "name:" with one of them is a field. */
function fieldNamesOf(schema: z.ZodType): Set<string> {
  let names = FIELD_NAMES.get(schema);
  if (!names) {
    names = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      for (const [k, v] of Object.entries(props ?? {})) {
        names!.add(k);
        walk(v);
      }
      for (const v of Object.values(node as Record<string, unknown>)) if (v && typeof v === 'object') walk(v);
    };
    walk(zod.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
    FIELD_NAMES.set(schema, names);
  }
  return names;
}

export interface Located<T> {
  value: T;
  /** Where a field path starts in the file, for problems found after validation. */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
}

/** Reads a file as text, taking off a byte-order mark and Windows line endings. */
export function readText(path: string, shownAs: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'file not found: the talk needs this file (see examples/library-hours for a small complete talk)'
        : code === 'EISDIR'
          ? 'this is a folder, not a file'
          : `file not found or not readable (${code ?? 'unknown error'})`;
    throw new DataError([{ file: shownAs, line: 1, column: 1, field: '', message }]);
  }
  return decode(bytes, shownAs).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** UTF-8 (the usual), or UTF-16 with its byte-order mark (Windows Notepad's "Unicode"); anything else is reported. */
function decode(bytes: Buffer, shownAs: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first byte sequence that is not UTF-8, to say where it is.
    const loose = new TextDecoder('utf-8').decode(bytes);
    const bad = loose.indexOf('\uFFFD');
    const before = loose.slice(0, Math.max(0, bad));
    const line = before.split(/\r\n?|\n/).length;
    const column = before.length - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) ;
    throw new DataError([
      {
        file: shownAs,
        line,
        column,
        field: '',
        message: 'the file is not saved as UTF-8 text, so letters such as é, “ or — would be lost: save it again choosing the UTF-8 encoding',
      },
    ]);
  }
}

/** A file read as far as it goes: its problems, and whatever could be read despite them. */
export interface ReadYaml<T> {
  /** The data as written, when the file is valid YAML, even if some of it does not fit the schema. */
  raw?: unknown;
  /** The validated data: only when there is no problem. */
  value?: T;
  locate: Located<unknown>['locate'];
  problems: Problem[];
}

export function parseYaml<S extends z.ZodType>(text: string, shownAs: string, schema: S): Located<z.infer<S>> {
  const read = readYaml(text, shownAs, schema);
  if (read.problems.length > 0) throw new DataError(read.problems);
  return { value: read.value as z.infer<S>, locate: read.locate };
}

/** Like parseYaml, but returns the problems along with the data as written, so checks across files can still
 * use the parts of a file that are fine. */
export function readYaml<S extends z.ZodType>(text: string, shownAs: string, schema: S): ReadYaml<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const locate = (path: readonly PropertyKey[]) => at(nodeFor(doc, path)?.range?.[0] ?? 0);

  // An item or field one step off, found where it is (the parser blames the line after it, or reads a field pushed
  // into the text above as more text): said alone, since the parser's complaints all follow from it. Unless the
  // parser found a mistake before it (an unclosed quote makes every line after it look misplaced).
  const indent = indentationProblem(text, fieldNamesOf(schema));
  const parserSays = doc.errors.length > 0 ? explainYamlErrors(doc.errors, doc, text).map(({ offset, message }) => ({ file: shownAs, ...at(offset), field: '', message })) : [];
  if (indent && (parserSays.length === 0 || parserSays[0]!.line >= indent.line)) {
    return { locate, problems: [{ file: shownAs, line: indent.line, column: indent.column, field: '', message: indent.message }] };
  }
  if (parserSays.length > 0) return { locate, problems: parserSays };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const { offset, message } = explainAliasError(e as Error, text);
    return { locate, problems: [{ file: shownAs, ...at(offset), field: '', message }] };
  }
  if (raw === null || raw === undefined) {
    return { locate, problems: [{ file: shownAs, line: 1, column: 1, field: '', message: 'the file is empty: it needs its fields (see the comments at the top of the file in the original talk, or examples/library-hours)' }] };
  }

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const at0 = (node: Node | undefined) => (node?.range ? at(node.range[0]) : undefined);
    const issues = withinUnions(parsed.error.issues);
    // A misspelt field shows twice to zod (unknown, and the real one missing): say it once, at the typo.
    const misspelt = new Set<string>();
    // A field indented into the group above it ("lengthMinutes" under "event:"): unknown there, missing where it
    // belongs. Said once, at the field, as an indentation to fix.
    const strayed = new Map<string, { key: string; from: PropertyKey[]; to: PropertyKey[] }>();
    for (const issue of issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      for (const key of issue.keys) {
        for (let up = issue.path.length - 1; up >= 0; up--) {
          const to = issue.path.slice(0, up);
          if (typeof issue.path[up] === 'number') continue;
          if (knownKeys(schema, to).includes(key) && valueAt(raw, [...to, key]) === undefined) {
            strayed.set(formatPath([...to, key]), { key, from: issue.path as PropertyKey[], to: to as PropertyKey[] });
            break;
          }
        }
      }
    }
    for (const issue of issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      for (const key of issue.keys) {
        const guess = nearest(key, knownKeys(schema, issue.path));
        if (guess && valueAt(raw, [...issue.path, guess]) === undefined) misspelt.add(formatPath([...issue.path, guess]));
      }
    }
    const isStrayed = (path: readonly PropertyKey[]) => strayed.has(formatPath(path)) && valueAt(raw, path) === undefined;
    const problems = issues
      .filter((issue) => !(issue.code === 'invalid_type' && (misspelt.has(formatPath(issue.path)) || isStrayed(issue.path)) && valueAt(raw, issue.path) === undefined))
      .map((issue) =>
        issue.code === 'unrecognized_keys' ? { ...issue, keys: issue.keys.filter((k) => ![...strayed.values()].some((s) => s.key === k && formatPath(s.from) === formatPath(issue.path))) } : issue,
      )
      .filter((issue) => issue.code !== 'unrecognized_keys' || issue.keys.length > 0)
      .flatMap((issue) => explain(schema, issue, raw, shownAs, doc, locate, at0));
    for (const { key, from, to } of strayed.values()) {
      const node = keyNode(doc, from, key);
      const pos = at0(node) ?? locate(from);
      const group = from[from.length - 1];
      const column = to.length ? locate([...to, ...(knownKeys(schema, to).filter((k) => valueAt(raw, [...to, k]) !== undefined).slice(0, 1))]).column : 1;
      problems.push({
        file: shownAs,
        ...pos,
        field: formatPath([...to, key]),
        message: `"${key}" is indented into "${String(group)}" above it, but it is not one of its fields: start it in column ${column}, like "${String(group)}" itself, so it is a field of ${to.length ? `"${formatPath(to)}"` : 'the file'} again`,
      });
    }
    return { raw, locate, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  return { raw, value: parsed.data, locate, problems: [] };
}

/**
 * A field that may take more than one form (replay: true, or a group of fields) fits none of them: when the value
 * is written in one of its forms (a group of fields for the group), the problems are that form's, at their own
 * fields; a value of no form at all stays one problem at the field, in the words its schema gives the union.
 */
function withinUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const written = issue.errors.filter((form) => !form.every((i) => i.code === 'invalid_type' && i.path.length === 0));
    if (written.length !== 1) return [issue];
    return withinUnions(written[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue));
  });
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
        message: guess
          ? `unknown field "${key}": did you mean "${guess}"?`
          : `unknown field "${key}"${known.length ? `. Known fields here: ${known.join(', ')}` : ''}`,
      };
    });
  }
  const found = valueAt(raw, path);
  return [{ file, ...locate(path), field: formatPath(path), message: describeIssue(issue, found) }];
}

/** zod's own wording ("Too small: expected number to be >=1") turned into plain words, with what was found. */
function describeIssue(issue: z.core.$ZodIssue, found: unknown): string {
  const missing = found === undefined;
  const isDefault = /^(Too small|Too big|Invalid option|Invalid input)/.test(issue.message);
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    if (missing) return `missing: ${fieldKind(issue.expected)} is required here`;
    if (isDefault) message = `expected ${fieldKind(issue.expected)}`;
    if (issue.expected === 'array' && (typeof found === 'string' || typeof found === 'number')) {
      return `${message}, found ${describeValue(found)}: write a list as [first, second] or as lines that start with "- "`;
    }
    if (issue.expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')) {
      return `${message}, found ${typeof found === 'number' ? 'the number' : 'the word'} ${String(found)}: to use it as text, put it in quotes, such as ${quoteExample(String(found))}`;
    }
  } else if (issue.code === 'invalid_value' && isDefault) {
    const options = issue.values.map(String);
    const guess = typeof found === 'string' ? nearest(found, options) : undefined;
    return `expected one of: ${options.join(', ')}; found ${describeValue(found)}${guess ? `: did you mean "${guess}"?` : ''}`;
  } else if ((issue.code === 'too_small' || issue.code === 'too_big') && isDefault) {
    message = `expected ${bound(issue)}`;
  }
  if (!missing && !/found /.test(message)) {
    const long = (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'string' && typeof found === 'string';
    message += long ? `, found ${found.length} characters` : `, found ${describeValue(found)}`;
  }
  return message;
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const n = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'number':
    case 'int':
      if (issue.inclusive === false) return `a number ${small ? 'above' : 'below'} ${n}`;
      return `a number of ${small ? 'at least' : 'at most'} ${n}`;
    case 'string':
      return `${small ? 'at least' : 'at most'} ${n} character${n === 1 ? '' : 's'}`;
    case 'array':
      return `${small ? 'at least' : 'at most'} ${n} item${n === 1 ? '' : 's'} in the list`;
    default:
      return `a value ${small ? 'of at least' : 'of at most'} ${n}`;
  }
}

function fieldKind(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a piece of text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
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
    for (;;) {
      if (def.innerType || (def.type === 'pipe' && def.in)) def = (def.innerType ?? def.in)!._zod.def;
      else if (def.type === 'union' && def.options?.some((o) => o._zod.def.type === 'object')) def = def.options.find((o) => o._zod.def.type === 'object')!._zod.def;
      else return;
    }
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
  options?: { _zod: { def: SchemaDef } }[];
}
