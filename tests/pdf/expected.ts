// What the talk's source text says, held here so these tests need no other copy of it: every figure, name and
// attribution that the handout must carry as real, searchable text.

export const FIGURES = [
  '2.75 points',
  'P = 0.001',
  '3.69 seconds',
  'P = 0.009',
  '7.84 seconds',
  'P = 0.007',
  '1.67 points',
  'mean change 2.75 points, P = 0.001',
  'mean change 3.69 seconds, P = 0.009',
  'mean change 7.84 seconds, P = 0.007',
  'mean change 1.67 points, P = 0.001',
  'Twenty-four adults',
  'Twenty-four adults with multiple sclerosis',
  '45-minute massages twice a week for 5 weeks',
  'after 4 weeks of treatment',
  'endured 4 weeks after the end of the treatment series',
  'eight week follow up',
  'Twelve randomized controlled trials',
  '3 to 7 days',
  '3-9 days',
  'over 100h of experience',
  '48 patients in four equal groups',
  '24 people with MS',
  '30 people with MS and constipation',
  'P = 0.003',
];

export const NAMES = [
  'Fiza Mahmood',
  'Toni Kodner',
  'St. Louis Gateway Area Chapter',
  'National Multiple Sclerosis Society',
  'Keith Eric Grant',
  'Keith Eric Grant, PhD.',
  'Ruth Werner',
  "A Massage Therapist's Guide to Pathology",
  'Disease Handbook for Massage Therapists',
  "Professor Moyer's Massage Therapy and Meditation Laboratory Research Group",
  'Advanced Practice Professional Massage Therapy Community of Practice',
  'Sutherland-Chan School and Teaching Clinic in Toronto',
  'Specialty Clinics | Sutherland-Chan School',
];

/** Who said each quote, as the slides and the handout attribute it. */
export const ATTRIBUTIONS = ['Bert Davich, LMT', 'Michael Reoch, RMT', 'Tina Gio, LMT', 'Rhonda Henry, LMT'];

export const REFERENCES = [
  { pmid: '23828184', doi: '10.1177/0269215513491586', journal: 'Clinical Rehabilitation' },
  { doi: '10.1016/S1360-8592(98)80009-0', journal: 'Journal of Bodywork and Movement Therapies' },
  { pmid: '20940182', doi: '10.1177/1352458510384899', journal: 'Multiple Sclerosis Journal' },
  { journal: 'Evidence-Based Complementary and Alternative Medicine' },
  { journal: 'Complementary Therapies in Medicine' },
];

/** The study titles and the quotes, paragraph by paragraph: the deck's content test holds them. */
export { QUOTES, STUDY_TITLES } from '../content/seed-strings.ts';

export const RESOURCE_LINKS = ['https://pubmed.ncbi.nlm.nih.gov/?term=multiple+sclerosis+and+massage'];
