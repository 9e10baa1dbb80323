// Edits a talk's YAML file the way a careful person would by hand: the value of one field replaced, a missing field
// added under its neighbours, an entry added at the end of a list; every other byte (comments, order, blank lines,
// quoting, line wrapping) left as it was. The yaml package finds where each node is; the text is spliced there, never
// re-printed whole (its printer would re-wrap long strings and re-quote others). After each edit the file is parsed
// again and checked to hold the new value and nothing else changed.
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';

export type YamlPath = readonly (string | number)[];
export type YamlValue = string | number | boolean;

export class YamlEditError extends Error {}

export class YamlEdit {
  #text: string;

  constructor(text: string) {
    this.#text = text;
    this.#parse();
  }

  get text(): string {
    return this.#text;
  }

  /** The value at a path, as the file holds it now (undefined when absent). */
  get(path: YamlPath): unknown {
    const node = this.#parse().getIn(path, true) as Node | undefined;
    return node === undefined ? undefined : isScalar(node) ? node.value : (node as { toJSON(): unknown }).toJSON();
  }

  /** True when the list or group at the path is written on one line ([a, b] or { a: 1 }). */
  isFlow(path: YamlPath): boolean {
    const node = this.#parse().getIn(path, true) as Node | undefined;
    return (isSeq(node) || isMap(node)) && Boolean(node.flow);
  }

  /**
   * Sets a field: a value replaced where it is (a list or group written on one line is written again on one line),
   * or a missing field added (with any group above it that is missing) under its neighbours.
   */
  set(path: YamlPath, value: YamlValue | Record<string, unknown> | unknown[]): void {
    const doc = this.#parse();
    const node = doc.getIn(path, true) as Node | undefined;
    if (node !== undefined) {
      if ((isSeq(node) || isMap(node)) && node.flow && node.range && typeof value === 'object') {
        this.#splice(node.range[0], node.range[1], stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim());
        this.#verify(path, value);
        return;
      }
      if (!isScalar(node) || !node.range) throw new YamlEditError(`${shownPath(path)} holds a list or a group of fields, not one value`);
      const lineStart = lineStartOf(this.#text, node.range[0]);
      const indent = /^ */.exec(this.#text.slice(lineStart))![0].length;
      if (typeof value === 'object') {
        // One value become a group or a list (a claim's plain text given its passages): written under its key.
        const pad = ' '.repeat(indent + 2);
        const body = stringify(value, { lineWidth: 0 }).trimEnd().split('\n').map((l) => (l ? pad + l : l)).join('\n');
        const block = (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && this.#text[node.range[1] - 1] === '\n';
        this.#splice(node.range[0], block ? node.range[1] - 1 : node.range[1], `\n${body}`);
        // The space after the colon is left at the end of the key's line: taken away.
        this.#text = this.#text.replace(/:[ \t]+\n/g, (m, at: number) => (at < node.range![0] && at > lineStart - 1 ? ':\n' : m));
        this.#verify(path, value);
        return;
      }
      // A block scalar (| or >) ends after its last line's break, other values before the end of their line.
      const block = (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && this.#text[node.range[1] - 1] === '\n';
      this.#splice(node.range[0], block ? node.range[1] - 1 : node.range[1], scalarText(value, node, indent));
    } else {
      // The nearest map on the path that exists; the rest of the path is written under it.
      let depth = path.length - 1;
      let parent: Node | undefined;
      while (depth >= 0) {
        parent = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as Node | undefined;
        if (parent !== undefined) break;
        depth--;
      }
      if (!isMap(parent)) throw new YamlEditError(`${shownPath(path.slice(0, Math.max(depth, 0)))} is not a group of fields`);
      const rest = path.slice(depth);
      if (rest.some((k) => typeof k !== 'string')) throw new YamlEditError(`${shownPath(path)}: a list entry cannot be added this way`);
      const nested = (rest as string[]).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
      this.#addToMap(parent, nested as Record<string, unknown>);
    }
    this.#verify(path, value);
  }

  /** Removes a field, or an entry of a list, with its lines (comment lines above it stay: they may speak of more). */
  delete(path: YamlPath): void {
    const doc = this.#parse();
    const parentPath = path.slice(0, -1);
    const parent = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as Node | undefined;
    const key = path[path.length - 1];
    let start: number;
    let node: Node | undefined;
    if (isMap(parent) && !parent.flow) {
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) return;
      if (parent.items.length === 1) throw new YamlEditError(`${shownPath(path)} is the last field of its group: remove the group instead`);
      start = lineStartOf(this.#text, (pair.key as Node).range![0]);
      node = (pair.value ?? pair.key) as Node;
    } else if (isSeq(parent) && !parent.flow && typeof key === 'number') {
      node = parent.items[key] as Node | undefined;
      if (!node?.range) return;
      start = lineStartOf(this.#text, node.range[0]);
    } else throw new YamlEditError(`${shownPath(path)} cannot be removed line by line`);
    const end = this.#endOfNode(node);
    this.#splice(start, end, '');
    if (this.get(path.slice(0, -1)) === undefined) throw new YamlEditError(`${shownPath(path)} could not be removed cleanly`);
  }

  /** Adds entries (a study, say) at the end of the list at `path`, in the list's own indentation. */
  append(path: YamlPath, item: unknown): void {
    const doc = this.#parse();
    const seq = doc.getIn(path, true) as Node | undefined;
    if (isSeq(seq) && seq.flow) {
      this.set(path, [...(seq.toJSON() as unknown[]), item]);
      return;
    }
    if (!isSeq(seq) || !seq.items.length || !seq.range) throw new YamlEditError(`${shownPath(path)} is not a list with entries to add after`);
    const first = seq.items[0] as Node;
    const lineStart = this.#text.lastIndexOf('\n', first.range![0] - 1) + 1;
    const dash = this.#text.indexOf('-', lineStart);
    const indent = ' '.repeat(dash - lineStart);
    // Entries apart by a blank line stay so.
    const second = seq.items[1] as Node | undefined;
    const spaced = second?.range ? /\n[ \t]*\n$/.test(this.#text.slice(0, lineStartOf(this.#text, second.range[0]))) : false;
    const body = stringify([item], { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((l) => (l ? indent + l : l))
      .join('\n');
    const at = this.#endOfNode(seq.items[seq.items.length - 1] as Node);
    this.#splice(at, at, `${spaced ? '\n' : ''}${body}\n`);
  }

  #addToMap(map: YAMLMap, entries: Record<string, unknown>): void {
    if (map.flow || !map.items.length) throw new YamlEditError('a field can only be added to a group that already has fields, one a line');
    const firstKey = map.items[0]!.key as Node;
    const lineStart = lineStartOf(this.#text, firstKey.range![0]);
    const indent = ' '.repeat(firstKey.range![0] - lineStart);
    const body = stringify(entries, { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((l) => (l ? indent + l : l))
      .join('\n');
    const last = map.items[map.items.length - 1]!;
    const at = this.#endOfNode((last.value ?? last.key) as Node);
    this.#splice(at, at, `${body}\n`);
  }

  /** Where the line after a node's value starts: new lines go there, before any comment or blank line that follows. */
  #endOfNode(node: Node): number {
    const end = node.range![1];
    if (end > 0 && this.#text[end - 1] === '\n') return end;
    const nl = this.#text.indexOf('\n', end);
    if (nl < 0) {
      this.#text += '\n';
      return this.#text.length;
    }
    return nl + 1;
  }

  #splice(start: number, end: number, insert: string): void {
    this.#text = this.#text.slice(0, start) + insert + this.#text.slice(end);
  }

  #parse(): Document {
    const doc = parseDocument(this.#text, { uniqueKeys: true });
    if (doc.errors.length) throw new YamlEditError(`the file is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
    return doc;
  }

  #verify(path: YamlPath, value: unknown): void {
    const got = this.get(path);
    if (JSON.stringify(got) !== JSON.stringify(value)) throw new YamlEditError(`${shownPath(path)} could not be set (it reads ${JSON.stringify(got)})`);
  }
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/**
 * A value as YAML writes it on one line; a string keeps the quotes its field had. Text of several lines becomes a
 * literal block indented under its key (`indent` is the key's column).
 */
function scalarText(value: YamlValue, was: Scalar, indent = 0): string {
  if (typeof value === 'string' && value.includes('\n')) {
    const pad = ' '.repeat(indent + 2);
    const chomp = value.endsWith('\n') ? '' : '-';
    return `|${chomp}\n${value.replace(/\n$/, '').split('\n').map((l) => (l ? pad + l : '')).join('\n')}`;
  }
  if (typeof value === 'string' && (was.type === 'QUOTE_DOUBLE' || was.type === 'QUOTE_SINGLE')) {
    return stringify(value, { lineWidth: 0, defaultStringType: was.type, defaultKeyType: 'PLAIN' }).trimEnd();
  }
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function shownPath(path: YamlPath): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('') || 'the file';
}
