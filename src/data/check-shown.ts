// Sections are optional, so the running order and the data must agree: a slide the running order names with
// nothing to show is a problem at its line in slides/order.yaml (the slide would silently vanish), and data that
// no slide in the running order shows is a warning at its own line (a volunteer's tips that appear nowhere).
import type { Order } from '../schema/index.ts';
import type { People, Quotes, Resources, Takeaways } from '../schema/index.ts';
import type { Problem } from './data-error.ts';
import type { Source } from './check-references.ts';

interface Data {
  order: Order;
  people: People;
  quotes: Quotes;
  takeaways: Takeaways;
  resources: Resources;
}

type Where = (source: Source, path: readonly PropertyKey[]) => Pick<Problem, 'file' | 'line' | 'column' | 'field'>;

/** A generated slide group, the data it shows, and how that data is named in a message. */
interface Shows {
  slide: string;
  source: Source;
  /** Fields (paths) holding this slide's data, each present or not. */
  parts: { path: PropertyKey[]; present: boolean }[];
  /** "thanks (invitedBy, team or helpers)": what the slide would show, for the message. */
  what: string;
}

function groups(d: Data): Shows[] {
  const { people, quotes, takeaways, resources } = d;
  return [
    {
      slide: 'acknowledgements',
      source: 'people',
      what: 'the thanks (invitedBy, team or helpers)',
      parts: [
        { path: ['invitedBy'], present: people.invitedBy !== undefined },
        { path: ['team'], present: people.team !== undefined },
        { path: ['helpers'], present: people.helpers.length > 0 },
      ],
    },
    { slide: 'quotes', source: 'quotes', what: 'quotes', parts: [{ path: ['quotes'], present: quotes.quotes.length > 0 }] },
    { slide: 'clinic', source: 'quotes', what: 'a clinic', parts: [{ path: ['clinic'], present: quotes.clinic !== undefined }] },
    { slide: 'tips', source: 'takeaways', what: 'tips', parts: [{ path: ['tips'], present: takeaways.tips.length > 0 }] },
    { slide: 'takeaways', source: 'takeaways', what: 'takeaways', parts: [{ path: ['takeaways'], present: takeaways.takeaways.length > 0 }] },
    { slide: 'resources', source: 'resources', what: 'resources', parts: [{ path: ['resources'], present: resources.resources.length > 0 }] },
  ];
}

const FILES: Partial<Record<Source, string>> = {
  people: 'data/people.yaml',
  quotes: 'data/quotes.yaml',
  takeaways: 'data/takeaways.yaml',
  resources: 'data/resources.yaml',
};

export function checkShown(
  data: Data,
  where: Where,
  fileExists: (source: Source) => boolean,
): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const listed = data.order.slides as readonly string[];
  for (const g of groups(data)) {
    const at = listed.indexOf(g.slide);
    const has = g.parts.some((p) => p.present);
    if (at >= 0 && !has) {
      const file = FILES[g.source]!;
      problems.push({
        ...where('order', ['slides', at]),
        message: `"${g.slide}" shows ${g.what} from ${file}, but ${fileExists(g.source) ? 'it has none' : 'the talk has no such file'}: add them there, or take "${g.slide}" out of the running order`,
      });
    }
    if (at < 0) {
      // The invitation is also thanked in the title slide's notes.
      for (const p of g.parts.filter((x) => x.present)) {
        if (g.slide === 'acknowledgements' && p.path[0] === 'invitedBy' && listed.includes('title')) continue;
        warnings.push({
          ...where(g.source, p.path),
          message: `no slide shows this: the running order (slides/order.yaml) has no "${g.slide}". Add "${g.slide}" there, or delete this part if the talk does not need it`,
        });
      }
    }
  }
  return { problems, warnings };
}
