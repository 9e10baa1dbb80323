// HTML read through a parser (htmlparser2), never with regular expressions. The pages are changed by splicing the
// original text at the places the parser found, so everything not changed stays byte for byte as it was written
// (quotes, entities, void tags): the pages' CSP hashes and tests depend on exact output.
import { Parser } from 'htmlparser2';
import { DomHandler, Element, isComment, isTag, isText, type AnyNode, type ChildNode, type Comment, type Document, type Text } from 'domhandler';
import { filter, findAll, textContent } from 'domutils';
import { escapeHtml } from './escape.ts';

export type { AnyNode, ChildNode, Comment, Document, Element, Text };
export { isTag };

const OPEN_END = new WeakMap<Element, number>();
const CLOSE_START = new WeakMap<Element, number>();
const ATTRIBUTES = new WeakMap<Element, Record<string, [number, number]>>();

/** A handler that also keeps where each element's start tag ends and where its end tag begins. */
class SpanHandler extends DomHandler {
  private source: Parser | null = null;
  override onparserinit(parser: Parser): void {
    super.onparserinit(parser);
    this.source = parser;
  }
  private attributes: Record<string, [number, number]> = {};
  onattribute(name: string): void {
    // The first of two attributes with one name is the one that counts, as in the parser's own attribs.
    if (!Object.hasOwn(this.attributes, name)) this.attributes[name] = [this.source!.startIndex, this.source!.endIndex];
  }
  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    const el = this.tagStack[this.tagStack.length - 1] as Element;
    OPEN_END.set(el, this.source!.endIndex + 1);
    ATTRIBUTES.set(el, this.attributes);
    this.attributes = {};
  }
  override onclosetag(_name?: string, implied?: boolean): void {
    const el = this.tagStack[this.tagStack.length - 1] as Element;
    const start = this.source!.startIndex;
    super.onclosetag();
    if (implied) {
      // No end tag (a void element, or one closed by what follows it): the element ends with its last child.
      const last = el.children[el.children.length - 1];
      el.endIndex = last?.endIndex ?? OPEN_END.get(el)! - 1;
      CLOSE_START.set(el, el.endIndex + 1);
    } else CLOSE_START.set(el, start);
  }
}

/** Parses HTML (a fragment or a whole page) into a tree whose nodes know where they are in `source`. */
export function parseHtml(source: string): Document {
  const handler = new SpanHandler(undefined, { withStartIndices: true, withEndIndices: true });
  new Parser(handler, { decodeEntities: true }).end(source);
  return handler.root;
}

/** Every element in document order (at any depth) named `name` (any of them if an array), or passing a test. */
export function elements(root: AnyNode | AnyNode[], test: string | readonly string[] | ((el: Element) => boolean)): Element[] {
  const names = typeof test === 'string' ? [test] : test;
  const pass = typeof names === 'function' ? names : (el: Element) => names.includes(el.name);
  return findAll(pass, Array.isArray(root) ? root : 'children' in root ? (root as Document).children : [root]);
}

/** Every text node in document order (the content of script and style elements included). */
export function texts(root: AnyNode | AnyNode[]): Text[] {
  return filter(isText, Array.isArray(root) ? root : [root], true) as Text[];
}

/** Every comment in document order, such as a page template's <!-- deck:slides --> place. */
export function comments(root: AnyNode | AnyNode[]): Comment[] {
  return filter(isComment, Array.isArray(root) ? root : [root], true) as Comment[];
}

/** Whether an element sits inside an element named `name`. */
export function inside(el: AnyNode, name: string): boolean {
  for (let p = el.parent; p; p = p.parent) if (isTag(p) && p.name === name) return true;
  return false;
}

/** The text a node shows, entities decoded, white space collapsed and trimmed. */
export function textOf(node: AnyNode | AnyNode[]): string {
  return textContent(node).replace(/\s+/g, ' ').trim();
}

/**
 * Parses XML (the parts of a .pptx) the same way: names kept as written (a:p, p:cSld), self-closed elements closed,
 * and every node knowing where it is, so changes are spliced into the text as for HTML.
 */
export function parseXml(source: string): Document {
  const handler = new SpanHandler(undefined, { withStartIndices: true, withEndIndices: true, xmlMode: true });
  new Parser(handler, { xmlMode: true, decodeEntities: true }).end(source);
  return handler.root;
}

/** Where the node is in the source: [start, end). */
export function outer(node: AnyNode): [number, number] {
  return [node.startIndex!, node.endIndex! + 1];
}

/** Where the element's start tag is: [start, end), `<` to `>` included. */
export function openTag(el: Element): [number, number] {
  return [el.startIndex!, OPEN_END.get(el)!];
}

/** Where the element's end tag is: [start, end); empty at the element's end when it has none (void, implied). */
export function closeTag(el: Element): [number, number] {
  return [CLOSE_START.get(el) ?? el.endIndex! + 1, el.endIndex! + 1];
}

/** Where an attribute is written in the element's start tag, name, value and quotes: [start, end). */
export function attribute(el: Element, name: string): [number, number] | undefined {
  return ATTRIBUTES.get(el)?.[name];
}

/**
 * An edit that sets an attribute: in place where it is written, or else added after the attribute `after` (if the
 * element has it) or after the element's name.
 */
export function setAttribute(el: Element, name: string, value: string, after?: string): Edit {
  const text = `${name}="${escapeHtml(value)}"`;
  const at = attribute(el, name);
  if (at) return { start: at[0], end: at[1], text };
  const end = (after && attribute(el, after)?.[1]) || tagName(el)![1];
  return { start: end, end, text: ` ${text}` };
}

/** An edit that removes an attribute, with the space before it; none when the element does not have it. */
export function removeAttribute(el: Element, name: string, source: string): Edit[] {
  const at = attribute(el, name);
  if (!at) return [];
  let start = at[0];
  while (start > 0 && /\s/.test(source[start - 1]!)) start--;
  return [{ start, end: at[1], text: '' }];
}

/** Where the element's content is, between its start and end tags: [start, end). */
export function inner(el: Element): [number, number] {
  return [openTag(el)[1], closeTag(el)[0]];
}

/** A piece of `source` to replace: [start, end) becomes `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `source` with the edits made; they may not overlap (two at the same place are kept in the order given). */
export function splice(source: string, edits: readonly Edit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping HTML edits at ${e.start}`);
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

/** Where the element's name is written in its start tag, or in its end tag (undefined when it has none). */
export function tagName(el: Element, which: 'open' | 'close' = 'open'): [number, number] | undefined {
  const [start, end] = which === 'open' ? openTag(el) : closeTag(el);
  if (start === end) return undefined;
  const from = start + (which === 'open' ? 1 : 2);
  return [from, from + el.name.length];
}

/** `source` with every element named `from` renamed `to`, in its start and end tags. */
export function renamed(source: string, from: string, to: string): string {
  const edits = elements(parseHtml(source), from).flatMap((el) =>
    [tagName(el, 'open'), tagName(el, 'close')].flatMap((r) => (r ? [{ start: r[0], end: r[1], text: to }] : [])),
  );
  return splice(source, edits);
}

/** `source` with `html` inserted after the first element named `name` (at the start when there is none). */
export function afterFirst(source: string, name: string, insert: string): string {
  const first = elements(parseHtml(source), name)[0];
  const at = first ? outer(first)[1] : 0;
  return splice(source, [{ start: at, end: at, text: insert }]);
}

/**
 * The text of a piece of HTML read as a stream, without building its tree: for untrusted markup (a caption's cue
 * text) whose nesting could be too deep to walk (200,000 nested tags), it costs one pass and no recursion.
 */
export function streamedText(source: string): string {
  let out = '';
  new Parser({ ontext: (t) => void (out += t) }, { decodeEntities: true }).end(source);
  return out.replace(/\s+/g, ' ').trim();
}
