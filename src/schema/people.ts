// Acknowledgements: who invited the talk, the "team", named helpers and where discussions live.
import { z } from 'zod';
import { Id, Link, Text } from './common.ts';

const Person = z
  .object({
    id: Id,
    name: Text,
    credential: Text.optional(),
    about: Text.optional(),
    thanksFor: Text.optional(),
  })
  .strict();

export const PeopleSchema = z
  .object({
    invitedBy: z
      .object({
        organisation: Text,
        people: z.array(Person).min(1, { message: 'expected at least one person' }),
      })
      .strict(),
    team: z
      .object({
        summary: Text,
        didWhat: z.array(Text).min(1, { message: 'expected at least one item' }),
      })
      .strict(),
    helpers: z.array(Person).min(1, { message: 'expected at least one person' }),
    book: z
      .object({
        author: Id.describe('id of a helper'),
        section: Text,
        titles: z.array(Text).min(1),
      })
      .strict()
      .optional(),
    groups: z
      .array(
        z
          .object({
            name: Text,
            platform: Text,
            kind: Text.optional().describe('what the source calls it on that platform: group, page, forum'),
            url: Link.optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type People = z.infer<typeof PeopleSchema>;
export type Person = z.infer<typeof Person>;
