// The JSON Schemas an editor uses to complete and check a talk's YAML files (VS Code with the YAML extension reads
// the "# yaml-language-server: $schema=…" line that `npm run new` writes at the top of each file). They are made
// from the project's own zod schemas, never written by hand, and kept in schemas/ (`npm run schemas` writes them;
// a test fails when they drift). Draft-07, which every YAML language server reads.
import { z } from 'zod';
import { COLLECTIONS } from './index.ts';
import { OrderSchema } from './order.ts';

/** Each file a talk has, by the name of its schema file: schemas/<name>.schema.json. */
export const SCHEMA_FILES = {
  talk: { file: 'data/talk.yaml', schema: COLLECTIONS.talk.schema, title: 'The talk: title, speaker, event, length, link' },
  people: { file: 'data/people.yaml', schema: COLLECTIONS.people.schema, title: 'Who is thanked: hosts, team, helpers, book, groups' },
  studies: { file: 'data/studies.yaml', schema: COLLECTIONS.studies.schema, title: 'The studies, their results and references' },
  quotes: { file: 'data/quotes.yaml', schema: COLLECTIONS.quotes.schema, title: 'Quotes, word for word, and a clinic' },
  takeaways: { file: 'data/takeaways.yaml', schema: COLLECTIONS.takeaways.schema, title: 'Tips and takeaways, each with what it rests on' },
  resources: { file: 'data/resources.yaml', schema: COLLECTIONS.resources.schema, title: 'Where to read more' },
  order: { file: 'slides/order.yaml', schema: OrderSchema, title: 'The running order of the slides' },
} as const;

export type SchemaName = keyof typeof SCHEMA_FILES;

/** The JSON Schema of one file, as text (two-space indented, ending in a newline). */
export function jsonSchemaText(name: SchemaName): string {
  const { schema, title } = SCHEMA_FILES[name];
  // io 'input': what a person writes (a field with a default may be left out). Refinements (a figure's form, a
  // word too long for a slide) are not expressible and stay with npm run check.
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify({ ...json, title }, null, 2)}\n`;
}

/** Paths (such as "team.summary") of object fields without a description, so a test can hold every field to one. */
export function undescribed(node: unknown, path = ''): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const out: string[] = [];
  const props = n.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [key, value] of Object.entries(props ?? {})) {
    const here = path ? `${path}.${key}` : key;
    if (typeof value.description !== 'string') out.push(here);
    out.push(...undescribed(value, here));
  }
  for (const key of ['items', 'additionalProperties'] as const) if (n[key] && typeof n[key] === 'object') out.push(...undescribed(n[key], `${path}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const alt of (n[key] as unknown[] | undefined) ?? []) out.push(...undescribed(alt, path));
  return out;
}
