// Practical tips and takeaways, each resting on named studies or quotes.
import { z } from 'zod';
import { Id, Passages, Text } from './common.ts';

const Point = z
  .object({
    text: Text.describe('the point, in plain words'),
    basis: z.array(Id).min(1, { message: 'expected at least one study or quote id this rests on' }).optional().describe('the ids of the studies or quotes it rests on'),
    passages: Passages.optional(),
    own: z.literal(true, { message: 'expected "own: true" (this is your own view), or leave "own" out' }).optional().describe('true when this is your own view or advice, not a finding of the sources: the slide says so'),
  })
  .strict()
  .refine((p) => p.basis !== undefined || p.own === true, {
    message: 'say what this rests on: add "basis:" with the ids of the studies or quotes (and "passages:" with their words), or "own: true" if it is your own view',
    path: ['basis'],
  });

export const TakeawaysSchema = z
  .object({
    tipsTitle: Text.optional().describe('the deck\'s own words ("Practical tips") when left out'),
    tipsLead: Text.optional().describe('one line under the title, such as where the tips come from'),
    tips: z.array(Point).default([]).describe('practical tips, each naming what it rests on; leave out for no tips slide'),
    tipsNotes: Text.optional().describe('what the speaker says on the tips slide (needed when there are tips)'),
    takeaways: z.array(Point).default([]).describe('what listeners should take home, each naming what it rests on'),
    takeawaysNotes: Text.optional().describe('what the speaker says on the takeaways slide (needed when there are takeaways)'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.tips.length && v.tipsNotes === undefined) ctx.addIssue({ code: 'custom', path: ['tipsNotes'], message: 'missing: what you say on the tips slide (the talk has tips)' });
    if (v.takeaways.length && v.takeawaysNotes === undefined) ctx.addIssue({ code: 'custom', path: ['takeawaysNotes'], message: 'missing: what you say on the takeaways slide (the talk has takeaways)' });
  });

export type Takeaways = z.infer<typeof TakeawaysSchema>;
