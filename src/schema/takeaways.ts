// Practical tips and takeaways, each resting on named studies or quotes.
import { z } from 'zod';
import { Id, Text } from './common.ts';

const Point = z
  .object({
    text: Text,
    basis: z.array(Id).min(1, { message: 'expected at least one study or quote id this rests on' }),
  })
  .strict();

export const TakeawaysSchema = z
  .object({
    tipsTitle: Text.optional().describe('the deck\'s own words ("Practical tips") when left out'),
    tipsLead: Text.optional().describe('one line under the title, such as where the tips come from'),
    tips: z.array(Point).min(1, { message: 'expected at least one tip' }),
    tipsNotes: Text,
    takeaways: z.array(Point).min(1, { message: 'expected at least one takeaway' }),
    takeawaysNotes: Text,
  })
  .strict();

export type Takeaways = z.infer<typeof TakeawaysSchema>;
