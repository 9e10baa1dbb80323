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
        organisation: Text.describe('the group that invited the talk, such as a chapter of a society'),
        people: z.array(Person).min(1, { message: 'expected at least one person' }).describe('the people who invited the talk'),
      })
      .strict()
      .optional()
      .describe('who invited the talk: thanked on the thanks slide; leave out if nobody did'),
    team: z
      .object({
        name: Text.optional().describe('what the talk calls them, shown in bold: "“team”" with quotes, "family", "colleagues"; the deck\'s own word ("team") when left out'),
        summary: Text.describe('who they are, in one sentence'),
        didWhat: z.array(Text).min(1, { message: 'expected at least one item' }).describe('what they did, one line each (said in the notes)'),
      })
      .strict()
      .optional()
      .describe('a group the speaker thanks together; leave out if there is none'),
    helpers: z.array(Person).default([]).describe('people thanked by name on the "special thanks" slide; leave out if none'),
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
