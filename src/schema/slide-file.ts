// The front matter of a hand-written Markdown slide.
import { z } from 'zod';
import { Id } from './common.ts';

export const SlideFrontMatterSchema = z
  .object({
    id: Id,
    weight: z.number().positive().max(10).default(1).describe('share of the talk time, relative to other slides'),
    className: z.string().regex(/^[a-z-]+( [a-z-]+)*$/).optional(),
  })
  .strict();

export type SlideFrontMatter = z.infer<typeof SlideFrontMatterSchema>;
