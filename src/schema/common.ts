// Shared building blocks for the collection schemas.
import { z } from 'zod';
import { unsafeLinkMessage, unsafeLinks } from '../markdown/render-markdown.ts';

/** A slug that is safe in a URL hash and an HTML id. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'expected an id of lower-case letters, digits and single hyphens, such as "negahban-2013"',
  });

/**
 * Characters no text of a talk may hold: C0 controls but tab and line break (a PowerPoint with one is not well-formed
 * XML, and PowerPoint offers to "repair" it), DEL, and the private-use area (the message formatter marks places with
 * such characters, so one in a name could splice pieces of another message in).
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000-\uF8FF]/u;

export function forbiddenCharacter(s: string): string | undefined {
  const m = FORBIDDEN.exec(s);
  if (!m) return undefined;
  const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const where = s.slice(Math.max(0, m.index - 20), m.index).replace(/\s+/g, ' ');
  return `this text holds an invisible control character (U+${code})${where ? ` after "${where}"` : ' at its start'}, often pasted along with text from another program: delete it (retype the words around it)`;
}

/**
 * Text that a person writes; Markdown inline syntax is allowed, raw HTML is shown as text, never run.
 * A Markdown link must go to a web or mail address: anything else is reported rather than silently dropped.
 */
export const Text = z
  .string()
  .trim()
  .min(1, { message: 'expected some text, found an empty string' })
  .superRefine((s, ctx) => {
    const control = forbiddenCharacter(s);
    if (control) ctx.addIssue({ code: 'custom', message: control, input: s });
    for (const href of unsafeLinks(s)) ctx.addIssue({ code: 'custom', message: unsafeLinkMessage(href), input: s });
  });

/** A link a reader may follow: only web and mail links, never javascript: or data:. */
export const Link = z
  .string()
  .trim()
  .refine((s) => /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(s), {
    message: 'expected a link starting with https://, http:// or mailto:',
  });

/** Where a fact comes from: the talk's own source text or the paper (references.md). */
export const Source = z.enum(['seed', 'paper']);

/** The sources' own words a claim rests on: each is checked word for word (… marks words left out). */
export const Passages = z
  .array(Text)
  .min(1, { message: 'expected at least one passage: the words of a source this rests on' })
  .describe("the sources' own words this rests on, one a line, each word for word (… for words left out): npm run check finds each");

/**
 * A sentence that states a finding: plain words, or the words with the passages of the sources they rest on, or the
 * words marked as the speaker's own view (then the slide and the notes say so).
 */
export const Claim = z.union([
  Text,
  z
    .object({
      text: Text.describe('the sentence, in plain words'),
      passages: Passages.optional(),
      own: z.literal(true, { message: 'expected "own: true" (this is your own view), or leave "own" out' }).optional().describe('true when this is your own view, not a finding of the sources: the slide says so'),
    })
    .strict()
    .refine((c) => c.passages !== undefined || c.own === true, { message: 'say what this rests on: add "passages:" with the words of a source, or "own: true" if it is your own view', path: ['passages'] }),
]);

export type Claim = z.infer<typeof Claim>;

/** A claim's words. */
export const claimText = (c: Claim): string => (typeof c === 'string' ? c : c.text);
/** Whether a claim is marked as the speaker's own view. */
export const isOwnView = (c: Claim): boolean => typeof c !== 'string' && c.own === true;
