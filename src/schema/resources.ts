// Where listeners can read more.
import { z } from 'zod';
import { Link, Text } from './common.ts';

export const ResourcesSchema = z
  .object({
    resources: z
      .array(
        z
          .object({
            name: Text.describe('its name, as shown'),
            about: Text.describe('what it offers, in a sentence'),
            url: Link.optional().describe('its web address'),
          })
          .strict(),
      )
      .default([])
      .describe('where listeners can read more; leave out for no resources slide'),
    notes: Text.optional().describe('what the speaker says on the resources slide (needed when there are resources)'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.resources.length && v.notes === undefined) ctx.addIssue({ code: 'custom', path: ['notes'], message: 'missing: what you say on the resources slide (the talk has resources)' });
  });

export type Resources = z.infer<typeof ResourcesSchema>;
