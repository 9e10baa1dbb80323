// What a message takes: its placeholders and tags, read from its parsed form (ICU MessageFormat), so a translation
// or a talk's own label can be checked against the English message it replaces.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export interface MessageShape {
  /** Names inside braces: {name}, {count, plural, ...}. */
  placeholders: Set<string>;
  /** Tag names: <b>, <cite>. */
  tags: Set<string>;
}

/** The message's shape, or the parser's complaint in plain words. */
export function messageShape(message: string): MessageShape | { error: string } {
  let ast: MessageFormatElement[];
  try {
    ast = parse(message);
  } catch (e) {
    return { error: explain(e) };
  }
  const shape: MessageShape = { placeholders: new Set(), tags: new Set() };
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.tag) {
        shape.tags.add(el.value);
        visit(el.children);
      } else if (el.type === TYPE.plural || el.type === TYPE.select) {
        shape.placeholders.add(el.value);
        for (const option of Object.values(el.options)) visit(option.value);
      } else if (el.type !== TYPE.literal && el.type !== TYPE.pound) {
        shape.placeholders.add(el.value);
      }
    }
  };
  visit(ast);
  return shape;
}

function explain(e: unknown): string {
  const kind = (e as { message?: string }).message ?? String(e);
  const words: Record<string, string> = {
    EXPECT_ARGUMENT_CLOSING_BRACE: 'a "{" is not closed by its "}"',
    EMPTY_ARGUMENT: 'empty braces "{}": put the name of what goes there inside, or take them out',
    MALFORMED_ARGUMENT: 'the name inside braces is not a plain name',
    UNCLOSED_TAG: 'a tag such as <b> is not closed by its </b>',
    UNMATCHED_CLOSING_TAG: 'a closing tag such as </b> has no opening tag',
    MISSING_OTHER_CLAUSE: 'a plural or select needs an "other {...}" choice',
    UNMATCHED_CLOSING_BRACE: 'a "}" has no "{" before it',
  };
  return words[kind] ?? `the message cannot be read (${kind})`;
}

/** The names a message chooses by (plural, selectordinal, select): they must reach it as numbers, not formatted text. */
export function pluralArguments(message: string): Set<string> {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        names.add(el.value);
        for (const option of Object.values(el.options)) visit(option.value);
      } else if (el.type === TYPE.tag) visit(el.children);
    }
  };
  try {
    visit(parse(message));
  } catch {
    // A message that does not parse is reported where the locale is read.
  }
  return names;
}
