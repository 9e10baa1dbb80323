// A form made from a data file's JSON Schema (the one schemas/ holds, made from the project's own schemas): a group of
// fields for an object, a list with "Add" and "Remove" for an array, a choice for a closed list of words, a box for
// "yes", a text field for the rest. Each field has its label, the schema's description under it, and a place for its
// problem, tied to it for screen readers. Every text goes in as text (textContent, .value), never as HTML.

export type Path = (string | number)[];
export type Json = unknown;
type Schema = Record<string, unknown> & {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  enum?: string[];
  anyOf?: Schema[];
  description?: string;
  const?: unknown;
  default?: unknown;
};

export interface FormContext {
  /** A word of the editor's, in the talk's language. */
  say(key: string, values?: Record<string, string | number>): string;
  /** The value changed at a path (undefined: the field was emptied). */
  changed(path: Path, value: Json): void;
  /** An entry added to, or removed from, a list: the form is drawn again, with the focus at `focus` (a path). */
  restructured(focus?: Path): void;
  /** A field took the focus: the preview shows its slide. */
  focused(path: Path): void;
  /** A field's name in the talk's language ("shortTitle" → "Short title"). */
  fieldName(key: string): string;
}

let uid = 0;
const nextId = () => `f${++uid}`;

export const pathKey = (path: Path): string => path.join('.');

/** "shortTitle" → "Short title", "pmid" → "Pmid"; the description says the rest. */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An element with its attributes and its text (as text, never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A string-or-object choice (a claim: plain text, or text with its passages): the object's form. */
function objectAlternative(schema: Schema): Schema | undefined {
  return schema.anyOf?.find((s) => s.type === 'object');
}

export function renderField(schema: Schema, value: Json, path: Path, ctx: FormContext, label: string, required: boolean): HTMLElement {
  const object = schema.type === 'object' ? schema : objectAlternative(schema);
  if (object?.properties) {
    const asObject = typeof value === 'string' ? { text: value } : ((value ?? {}) as Record<string, Json>);
    return renderObject(object, asObject, path, ctx, label, schema.description);
  }
  if (schema.type === 'array' && schema.items) return renderArray(schema, (value ?? []) as Json[], path, ctx, label);
  return renderScalar(schema, value, path, ctx, label, required);
}

function describe(wrapper: HTMLElement, input: HTMLElement, description: string | undefined, path: Path): void {
  const ids: string[] = [];
  if (description) {
    const hint = el('p', { class: 'hint', id: nextId() }, description);
    wrapper.append(hint);
    ids.push(hint.id);
  }
  const error = el('p', { class: 'field-error', id: nextId(), 'data-error-for': pathKey(path) });
  error.hidden = true;
  wrapper.append(error);
  ids.push(error.id);
  input.setAttribute('aria-describedby', ids.join(' '));
}

function renderScalar(schema: Schema, value: Json, path: Path, ctx: FormContext, label: string, required: boolean): HTMLElement {
  const wrapper = el('div', { class: 'field' });
  const id = nextId();
  const name = pathKey(path);
  let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (schema.enum) {
    const select = el('select', { id });
    if (!required) select.append(el('option', { value: '' }, ctx.say('noValue')));
    for (const option of schema.enum) select.append(el('option', { value: option }, option));
    select.value = value === undefined ? (required ? String(schema.default ?? schema.enum[0]) : '') : String(value);
    select.addEventListener('change', () => ctx.changed(path, select.value === '' ? undefined : select.value));
    input = select;
  } else if (schema.type === 'boolean') {
    const box = el('input', { id, type: 'checkbox' });
    box.checked = value === true;
    box.addEventListener('change', () => ctx.changed(path, box.checked ? true : schema.const === true ? undefined : false));
    input = box;
    wrapper.classList.add('check');
  } else {
    const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
    const long = schema.type !== 'number' && schema.type !== 'integer' && (text.length > 70 || text.includes('\n') || /notes|text|passage|detail|conclusion|description|about|intro/i.test(String(path[path.length - 1])));
    const field = long ? el('textarea', { id, rows: String(Math.min(12, Math.max(2, Math.ceil(text.length / 70) + text.split('\n').length - 1))) }) : el('input', { id, type: 'text' });
    if (schema.type === 'number' || schema.type === 'integer') field.setAttribute('inputmode', 'decimal');
    field.value = text;
    field.addEventListener('input', () => ctx.changed(path, fromText(field.value, schema)));
    input = field;
  }
  input.setAttribute('data-path', name);
  if (required) input.setAttribute('aria-required', 'true');
  input.addEventListener('focus', () => ctx.focused(path));
  const labelEl = el('label', { for: id }, label);
  if (schema.type === 'boolean') wrapper.append(input, labelEl);
  else wrapper.append(labelEl, input);
  describe(wrapper, input, schema.description, path);
  return wrapper;
}

/**
 * What a typed text stands for: a number field takes a number when the text is one, and keeps the text otherwise, so
 * the check says at the field that a number is expected; an emptied field is left out.
 */
export function fromText(text: string, schema: Schema): Json {
  if (text.trim() === '') return undefined;
  if (schema.type === 'number' || schema.type === 'integer') {
    const t = text.trim().replace(/\u2212/g, '-');
    return /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(t) ? Number(t) : text;
  }
  return text;
}

function renderObject(schema: Schema, value: Record<string, Json>, path: Path, ctx: FormContext, label: string, description?: string): HTMLElement {
  const set = el('fieldset', { class: path.length ? 'group' : 'group top' });
  set.append(el('legend', {}, label));
  if (description ?? schema.description) set.append(el('p', { class: 'hint' }, (description ?? schema.description)!));
  const error = el('p', { class: 'field-error', 'data-error-for': pathKey(path) });
  error.hidden = true;
  set.append(error);
  const required = new Set(schema.required ?? []);
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    set.append(renderField(child, value[key], [...path, key], ctx, ctx.fieldName(key), required.has(key)));
  }
  return set;
}

function renderArray(schema: Schema, items: Json[], path: Path, ctx: FormContext, label: string): HTMLElement {
  const set = el('fieldset', { class: 'list' });
  set.append(el('legend', {}, label));
  if (schema.description) set.append(el('p', { class: 'hint' }, schema.description));
  const error = el('p', { class: 'field-error', 'data-error-for': pathKey(path) });
  error.hidden = true;
  set.append(error);
  const list = el('ol', { class: 'entries' });
  items.forEach((item, i) => {
    const entry = el('li', { class: 'entry' });
    const itemLabel = ctx.say('entry', { what: label, n: i + 1 });
    entry.append(renderField(schema.items!, item, [...path, i], ctx, itemLabel, true));
    const remove = el('button', { type: 'button', class: 'remove' }, ctx.say('remove', { what: itemLabel }));
    remove.addEventListener('click', () => {
      ctx.changed(path, items.filter((_, j) => j !== i));
      ctx.restructured(path);
    });
    entry.append(remove);
    list.append(entry);
  });
  set.append(list);
  const add = el('button', { type: 'button', class: 'add', 'data-add-for': pathKey(path) }, ctx.say('add', { what: label }));
  add.addEventListener('click', () => {
    const blank = schema.items!.type === 'object' || objectAlternative(schema.items!) ? {} : '';
    ctx.changed(path, [...items, blank]);
    ctx.restructured([...path, items.length]);
  });
  set.append(add);
  return set;
}

/** Shows each problem at its field (field paths as npm run check writes them: studies[2].results[0].p). */
export function showProblems(root: HTMLElement, problems: { field: string; message: string }[]): HTMLElement[] {
  for (const slot of root.querySelectorAll<HTMLElement>('[data-error-for]')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const input of root.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const shown: HTMLElement[] = [];
  for (const p of problems) {
    let key = p.field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
    let slot: HTMLElement | null = null;
    // The field itself, else the nearest group above it that the form shows.
    while (!slot) {
      slot = root.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(key)}"]`);
      if (slot || !key) break;
      key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
    }
    if (!slot) continue;
    slot.hidden = false;
    slot.textContent = slot.textContent ? `${slot.textContent} ${p.message}` : p.message;
    root.querySelector(`[data-path="${CSS.escape(key)}"]`)?.setAttribute('aria-invalid', 'true');
    shown.push(slot);
  }
  return shown;
}
