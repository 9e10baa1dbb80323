// The running order of the talk: hand-written Markdown files and generated slide groups.
import { z } from 'zod';
import { Text } from './common.ts';

/** Generated slide groups the order file may name. */
export const GENERATED = [
  'title',
  'acknowledgements',
  'overview',
  'studies',
  'quotes',
  'clinic',
  'tips',
  'takeaways',
  'resources',
  'references',
  'questions',
] as const;

const Entry = z.string().refine(
  (s) => /^[a-z0-9-]+\.md$/.test(s) || (GENERATED as readonly string[]).includes(s),
  { message: `expected a Markdown file name such as "why-this-talk.md", or one of: ${GENERATED.join(', ')}` },
);

export const OrderSchema = z
  .object({
    title: Text.optional(),
    slides: z.array(Entry).min(1, { message: 'expected at least one slide' }),
  })
  .strict();

export type Order = z.infer<typeof OrderSchema>;
export type OrderEntry = z.infer<typeof Entry>;
