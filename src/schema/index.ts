// One schema per data file: the registry the loader walks.
import { PeopleSchema } from './people.ts';
import { QuotesSchema } from './quotes.ts';
import { ResourcesSchema } from './resources.ts';
import { StudiesSchema } from './studies.ts';
import { TakeawaysSchema } from './takeaways.ts';
import { TalkSchema } from './talk.ts';

// `optional`: a talk may leave the file out (no thanks, quotes, tips or resources): read as if it were empty.
export const COLLECTIONS = {
  talk: { file: 'talk.yaml', schema: TalkSchema, optional: false },
  people: { file: 'people.yaml', schema: PeopleSchema, optional: true },
  studies: { file: 'studies.yaml', schema: StudiesSchema, optional: false },
  quotes: { file: 'quotes.yaml', schema: QuotesSchema, optional: true },
  takeaways: { file: 'takeaways.yaml', schema: TakeawaysSchema, optional: true },
  resources: { file: 'resources.yaml', schema: ResourcesSchema, optional: true },
} as const;

export type Collections = typeof COLLECTIONS;
export type CollectionName = keyof Collections;

export type { Talk, ReplayInputs } from './talk.ts';
export type { People, Person } from './people.ts';
export type { Studies, Study, StudyResult } from './studies.ts';
export type { Quotes, Quote } from './quotes.ts';
export type { Takeaways } from './takeaways.ts';
export type { Resources } from './resources.ts';
export type { Order, OrderEntry } from './order.ts';
