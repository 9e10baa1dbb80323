// The front matter of a hand-written Markdown slide.
import { z } from 'zod';
import { Id, Passages } from './common.ts';

export const SlideFrontMatterSchema = z
  .object({
    id: Id,
    weight: z.number().positive().max(10).default(1).describe('share of the talk time, relative to other slides'),
    className: z.string().regex(/^[a-z-]+( [a-z-]+)*$/).optional(),
    reports: z
      .literal('research', { message: 'expected "reports: research" (the slide states findings), or leave "reports" out' })
      .optional()
      .describe('"research" when the slide states findings: then it names its passages, or says it is your own view'),
    passages: Passages.optional(),
    own: z.literal(true, { message: 'expected "own: true" (the slide is your own view), or leave "own" out' }).optional().describe('true when the slide is your own view or guide: the slide says so'),
  })
  .strict();

export type SlideFrontMatter = z.infer<typeof SlideFrontMatterSchema>;
