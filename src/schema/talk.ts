// The talk itself: title, speaker, event and how long it runs.
import { z } from 'zod';
import { forbiddenCharacter, Id, Link, Text } from './common.ts';

/** A file of the talk's, by its path from the talk's folder (the folder holding data/). */
const TalkFile = (what: string, example: string) =>
  z
    .string({ message: `expected the path of ${what} from the talk's folder, such as ${example}` })
    .trim()
    .min(1, { message: `expected the path of ${what} from the talk's folder, such as ${example}, found an empty string` });

/** What npm run build (and npm run replay) makes the replay page from: the call's recording and its timeline. */
export const ReplayInputsSchema = z
  .object({
    audio: TalkFile('the call\'s recording (.m4a, .mp3 or .ogg)', 'recording/call.m4a').describe('the call\'s recording: .m4a (Zoom\'s audio file), .mp3 or .ogg'),
    chapters: TalkFile('the timeline (a .vtt file)', 'recording/talk.vtt').describe(
      'the timeline, a WebVTT chapters file: written by npm run present -- --record, or saved from the timeline editor',
    ),
    captions: TalkFile('the transcript (a .vtt file)', 'recording/transcript.vtt')
      .optional()
      .describe('the call\'s transcript as WebVTT (Zoom: the "Audio transcript" .vtt), shown as captions and as text'),
    offset: z
      .number({ message: 'expected a number of seconds, such as 12.5 or -3' })
      .optional()
      .describe('seconds the recording started before the timeline (negative: after it), as npm run replay -- --offset'),
  })
  .strict();

export type ReplayInputs = z.infer<typeof ReplayInputsSchema>;

export const TalkSchema = z
  .object({
    slug: Id.describe('file-name stem for the built files, such as "ms-massage"'),
    lang: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'expected a language code such as "en"' }).describe('the language the deck speaks: en, es or fr (a locale in locales/)'),
    title: Text.describe('the title of the talk, on the first slide and in every file made from it'),
    subtitle: Text.optional().describe('a line under the title'),
    description: Text.describe('one or two sentences for link previews'),
    speaker: z
      .object({
        name: Text.optional().describe("the speaker's name, if it is shown"),
        role: Text.describe('what the speaker does, such as "massage therapist"'),
      })
      .strict()
      .describe('who gives the talk'),
    event: z
      .object({
        kind: Text.describe('what kind of event, such as "conference call"'),
        chapter: Text.describe('the chapter or group holding it'),
        organisation: Text.describe('the organisation it belongs to'),
      })
      .strict()
      .describe('where the talk is given'),
    lengthMinutes: z.number().int().min(1).max(240).describe('how long the talk runs, in minutes: the speaker view paces each slide from it'),
    shareUrl: Link.describe('the web address where the deck will be shared after the call (the QR code on the last slide); not a placeholder such as example.org'),
    replay: z
      .union([z.boolean(), ReplayInputsSchema], {
        message: 'expected true or false, or the files of the call\'s recording as a group of fields (audio:, chapters:, and if you have them captions: and offset:)',
      })
      .default(false)
      .describe(
        'the replay page of the call\'s recording (dist/<slug>-replay.html): true once npm run replay makes it; or the files it is made from, so npm run build makes it too. Either way the last slide and the text version link to it',
      ),
    citationStyle: z
      .string({ message: 'expected the name of a citation style (ama, apa or vancouver) or the path of a .csl file' })
      .trim()
      .min(1, { message: 'expected ama, apa or vancouver, or the path of a .csl file in the talk\'s folder' })
      .regex(/^[\p{L}\p{N} ._/-]+$/u, { message: 'expected ama, apa or vancouver, or the path of a .csl file in the talk\'s folder, such as data/chapter-style.csl' })
      .optional()
      .describe(
        'how references are written: ama, apa or vancouver (the default), or the path of a CSL style file (.csl) in the talk\'s folder, such as data/chapter-style.csl',
      ),
    questions: z
      .object({
        enabled: z.boolean({ message: 'expected true or false' }).default(true).describe('false: listeners cannot send questions during the call (npm run present -- --questions on turns them on for one call)'),
        keepDays: z
          .number({ message: 'expected a number of days, such as 30' })
          .int({ message: 'expected a whole number of days, such as 30' })
          .min(1, { message: 'expected at least 1 day' })
          .max(365, { message: 'expected at most 365 days' })
          .default(30)
          .describe('how many days listeners\' questions are kept after the call before they are deleted (said on the question form)'),
      })
      .strict()
      .optional()
      .describe('questions listeners send from the live link during the call (npm run present)'),
    publishNotes: z
      .boolean({ message: 'expected true or false' })
      .default(true)
      .describe('false keeps every speaker note out of what is published: shown only in the speaker view'),
    labels: z
      .record(
        z.string(),
        z.record(
          z.string(),
          z.string({ message: 'expected the words of the label' }).superRefine((s, ctx) => {
            const control = forbiddenCharacter(s);
            if (control) ctx.addIssue({ code: 'custom', message: control, input: s });
          }),
        ),
      )
      .optional()
      .describe('the talk\'s own wording for any of the deck\'s words, by section and name as in locales/en.yaml'),
  })
  .strict();

export type Talk = z.infer<typeof TalkSchema>;
