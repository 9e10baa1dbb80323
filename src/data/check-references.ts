// Checks what no single schema can: ids that must be unique, and ids that must point at something.
// The checks read each file as far as it could be read: its validated data or, when part of it failed its
// schema, the data as written, so a mistake in one study does not hide a wrong id in another file. Every id
// taken from data as written is checked again here; one that is not a valid id is left to the schema's report.
import { Id } from '../schema/common.ts';
import type { CollectionName } from '../schema/index.ts';
import { OrderEntrySchema, type OrderEntry } from '../schema/order.ts';
import type { Problem } from './data-error.ts';
import type { Located } from './load-yaml.ts';
import type { MarkdownSlide } from './load-markdown-slide.ts';
import { nearest } from './describe-value.ts';
import { generatedOwner } from '../layout/slide-ids.ts';
import { get, items } from './raw-data.ts';

export type Source = CollectionName | 'order';

/** A file that could be read as YAML: its data (validated, or as written when some of it failed) and where paths are. */
export interface Readable {
  data: unknown;
  locate: Located<unknown>['locate'];
}

export function checkReferences(
  read: Partial<Record<Source, Readable>>,
  markdown: Map<string, MarkdownSlide>,
  fileOf: (source: Source) => string,
): Problem[] {
  const problems: Problem[] = [];
  const report = (source: Source, path: PropertyKey[], field: string, message: string) => {
    const pos = read[source]?.locate(path) ?? { line: 1, column: 1 };
    problems.push({ file: fileOf(source), ...pos, field, message });
  };

  const studies = idsOf(get(read.studies?.data, 'studies'));
  const quotes = idsOf(get(read.quotes?.data, 'quotes'));
  const clinic = get(read.quotes?.data, 'clinic');
  const clinicId = clinic === undefined ? undefined : idOf(get(clinic, 'id'));

  const seen = new Map<string, string>();
  const claim = (id: string | undefined, source: Source, path: PropertyKey[], field: string) => {
    if (id === undefined) return;
    const before = seen.get(id);
    if (before) report(source, path, field, `duplicate id "${id}": already used by ${before}`);
    else seen.set(id, `${fileOf(source)} ${field}`);
  };
  studies.ids.forEach((id, i) => claim(id, 'studies', ['studies', i, 'id'], `studies[${i}].id`));
  quotes.ids.forEach((id, i) => claim(id, 'quotes', ['quotes', i, 'id'], `quotes[${i}].id`));
  claim(clinicId, 'quotes', ['clinic', 'id'], 'clinic.id');
  // An id is only called unknown when every study, quote and the clinic has a readable id: otherwise it may be
  // the one whose id is missing or misspelt, which the schema reports.
  const allIdsRead = studies.complete && quotes.complete && (clinic === undefined || clinicId !== undefined);

  const citable = [...seen.keys()];
  for (const list of ['tips', 'takeaways'] as const) {
    items(get(read.takeaways?.data, list))?.forEach((point, i) =>
      items(get(point, 'basis'))?.forEach((written, j) => {
        const id = idOf(written);
        if (id === undefined || seen.has(id) || !allIdsRead) return;
        const guess = nearest(id, citable);
        report('takeaways', [list, i, 'basis', j], `${list}[${i}].basis[${j}]`,
          `no study or quote has the id "${id}"${guess ? `: did you mean "${guess}"?` : ''}`);
      }),
    );
  }

  const sharedBy = idOf(get(clinic, 'sharedBy'));
  if (sharedBy !== undefined && quotes.complete && !quotes.ids.includes(sharedBy)) {
    const guess = nearest(sharedBy, quotes.ids.filter((id) => id !== undefined));
    report('quotes', ['clinic', 'sharedBy'], 'clinic.sharedBy',
      `no quote has the id "${sharedBy}"${guess ? `: did you mean "${guess}"?` : ''}`);
  }

  if (read.people) checkPeople(read.people.data, report);

  const generated = { studies: studies.ids, quotes: quotes.ids, clinic: clinicId };
  const used = new Set<string>();
  const slideIds = new Map<string, string>();
  for (const { entry, index: i } of orderEntries(read.order?.data)) {
    if (used.has(entry)) report('order', ['slides', i], `slides[${i}]`, `"${entry}" is listed twice`);
    used.add(entry);
    const md = markdown.get(entry);
    if (md) {
      const other = slideIds.get(md.id) ?? generatedOwner(md.id, generated);
      if (other) report('order', ['slides', i], `slides[${i}]`, `slide id "${md.id}" in ${entry} is also used by ${other}`);
      slideIds.set(md.id, entry);
    }
  }
  return problems;
}

/** The entries of the running order that are valid names, with their place in the list. */
export function orderEntries(data: unknown): { entry: OrderEntry; index: number }[] {
  const out: { entry: OrderEntry; index: number }[] = [];
  items(get(data, 'slides'))?.forEach((written, index) => {
    const entry = OrderEntrySchema.safeParse(written);
    if (entry.success) out.push({ entry: entry.data, index });
  });
  return out;
}

function checkPeople(people: unknown, report: (s: Source, path: PropertyKey[], field: string, message: string) => void) {
  const seen = new Map<string, string>();
  const check = (id: string | undefined, path: PropertyKey[], field: string) => {
    if (id === undefined) return;
    const before = seen.get(id);
    if (before) report('people', path, field, `duplicate id "${id}": already used by ${before}`);
    else seen.set(id, field);
  };
  const invited = idsOf(get(people, 'invitedBy', 'people'));
  const helpers = idsOf(get(people, 'helpers'));
  invited.ids.forEach((id, i) => check(id, ['invitedBy', 'people', i, 'id'], `invitedBy.people[${i}].id`));
  helpers.ids.forEach((id, i) => check(id, ['helpers', i, 'id'], `helpers[${i}].id`));
  const author = idOf(get(people, 'book', 'author'));
  if (author !== undefined && helpers.complete && !helpers.ids.includes(author)) {
    const guess = nearest(author, helpers.ids.filter((id) => id !== undefined));
    report('people', ['book', 'author'], 'book.author',
      `no helper has the id "${author}"${guess ? `: did you mean "${guess}"?` : ''}`);
  }
}


function idOf(value: unknown): string | undefined {
  const id = Id.safeParse(value);
  return id.success ? id.data : undefined;
}

/** The id of each entry of a list (undefined where it is missing or not a valid id), and whether all were read. */
function idsOf(list: unknown): { ids: (string | undefined)[]; complete: boolean } {
  const entries = items(list);
  if (!entries) return { ids: [], complete: false };
  const ids = entries.map((entry) => idOf(get(entry, 'id')));
  return { ids, complete: ids.every((id) => id !== undefined) };
}
