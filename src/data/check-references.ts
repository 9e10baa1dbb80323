// Checks what no single schema can: ids that must be unique, and ids that must point at something.
import type { CollectionName } from '../schema/index.ts';
import type { Order } from '../schema/order.ts';
import type { TalkModel } from './load-data.ts';
import type { Problem } from './data-error.ts';
import type { Located } from './load-yaml.ts';
import type { MarkdownSlide } from './load-markdown-slide.ts';
import { nearest } from './describe-value.ts';

/** The collections that loaded; a check whose inputs failed to load is left for the next run. */
type Model = Partial<Omit<TalkModel, 'markdown' | 'files'> & { order: Order }>;
type Source = CollectionName | 'order';

export function checkReferences(
  model: Model,
  markdown: Map<string, MarkdownSlide>,
  located: Partial<Record<Source, Located<unknown>>>,
  fileOf: (source: Source) => string,
): Problem[] {
  const problems: Problem[] = [];
  const report = (source: Source, path: PropertyKey[], field: string, message: string) => {
    const pos = located[source]?.locate(path) ?? { line: 1, column: 1 };
    problems.push({ file: fileOf(source), ...pos, field, message });
  };

  const seen = new Map<string, string>();
  const claim = (id: string, source: Source, path: PropertyKey[], field: string) => {
    const before = seen.get(id);
    if (before) report(source, path, field, `duplicate id "${id}": already used by ${before}`);
    else seen.set(id, `${fileOf(source)} ${field}`);
  };
  model.studies?.studies.forEach((s, i) => claim(s.id, 'studies', ['studies', i, 'id'], `studies[${i}].id`));
  model.quotes?.quotes.forEach((q, i) => claim(q.id, 'quotes', ['quotes', i, 'id'], `quotes[${i}].id`));
  if (model.quotes?.clinic) claim(model.quotes.clinic.id, 'quotes', ['clinic', 'id'], 'clinic.id');
  const allIdsLoaded = Boolean(model.studies && model.quotes);

  const citable = [...seen.keys()];
  const checkBasis = (list: 'tips' | 'takeaways') =>
    allIdsLoaded &&
    model.takeaways?.[list].forEach((point, i) =>
      point.basis.forEach((id, j) => {
        if (seen.has(id)) return;
        const guess = nearest(id, citable);
        report('takeaways', [list, i, 'basis', j], `${list}[${i}].basis[${j}]`,
          `no study or quote has the id "${id}"${guess ? `: did you mean "${guess}"?` : ''}`);
      }),
    );
  checkBasis('tips');
  checkBasis('takeaways');

  const quoteIds = model.quotes?.quotes.map((q) => q.id) ?? [];
  const clinic = model.quotes?.clinic;
  if (clinic && !quoteIds.includes(clinic.sharedBy)) {
    const guess = nearest(clinic.sharedBy, quoteIds);
    report('quotes', ['clinic', 'sharedBy'], 'clinic.sharedBy',
      `no quote has the id "${clinic.sharedBy}"${guess ? `: did you mean "${guess}"?` : ''}`);
  }

  if (model.people) checkPeople(model.people, report);

  const used = new Set<string>();
  const slideIds = new Map<string, string>();
  model.order?.slides.forEach((entry, i) => {
    if (used.has(entry)) report('order', ['slides', i], `slides[${i}]`, `"${entry}" is listed twice`);
    used.add(entry);
    const md = markdown.get(entry);
    if (md) {
      const other = slideIds.get(md.id) ?? (GENERATED_SLIDE_IDS.has(md.id) ? 'a generated slide' : generatedFrom(model, md.id));
      if (other) report('order', ['slides', i], `slides[${i}]`, `slide id "${md.id}" in ${entry} is also used by ${other}`);
      slideIds.set(md.id, entry);
    }
  });
  return problems;
}

/** Ids that generated slides always use; a hand-written slide with one of them would clash in the URL. */
const GENERATED_SLIDE_IDS = new Set(['title', 'thanks', 'special-thanks', 'overview', 'tips', 'takeaways', 'resources', 'references', 'questions']);

/** The generated slide that would have this id: a study's ("study-<id>", "study-<id>-results"), a quote's
 * ("quote-<id>", "quote-<id>-2" when it continues), the clinic's, or the second page of a long group. */
function generatedFrom(model: Model, id: string): string | undefined {
  if (/^(overview|references)-\d+$/.test(id)) return 'a generated slide';
  const study = model.studies?.studies.find((s) => id === `study-${s.id}` || id === `study-${s.id}-results`);
  if (study) return `the slides of the study "${study.id}"`;
  const quote = model.quotes?.quotes.find((q) => new RegExp(`^quote-${q.id}(-\\d+)?$`).test(id));
  if (quote) return `the slides of the quote "${quote.id}"`;
  const clinic = model.quotes?.clinic;
  if (clinic && new RegExp(`^clinic-${clinic.id}(-\\d+)?$`).test(id)) return `the slides of "${clinic.id}"`;
  return undefined;
}

function checkPeople(people: NonNullable<Model['people']>, report: (s: Source, path: PropertyKey[], field: string, message: string) => void) {
  const seen = new Map<string, string>();
  const check = (list: 'invitedBy' | 'helpers', p: { id: string }, i: number) => {
    const path = list === 'invitedBy' ? ['invitedBy', 'people', i, 'id'] : ['helpers', i, 'id'];
    const field = list === 'invitedBy' ? `invitedBy.people[${i}].id` : `helpers[${i}].id`;
    const before = seen.get(p.id);
    if (before) report('people', path, field, `duplicate id "${p.id}": already used by ${before}`);
    else seen.set(p.id, field);
  };
  people.invitedBy.people.forEach((p, i) => check('invitedBy', p, i));
  people.helpers.forEach((p, i) => check('helpers', p, i));
  const helperIds = people.helpers.map((h) => h.id);
  if (people.book && !helperIds.includes(people.book.author)) {
    const guess = nearest(people.book.author, helperIds);
    report('people', ['book', 'author'], 'book.author',
      `no helper has the id "${people.book.author}"${guess ? `: did you mean "${guess}"?` : ''}`);
  }
}
