// Practitioners' words, verbatim, and the specialty clinic one of them described.
import { z } from 'zod';
import { Id, Link, Text } from './common.ts';

const Quote = z
  .object({
    id: Id,
    person: Text,
    credential: Text,
    text: Text.describe('the words exactly as said; blank lines separate paragraphs'),
    notes: Text.describe('what the speaker says about this quote'),
  })
  .strict();

export const QuotesSchema = z
  .object({
    intro: Text,
    heading: Text.default('In their words').describe('the heading above every quote'),
    quotes: z.array(Quote).min(1, { message: 'expected at least one quote' }),
    clinic: z
      .object({
        id: Id,
        name: Text,
        school: Text,
        description: Text,
        source: Text,
        sharedBy: Id.describe('id of the quote whose author told us about the clinic'),
        url: Link.optional(),
        notes: Text,
      })
      .strict()
      .optional()
      .describe('a place one of the quoted people told us about; leave out if there is none'),
  })
  .strict();

export type Quote = z.infer<typeof Quote>;
export type Quotes = z.infer<typeof QuotesSchema>;
