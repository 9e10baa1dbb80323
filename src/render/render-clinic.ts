// A place one of the quoted people told us about (a specialty clinic, say), in its own words.
import type { TalkModel } from '../data/load-data.ts';
import type { Slide } from '../layout/slide.ts';
import { clinicId } from '../layout/slide-ids.ts';
import { renderQuoteSlides } from './render-quotes.ts';

export function renderClinic({ quotes, words: w }: TalkModel): Slide[] {
  const c = quotes.clinic;
  if (!c) return [];
  const by = quotes.quotes.find((q) => q.id === c.sharedBy);
  return renderQuoteSlides(
    {
      id: clinicId(c.id),
      heading: c.city ? w.text('quotes.clinicHeading', { name: c.name, city: c.city }) : c.name,
      text: c.description,
      attribution: by
        ? w.text('quotes.sharedBy', { source: c.source, who: w.text('quotes.attribution', { person: by.person, credential: by.credential }) })
        : c.source,
      notes: c.notes,
      privateNotes: c.privateNotes,
      kind: 'clinic',
    },
    w,
  );
}
