// Slide ids: the one scheme every generated slide's address comes from (#/study-negahban-2013), used by the renderers
// that make them and by the check that a hand-written slide does not take one of them, so the two cannot drift.

/** The id of page `page` (from 0) of a group of slides: the base, then base-2, base-3… as it continues. */
export const continuedId = (base: string, page: number): string => (page === 0 ? base : `${base}-${page + 1}`);

/** Bases of the slides generated once per talk (each may continue: "tips-2"). */
export const GROUP_IDS = ['title', 'thanks', 'special-thanks', 'overview', 'tips', 'takeaways', 'resources', 'references', 'questions'] as const;

export const studyId = (study: string): string => `study-${study}`;
export const studyResultsId = (study: string, page: number): string => continuedId(`study-${study}-results`, page);
export const quoteId = (quote: string): string => `quote-${quote}`;
export const clinicId = (clinic: string): string => `clinic-${clinic}`;

/** What a talk's data names its slides by. */
export interface SlideOwners {
  studies: readonly (string | undefined)[];
  quotes: readonly (string | undefined)[];
  clinic: string | undefined;
}

/** The generated slides that would have this id, in words; undefined when none would. */
export function generatedOwner(id: string, { studies, quotes, clinic }: SlideOwners): string | undefined {
  const continues = (base: string) => id === base || new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(id);
  if (GROUP_IDS.some(continues)) return 'a generated slide';
  const study = studies.find((s) => s !== undefined && (id === studyId(s) || continues(`study-${s}-results`)));
  if (study) return `the slides of the study "${study}"`;
  const quote = quotes.find((q) => q !== undefined && continues(quoteId(q)));
  if (quote) return `the slides of the quote "${quote}"`;
  if (clinic && continues(clinicId(clinic))) return `the slides of "${clinic}"`;
  return undefined;
}
