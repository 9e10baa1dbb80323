// The studies: design, size, what was measured, each result with its figures, and the caveat.
import { z } from 'zod';
import { Claim, Id, Source, Text } from './common.ts';

/**
 * A study design: one of the vocabulary in locales/en.yaml (under "designs", shown in the talk's language), its label
 * in the talk's language, or any other design as written. A near miss of a known one is caught when the talk is
 * loaded, where the vocabulary is known (check-designs.ts).
 */
export const Design = Text.describe('a design such as "randomized controlled trial" or "cohort study"');

/**
 * What the source says of a result, and how strongly: a measured improvement, one a source says "seems" to come (or
 * "may"), one the participants reported themselves, no clear change, mixed, worse, a verdict that the evidence is
 * not compelling, or an outcome measured but not reported. The slides draw a mark for each, so the list is closed.
 */
export const Direction = z.enum(['improved', 'seems improved', 'reported better', 'no change', 'mixed', 'worse', 'not compelling', 'not reported']);

const Result = z
  .object({
    outcome: Text.describe('what was measured, in plain words'),
    comparison: Text.optional().describe('what it was compared with, such as "exercise alone"'),
    direction: Direction.describe(
      'what the source says: improved (a measured difference), seems improved (the source says it seems to, or may), reported better (what participants wrote or felt), no change, mixed, worse, not compelling (the source\'s verdict), or not reported (measured, but no result given)',
    ),
    change: z.number({ message: 'expected a number such as 2.75' }).optional().describe('the size of the change, as the source gives it'),
    unit: Text.optional().describe('the unit of the change, such as "points" or "seconds"'),
    p: z
      .number({ message: 'expected a number such as 0.001' })
      .gt(0, { message: 'expected a P value above 0' })
      .lt(1, { message: 'expected a P value below 1' })
      .optional()
      .describe('the P value the source gives, such as 0.003'),
    detail: Text.optional().describe('the finding in words, as the source gives it'),
    passage: Text.optional().describe("the source's own words that hold this result's figures, checked against the source"),
    source: Source.default('seed').describe('where the figures come from: seed (the talk\'s source text) or paper (the published paper)'),
  })
  .strict()
  .refine((r) => r.change === undefined || r.unit !== undefined, {
    message: 'a result with a "change" also needs its "unit", such as "points" or "seconds"',
    path: ['unit'],
  });

const Fact = z
  .object({
    count: z.number().int().positive().optional().describe('the number, such as 24'),
    of: Text.optional().describe('what was counted: people, adults, trials (the deck\'s word for "people" when left out)'),
    size: Text.optional().describe('the size in words when the sources give no number, such as "small"'),
    text: Text.describe('the fact in words, as the source gives it'),
    source: Source.describe('where it comes from: seed (the talk\'s source text) or paper (the published paper)'),
  })
  .strict();

const Citation = z
  .object({
    authors: Text.describe('the authors, as the reference lists them'),
    journal: Text.describe('the journal'),
    year: z.number().int().min(1900).max(2100).optional().describe('the year it was published'),
    details: Text.optional().describe('month, volume(issue):pages or article number'),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, { message: 'expected a DOI such as 10.1177/0269215513491586' })
      .optional()
      .describe('its DOI, such as 10.1177/0269215513491586'),
    pmid: z
      .string()
      .regex(/^\d{5,9}$/, { message: 'expected a PubMed id of digits only, such as "23828184"' })
      .optional()
      .describe('its PubMed id, digits only'),
  })
  .strict();

export const StudySchema = z
  .object({
    id: Id.describe('a short name for the study, such as "smith-2020": tips and takeaways name it in basis'),
    from: Id.optional().describe('the id of the source text it comes from: the file sources/<id>.txt of the talk'),
    shortTitle: Text.describe('a short plain-language title for the slide'),
    title: Text.describe('the full title of the paper'),
    design: z.array(Design).min(1, { message: 'expected at least one design label' }).describe('its design, one label a line, such as "randomized controlled trial"'),
    participants: Fact.optional().describe('who took part, and how many'),
    schedule: Fact.optional().describe('how often and how long, such as "twice a week for 5 weeks"'),
    measured: Text.describe('what was measured, in plain words'),
    introNotes: Text.optional().describe('what the speaker says on the first slide of the study'),
    results: z.array(Result).min(1, { message: 'expected at least one result' }).describe('each result with its figures'),
    conclusion: Text.describe("the study's own conclusion, as the source gives it"),
    conclusionLabel: Text.optional().describe(
      'how the notes introduce "conclusion" when the source gives no conclusion of its own (a results sentence, say)',
    ),
    meaning: Claim.describe('what it means, in plain words: with "passages:" from the source it rests on, or "own: true" for your own reading'),
    caveat: Claim.describe('what limits the study (its size, design, what it did not measure): with "passages:", or "own: true" for your own reading'),
    notes: Text.describe('what the speaker says on this slide'),
    privateNotes: Text.optional().describe('notes for the speaker alone: shown in the speaker view, never published'),
    citation: Citation.describe('the reference, for the references slide'),
  })
  .strict();

export const StudiesSchema = z
  .object({
    intro: Text.describe('what the speaker says before the studies'),
    studies: z.array(StudySchema).min(1, { message: 'expected at least one study' }).describe('the studies, in the order they are shown'),
  })
  .strict();

export type Study = z.infer<typeof StudySchema>;
export type StudyResult = z.infer<typeof Result>;
export type Studies = z.infer<typeof StudiesSchema>;
