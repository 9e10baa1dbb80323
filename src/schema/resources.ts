// Where listeners can read more.
import { z } from 'zod';
import { Link, Text } from './common.ts';

export const ResourcesSchema = z
  .object({
    resources: z
      .array(
        z
          .object({
            name: Text,
            about: Text,
            url: Link.optional(),
          })
          .strict(),
      )
      .min(1, { message: 'expected at least one resource' }),
    notes: Text,
  })
  .strict();

export type Resources = z.infer<typeof ResourcesSchema>;
