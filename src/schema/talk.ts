// The talk itself: title, speaker, event and how long it runs.
import { z } from 'zod';
import { Id, Link, Text } from './common.ts';

export const TalkSchema = z
  .object({
    slug: Id.describe('file-name stem for the built files, such as "ms-massage"'),
    lang: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'expected a language code such as "en"' }),
    title: Text,
    subtitle: Text.optional(),
    description: Text.describe('one or two sentences for link previews'),
    speaker: z
      .object({
        name: Text.optional(),
        role: Text,
      })
      .strict(),
    event: z
      .object({
        kind: Text,
        chapter: Text,
        organisation: Text,
      })
      .strict(),
    lengthMinutes: z.number().int().min(1).max(240),
    shareUrl: Link,
    replay: z
      .boolean({ message: 'expected true or false' })
      .default(false)
      .describe('true once the call\'s recording is made into a replay page (npm run replay): the last slide and the text version link to it'),
    publishNotes: z
      .boolean({ message: 'expected true or false' })
      .default(true)
      .describe('false keeps every speaker note out of what is published: shown only in the speaker view'),
    labels: z
      .record(z.string(), z.record(z.string(), z.string({ message: 'expected the words of the label' })))
      .optional()
      .describe('the talk\'s own wording for any of the deck\'s words, by section and name as in locales/en.yaml'),
  })
  .strict();

export type Talk = z.infer<typeof TalkSchema>;
