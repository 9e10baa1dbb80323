// A data file's new value (from the editor) written into its text as the fewest line edits: each changed value set
// where it is, each new field or list entry added, each removed one taken out. Everything not changed keeps its
// bytes (comments, order, quoting, wrapping).
import { YamlEdit, YamlEditError, type YamlPath, type YamlValue } from './edit-yaml.ts';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalarValue = (v: unknown): v is YamlValue => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** `text` (whose data is `before`) changed to hold `after`. Throws YamlEditError on a change it cannot make by lines. */
export function applyChanges(text: string, before: unknown, after: unknown): string {
  const edit = new YamlEdit(text);
  change(edit, [], before, after);
  return edit.text;
}

function change(edit: YamlEdit, path: YamlPath, before: unknown, after: unknown): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) if (!(key in after) || after[key] === undefined) edit.delete([...path, key]);
    for (const [key, value] of Object.entries(after)) {
      if (value === undefined) continue;
      if (!(key in before) || before[key] === undefined) add(edit, [...path, key], value);
      else change(edit, [...path, key], before[key], value);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && (edit.isFlow(path) || after.length === 0)) {
    edit.set(path, after);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length > 0) {
    // Entry by entry; entries removed from the end first, so the indices of the others hold.
    for (let i = before.length - 1; i >= after.length; i--) edit.delete([...path, i]);
    for (let i = 0; i < Math.min(before.length, after.length); i++) change(edit, [...path, i], before[i], after[i]);
    for (let i = before.length; i < after.length; i++) {
      edit.append(path, after[i]);
    }
    return;
  }
  if ((isObject(after) || Array.isArray(after)) && isScalarValue(before)) {
    edit.set(path, after);
    return;
  }
  if (isScalarValue(after) && (isScalarValue(before) || before === null || before === undefined)) {
    edit.set(path, after);
    return;
  }
  throw new YamlEditError(`${path.join('.')} changed from one kind of value to another; edit it in the file itself`);
}

function add(edit: YamlEdit, path: YamlPath, value: unknown): void {
  if (isScalarValue(value) || isObject(value) || Array.isArray(value)) edit.set(path, value);
  else throw new YamlEditError(`${path.join('.')}: a value of this kind cannot be written`);
}
