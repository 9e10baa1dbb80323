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
