// One schema per data file: the registry the loader walks.
import { PeopleSchema } from './people.ts';
import { QuotesSchema } from './quotes.ts';
import { ResourcesSchema } from './resources.ts';
import { StudiesSchema } from './studies.ts';
import { TakeawaysSchema } from './takeaways.ts';
import { TalkSchema } from './talk.ts';

export const COLLECTIONS = {
  talk: { file: 'talk.yaml', schema: TalkSchema },
  people: { file: 'people.yaml', schema: PeopleSchema },
  studies: { file: 'studies.yaml', schema: StudiesSchema },
  quotes: { file: 'quotes.yaml', schema: QuotesSchema },
  takeaways: { file: 'takeaways.yaml', schema: TakeawaysSchema },
  resources: { file: 'resources.yaml', schema: ResourcesSchema },
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
