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
 * Text that a person writes; Markdown inline syntax is allowed, raw HTML is shown as text, never run.
 * A Markdown link must go to a web or mail address: anything else is reported rather than silently dropped.
 */
export const Text = z
  .string()
  .trim()
  .min(1, { message: 'expected some text, found an empty string' })
  .superRefine((s, ctx) => {
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
