// Says in plain words what is wrong when a file cannot be read as YAML, and where the mistake starts.
import { isCollection, isScalar, visit, type Document, type YAMLError } from 'yaml';

export interface YamlSyntaxProblem {
  /** Offset in the text where the mistake is best shown. */
  offset: number;
  message: string;
}

const PREFIX = 'the file is not valid YAML: ';

/** One problem per line (a mistake often causes a few more on the same line), in plain words. */
export function explainYamlErrors(errors: readonly YAMLError[], doc: Document, text: string): YamlSyntaxProblem[] {
  // The first explanation of a line wins: the others are usually the same mistake seen again.
  const byLine = new Map<number, YamlSyntaxProblem>();
  // A tab in the indentation upsets the lines after it too: the tabs alone are the mistake to fix.
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  for (const e of tabs.length > 0 ? tabs : errors) {
    const { offset, message } = explainOne(e, doc, text);
    const line = lineNumber(text, offset);
    if (!byLine.has(line)) byLine.set(line, { offset, message: PREFIX + message });
  }
  return [...byLine.values()].sort((a, b) => a.offset - b.offset);
}

/** A YAML reference (`*name`) to nothing: usually Markdown emphasis at the start of a value. */
export function explainAliasError(error: Error, text: string): YamlSyntaxProblem {
  if (/excessive alias count/i.test(error.message)) {
    return { offset: Math.max(0, text.indexOf('*')), message: `${PREFIX}the file repeats YAML references (*name) too many times to be read safely: write the values out instead` };
  }
  const name = /alias[^:]*:\s*(.*)$/.exec(error.message)?.[1]?.trim() ?? '';
  const offset = name ? text.indexOf(`*${name}`) : -1;
  const at = Math.max(0, offset);
  const value = valueOnLine(text, at);
  return {
    offset: at,
    message:
      PREFIX +
      `a value starting with "*" is read as a YAML reference (an alias)${value ? `: put the whole value in quotes, such as ${quoteExample(value.text)}` : ''}`,
  };
}

function explainOne(e: YAMLError, doc: Document, text: string): YamlSyntaxProblem {
  const at = e.pos[0];
  const line = lineText(text, at);
  const value = valueOnLine(text, at);
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:-\s+)?([^:#]+?)\s*:/.exec(line)?.[1];
      return { offset: at, message: `the field ${key ? `"${key}" ` : ''}is written twice in the same group: keep only one` };
    }
    case 'TAB_AS_INDENT':
      return { offset: at, message: 'this line is indented with a tab: indent with spaces only' };
    case 'MULTIPLE_DOCS':
      return { offset: at, message: 'a line "---" splits the file in two: remove it (a data file holds one set of fields)' };
    case 'BAD_DQ_ESCAPE':
      return { offset: at, message: 'a backslash (\\) inside double quotes starts a special sequence: write \\\\ for a backslash, or use single quotes' };
    case 'BAD_SCALAR_START': {
      const c = text[at] ?? '';
      return { offset: at, message: `a value cannot start with "${c}"${value ? `: put the whole value in quotes, such as ${quoteExample(value.text)}` : ': put it in quotes'}` };
    }
    case 'MISSING_CHAR':
      if (/quote/i.test(e.message)) {
        const open = openingOf(doc, at, (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE'));
        const mark = open !== undefined ? text[open] : '"';
        return { offset: open ?? at, message: `a quotation mark (${mark}) opens a value here but is never closed: add the closing ${mark} at the end of the value` };
      }
      if (/map values/.test(e.message)) {
        return { offset: lineStart(text, at), message: 'this line has no "field: value" form: a field needs a colon after its name, and text that goes on over several lines must be indented under its field' };
      }
      break;
    case 'BAD_INDENT': {
      const flow = /Flow (sequence|map)/.exec(e.message);
      if (flow) {
        const [o, c] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
        const open = openingOf(doc, at, (n) => isCollection(n) && n.flow === true);
        return { offset: open ?? at, message: `a list that opens with "${o}" is not closed with "${c}" on the same line` };
      }
      return { offset: at, message: 'the fields here do not start in the same column: line each one up with the field above it' };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN': {
      if (value && /:\s/.test(value.text) && !/^["']/.test(value.text)) {
        return { offset: value.offset, message: `this value holds a colon and a space (": "), which starts a new field: put the whole value in quotes, such as ${quoteExample(value.text)}` };
      }
      // A quote that opens a value and is closed only lines later, by another value's quote.
      if (value && /^["']/.test(value.text) && value.text.lastIndexOf(value.text[0]!) === 0) {
        const mark = value.text[0]!;
        return { offset: value.offset, message: `a quotation mark (${mark}) opens a value here but is never closed: add the closing ${mark} at the end of the value` };
      }
      if (value && /^[*&!|>%@`[{"']/.test(value.text)) {
        return {
          offset: value.offset,
          message: `this value starts with "${value.text[0]}", which YAML reads as a special mark, and then goes on: put the whole value in quotes, such as ${quoteExample(value.text)}`,
        };
      }
      const indent = indentMismatch(text, at);
      if (indent) return indent;
      if (/^\s*(?:-\s+)?[^\s:#-][^:#]*$/.test(line) && line.trim()) {
        return { offset: lineStart(text, at), message: 'this line has no "field: value" form: a field needs a colon after its name, and text that goes on over several lines must be indented under its field' };
      }
      return { offset: at, message: 'this line does not fit with the lines around it: check its indentation, and that it reads "field: value" or "- item"' };
    }
    default:
      break;
  }
  return { offset: at, message: firstLine(e.message) };
}

/** Start of the quoted value or bracketed list that runs on to `offset` without being closed. */
function openingOf(doc: Document, offset: number, kind: (node: unknown) => boolean): number | undefined {
  let best: number | undefined;
  visit(doc, (_key, node) => {
    // A flow map's empty key ("{{") is visited as null: it has no place.
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range && kind(node) && range[0] <= offset && range[1] >= offset - 1) best = Math.max(best ?? -1, range[0]);
  });
  return best;
}

/** A field indented differently from the field just above it (when that one is not its parent). */
function indentMismatch(text: string, offset: number): YamlSyntaxProblem | undefined {
  const lines = text.split('\n');
  const index = text.slice(0, Math.min(offset, text.length)).split('\n').length - 1;
  const content = (i: number) => lines[i] !== undefined && lines[i]!.trim() !== '' && !lines[i]!.trim().startsWith('#');
  const isField = (l: string) => /^\s*(?:-\s+)?[^\s:#"'-][^:]*:(\s|$)/.test(l);
  const hasValue = (l: string) => !/:\s*(#.*)?$/.test(l) && !/^\s*-\s*$/.test(l);
  const column = (l: string) => /^ */.exec(l)![0].length + (/^ *- /.test(l) ? 2 : 0);
  const check = (i: number): YamlSyntaxProblem | undefined => {
    if (!content(i)) return undefined;
    let j = i - 1;
    while (j >= 0 && !content(j)) j--;
    if (j < 0 || !hasValue(lines[j]!)) return undefined;
    const here = /^ */.exec(lines[i]!)![0].length;
    const start = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
    if (/^ *- /.test(lines[i]!)) {
      // A list item: it must line up with the item before it.
      let k = j;
      while (k >= 0 && !(content(k) && /^ *- /.test(lines[k]!))) k--;
      const item = k >= 0 ? /^ */.exec(lines[k]!)![0].length : here;
      if (item === here) return undefined;
      return {
        offset: start + here,
        message: `this list item ("- ") starts in column ${here + 1}, but the item before it in column ${item + 1}: items of one list must start in the same column`,
      };
    }
    if (!isField(lines[i]!)) return undefined;
    const there = column(lines[j]!);
    if (here === there) return undefined;
    return {
      offset: start + here,
      message: `this field starts in column ${here + 1}, but the field above it in column ${there + 1}: fields of one group must start in the same column`,
    };
  };
  let next = index + 1;
  while (next < lines.length && !content(next)) next++;
  return check(index) ?? check(next);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

function lineText(text: string, offset: number): string {
  const start = lineStart(text, Math.min(offset, text.length));
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The value written after "field: " or "- " on the line holding `offset`. */
function valueOnLine(text: string, offset: number): { text: string; offset: number } | undefined {
  const start = lineStart(text, Math.min(offset, text.length));
  const line = lineText(text, offset);
  const m = /^(\s*(?:-\s+)?(?:[^\s:#"'][^:#]*?:\s+)?)(\S.*?)\s*(?:\s#.*)?$/.exec(line);
  if (!m || !m[2]) return undefined;
  return { text: m[2], offset: start + m[1]!.length };
}

/** The value in quotes, as it would need to be written. */
export function quoteExample(full: string): string {
  const value = full.length > 50 ? `${full.slice(0, 47)}...` : full;
  return value.includes('"') && !value.includes("'") ? `'${value}'` : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function lineNumber(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
