// Acknowledgements: who invited the talk, the "team", named helpers and where discussions live.
import { z } from 'zod';
import { Id, Link, Text } from './common.ts';

const Person = z
  .object({
    id: Id.describe('a short name for this person, lower-case words joined by hyphens, such as "jane-doe"'),
    name: Text.describe('their name as it is shown'),
    credential: Text.optional().describe('letters after the name, such as "LMT" or "PhD"'),
    about: Text.optional().describe('who they are, in a few words'),
    thanksFor: Text.optional().describe('what they are thanked for, such as "reading the studies with me"'),
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
        section: Text.describe('the part of the book the talk draws on'),
        titles: z.array(Text).min(1).describe('the book\'s title (and any other titles of it), one a line'),
      })
      .strict()
      .optional()
      .describe('a book by one of the helpers that the talk draws on; leave out if none'),
    groups: z
      .array(
        z
          .object({
            name: Text.describe('the name of the group'),
            platform: Text.describe('where it is, such as Facebook'),
            kind: Text.optional().describe('what the source calls it on that platform: group, page, forum'),
            url: Link.optional().describe('its web address'),
          })
          .strict(),
      )
      .default([])
      .describe('online groups where the talk\'s subject is discussed; leave out if none'),
  })
  .strict();

export type People = z.infer<typeof PeopleSchema>;
export type Person = z.infer<typeof Person>;
