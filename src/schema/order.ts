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

export type GeneratedName = (typeof GENERATED)[number];

/**
 * A hand-written slide in the slides folder ("why-this-talk.md") or a generated group ("studies").
 * Which names exist is checked when the talk is loaded, where the folder's files are known.
 */
export const OrderEntrySchema = z
  .string()
  .trim()
  .min(1, { message: 'expected the name of a slide, found an empty line' })
  .refine((s) => !/[\\/]/.test(s), { message: 'expected a file name in the slides folder, without a folder in front of it' })
  .transform((s) => s as GeneratedName | `${string}.md`);

export const OrderSchema = z
  .object({
    title: Text.optional().describe('a name for this running order, for your own use'),
    slides: z
      .array(OrderEntrySchema.describe(`a slide file of slides/ (such as why-this-talk.md), or slides made from the data: ${GENERATED.join(', ')}`))
      .min(1, { message: 'expected at least one slide' })
      .describe('the slides in the order they are shown'),
  })
  .strict();

export type Order = z.infer<typeof OrderSchema>;
export type OrderEntry = z.infer<typeof OrderEntrySchema>;
