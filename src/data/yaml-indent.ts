// The indentation mistakes volunteers make, found before the YAML parser sees them: an item or a field one step
// right or left of its group, and a field pushed into the text above it (which the parser happily reads as more
// of that text, so the field goes "missing" and the text no longer matches its source). The parser's own words for
// these ("Sequence item without - indicator", "missing") name the line after the mistake, or none; this names the
// line where the mistake is, in plain words, and shows it under the line it should line up with.

export interface IndentProblem {
  /** 1-based line and column of the mistake. */
  line: number;
  column: number;
  message: string;
}

interface Line {
  n: number;
  text: string;
  indent: number;
  /** Where the line's content starts after "- " marks: the column its field would line up on. */
  inner: number;
  dash: boolean;
  key?: string;
  /** The text after "key:" or "- " (without a trailing comment), when there is one. */
  value?: string;
}

const KEY = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/;

function readLine(text: string, n: number): Line | undefined {
  if (!text.trim() || /^\s*#/.test(text)) return undefined;
  const indent = /^ */.exec(text)![0].length;
  let rest = text.slice(indent);
  let inner = indent;
  let dash = false;
  while (/^-(\s+|$)/.test(rest)) {
    dash = true;
    const m = /^-\s*/.exec(rest)![0];
    inner += m.length;
    rest = rest.slice(m.length);
  }
  // An anchor or a tag alone ("- &a1", "key: !tag") names the group that follows on the next lines: not a value.
  const value = (s: string | undefined) => {
    const v = s?.replace(/\s+#.*$/, '').trim() || undefined;
    return v && /^(?:[&!]\S*\s*)+$/.test(v) ? undefined : v;
  };
  const m = KEY.exec(rest);
  if (m) return { n, text, indent, inner, dash, key: m[1], value: value(m[2]) };
  return { n, text, indent, inner, dash, value: value(rest) };
}

const opensQuote = (v: string | undefined) => {
  if (!v) return undefined;
  const q = v[0];
  if (q !== '"' && q !== "'") return undefined;
  // Closed on the same line (an escaped or doubled quote inside does not close it).
  const body = v.slice(1);
  const closed = q === '"' ? /(^|[^\\])(\\\\)*"/.test(body) : /'(?!')/.test(body.replace(/''/g, ''));
  return closed ? undefined : q;
};

interface Level {
  indent: number;
  /** A list's items ("- ") or a group's fields. */
  kind: 'items' | 'fields';
  /** The line that started the group, and the group's last line so far, to show beside the mistake. */
  first: Line;
  last: Line;
}

/** The first indentation mistake, if any: the one that causes the parser's later complaints. */
export function indentationProblem(text: string, fieldNames: ReadonlySet<string>): IndentProblem | undefined {
  const raw = text.split('\n');
  /** The groups open at this line, outermost first. */
  const levels: Level[] = [];
  let previous: Line | undefined;
  /** A field's text going on over several lines: lines deeper than `indent` belong to it. */
  let more: { indent: number; content?: number; owner: Line; plain: boolean } | undefined;
  let quote: string | undefined;
  const show = (above: Line, here: Line, column: number) =>
    `\n    line ${above.n}: ${above.text}\n    line ${here.n}: ${here.text}\n    ${' '.repeat(`line ${here.n}: `.length + column)}^`;
  const kindOf = (l: Line): Level['kind'] => (l.dash ? 'items' : 'fields');

  for (let i = 0; i < raw.length; i++) {
    const source = raw[i]!;
    if (/^ *\t/.test(source) && source.trim() && !(more && source.startsWith(' '.repeat(more.indent + 1)))) {
      return { line: i + 1, column: source.indexOf('\t') + 1, message: 'the file is not valid YAML: this line is indented with a tab: indent with spaces only' };
    }
    if (quote) {
      // Inside a quoted value that spans lines: wait for its closing mark.
      if ((quote === '"' ? /(^|[^\\])(\\\\)*"/ : /'(?!')/).test(source.replace(/''/g, ''))) quote = undefined;
      continue;
    }
    const line = readLine(source, i + 1);
    if (!line) continue;
    // A "-" with nothing after it and nothing under it: an empty list item, usually a stray mark.
    if (line.dash && line.key === undefined && line.value === undefined && !(more && line.indent > more.indent)) {
      let j = i + 1;
      while (j < raw.length && !readLine(raw[j]!, j + 1)) j++;
      const next = j < raw.length ? readLine(raw[j]!, j + 1) : undefined;
      if (!next || next.indent <= line.indent) {
        return { line: line.n, column: line.indent + 1, message: 'a "-" alone on this line starts an empty list item: remove it (a list item is "- " followed by its text or its fields)' };
      }
    }
    // "field:value" with no space: YAML reads it as one word, not a field.
    const glued = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?![\s/]|$)(.*)$/.exec(source);
    if (glued && fieldNames.has(glued[2]!) && !(more && line.indent > more.indent)) {
      return {
        line: line.n,
        column: glued[1]!.length + glued[2]!.length + 2,
        message: `a field's colon needs a space after it: write "${glued[2]}: ${short(glued[3]!.trim())}"`,
      };
    }
    if (more && line.indent > more.indent) {
      // More of a field's text. A line there that reads as a field of this file, one step in, is a field pushed
      // into the text above it.
      more.content ??= line.indent;
      // "- item" deeper than a list item of plain text reads as more of that text ("title - agenda.md").
      if (line.dash && more.plain && more.owner.dash && more.owner.key === undefined) {
        const owner = more.owner;
        return {
          line: line.n,
          column: line.indent + 1,
          message:
            `this list item ("- ") is indented more than the item above it, so it is read as part of that item's text: ` +
            `start it in column ${owner.indent + 1}, like the item above${show(owner, line, owner.indent)}`,
        };
      }
      if (line.key && !line.dash && fieldNames.has(line.key) && line.indent === more.content) {
        const owner = more.owner;
        // The text above may be a field's or a line of its own (a list item's text, or a stray word).
        const above = owner.key !== undefined ? `the field "${owner.key}"` : `line ${owner.n}`;
        const like = owner.key !== undefined ? `"${owner.key}"` : `line ${owner.n}`;
        return {
          line: line.n,
          column: line.indent + 1,
          message:
            `the field "${line.key}" is indented more than ${above} above it, so it is read as part of that ${owner.key !== undefined ? "field's" : "line's"} text ` +
            `(and "${line.key}" counts as missing): start it in column ${owner.inner + 1}, like ${like}${show(owner, line, owner.inner)}`,
        };
      }
      continue;
    }
    more = undefined;
    const opener = previous !== undefined && previous.value === undefined && (previous.key !== undefined || previous.dash);
    const parent = previous === undefined ? -1 : previous.key !== undefined ? previous.inner : previous.indent;
    // A list may start in the same column as the field that opens it ("tips:" then "- text: …").
    if (previous === undefined || (opener && (line.indent > parent || (line.dash && previous.key !== undefined && line.indent === parent)))) {
      levels.push({ indent: line.indent, kind: kindOf(line), first: line, last: line });
    } else {
      // Back to a group already open: the innermost one at this column, of this line's kind.
      let at = levels.length - 1;
      while (at >= 0 && !(levels[at]!.indent === line.indent && levels[at]!.kind === kindOf(line))) at--;
      if (at < 0 || levels.slice(at + 1).some((l) => l.indent <= line.indent)) {
        const what = line.dash ? 'list item ("- ")' : line.key ? `field "${line.key}"` : 'line';
        // The group it most likely belongs to: the nearest one of its kind around this column.
        const same = levels.filter((l) => l.kind === kindOf(line));
        const guess = same.reduce<Level | undefined>((best, l) => (!best || Math.abs(l.indent - line.indent) <= Math.abs(best.indent - line.indent) ? l : best), undefined);
        if (!guess) {
          const above = previous!;
          return {
            line: line.n,
            column: line.indent + 1,
            message: `this ${what} is indented more than the line above it, which does not open a group: start it in column ${above.indent + 1}, like the line above${show(above, line, above.indent)}`,
          };
        }
        // A list item moved over its own fields: its "- " sits where they start, so it is the line to move.
        if (!line.dash && guess.first.dash && guess.first === previous && guess.first.indent === line.indent) {
          const item = guess.first;
          return {
            line: item.n,
            column: item.indent + 1,
            message:
              `this list item's "- " starts in column ${item.indent + 1}, the same column as its fields below it (line ${line.n}): ` +
              `an item's fields line up after its "- ". Move the "- " back to column ${Math.max(1, item.indent - 1)}, or the fields below to column ${item.inner + 1}${show(item, line, item.indent)}`,
          };
        }
        const group = line.dash ? 'items of one list' : 'fields of one group';
        return {
          line: line.n,
          column: line.indent + 1,
          message: `this ${what} starts in column ${line.indent + 1}, but the ${line.dash ? 'item' : 'field'} it goes with (line ${guess.last.n}) starts in column ${guess.indent + 1}: ${group} must start in the same column${show(guess.last, line, guess.indent)}`,
        };
      }
      levels.length = at + 1;
      levels[at]!.last = line;
    }
    // A "- field: value" item: the item's other fields line up after the "- ".
    if (line.dash && line.key && line.inner > line.indent) levels.push({ indent: line.inner, kind: 'fields', first: line, last: line });
    quote = opensQuote(line.value);
    // A value on this line may go on over the lines below (a block of text after | or >, or plain text).
    if (line.value !== undefined && !quote) more = { indent: line.key !== undefined ? line.inner : line.indent, owner: line, plain: !/^[|>]/.test(line.value) };
    previous = line;
  }
  return undefined;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
