// A place one of the quoted people told us about (here, a specialty clinic), in its own words.
import type { TalkModel } from '../data/load-data.ts';
import type { Slide } from '../slides/slide.ts';
import { renderQuoteSlides } from './render-quotes.ts';

export function renderClinic({ quotes }: TalkModel): Slide[] {
  const c = quotes.clinic;
  if (!c) return [];
  const by = quotes.quotes.find((q) => q.id === c.sharedBy);
  return renderQuoteSlides({
    id: `clinic-${c.id}`,
    heading: `${c.name}, Toronto`,
    text: c.description,
    attribution: `${c.source}${by ? ` (shared by ${by.person}, ${by.credential})` : ''}`,
    notes: c.notes,
    kind: 'clinic',
  });
}
