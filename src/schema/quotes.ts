// Practitioners' words, verbatim, and the specialty clinic one of them described.
import { z } from 'zod';
import { Id, Link, Text } from './common.ts';
import { LINE_WIDTH, textWidth, widestUnbreakable } from '../layout/split-text.ts';

/** Quoted words, shown large on the slide: no run of letters may be wider than a line (it could not wrap). */
const Quoted = Text.superRefine((s, ctx) => {
  const run = widestUnbreakable(s);
  if (run && textWidth(run) > LINE_WIDTH) {
    const shown = run.length > 40 ? `${run.slice(0, 37)}...` : run;
    ctx.addIssue({
      code: 'custom',
      input: s,
      message: `expected words that fit on one line of the slide, found "${shown}" (${run.length} characters with no space): add spaces, or move it (a web address, say) to the notes`,
    });
  }
});

/** Short text under or above a quote: it must stay on one or two lines so the quote keeps its room. */
const Short = (max: number, where: string) => Text.max(max, { message: `expected at most ${max} characters, so that ${where}` });

const Quote = z
  .object({
    id: Id.describe('a short name for the quote, such as "jane-on-pressure": tips and takeaways name it in basis'),
    from: Id.optional().describe('the id of the source text it comes from: the file sources/<id>.txt of the talk'),
    person: Short(40, 'the name fits under the quote').describe('who said it'),
    credential: Short(40, 'it fits under the quote, after the name').describe('their credential or role, such as "LMT"'),
    text: Quoted.describe('the words exactly as said; blank lines separate paragraphs'),
    notes: Text.describe('what the speaker says about this quote'),
    privateNotes: Text.optional().describe('notes for the speaker alone: shown in the speaker view, never published'),
  })
  .strict();

export const QuotesSchema = z
  .object({
    intro: Text.optional().describe('what the speaker says before the quotes (needed when there are quotes)'),
    heading: Short(32, 'the heading fits on one line').optional().describe('the heading above every quote; the deck\'s own words ("In their words") when left out'),
    quotes: z.array(Quote).default([]).describe("practitioners' or listeners' words, verbatim; leave out for no quote slides"),
    clinic: z
      .object({
        id: Id.describe('a short name for the clinic'),
        name: Short(28, 'the heading fits on one line').describe('the heading of its slide, followed by the city when one is given'),
        city: Short(24, 'it fits on one line after the name').optional().describe('where it is, shown after its name'),
        school: Text.describe('the school or body it belongs to'),
        description: Quoted.describe('its description, word for word'),
        source: Short(48, 'it fits under the description').describe('where the description comes from'),
        sharedBy: Id.describe('id of the quote whose author told us about the clinic'),
        from: Id.optional().describe('the id of the source text it comes from: the file sources/<id>.txt of the talk'),
        url: Link.optional().describe('its web address'),
        notes: Text.describe('what the speaker says on its slide'),
        privateNotes: Text.optional().describe('notes for the speaker alone: shown in the speaker view, never published'),
      })
      .strict()
      .optional()
      .describe('a place one of the quoted people told us about; leave out if there is none'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.quotes.length && v.intro === undefined) ctx.addIssue({ code: 'custom', path: ['intro'], message: 'missing: what you say before the quotes (the talk has quotes)' });
  });

export type Quote = z.infer<typeof Quote>;
export type Quotes = z.infer<typeof QuotesSchema>;
