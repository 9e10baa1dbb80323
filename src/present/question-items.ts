// The questions a presenter's or moderator's page is sent, read item by item: only what a question has, each field of
// its kind; a list with anything else in it is refused whole. Apart from protocol.ts so that only the chunk showing
// questions carries it (src/browser/follow/questions-ui.ts).
import type { QuestionItem } from './protocol.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseQuestionItem(value: unknown): QuestionItem | null {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.text !== 'string' || typeof value.at !== 'string') return null;
  if (value.state !== 'new' && value.state !== 'answered' && value.state !== 'hidden') return null;
  const slide = typeof value.slide === 'number' && Number.isInteger(value.slide) ? value.slide : null;
  return {
    id: value.id,
    text: value.text,
    ...(typeof value.name === 'string' ? { name: value.name } : {}),
    at: value.at,
    slide,
    state: value.state,
    ...(typeof value.mergedInto === 'string' ? { mergedInto: value.mergedInto } : {}),
    ...(value.picked === true ? { picked: true } : {}),
  };
}

/** Every item, or null when any is not a question. */
export function parseQuestionItems(items: unknown[]): QuestionItem[] | null {
  const out = items.map(parseQuestionItem);
  return out.every((i): i is QuestionItem => i !== null) ? out : null;
}
