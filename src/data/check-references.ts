// Checks what no single schema can: ids that must be unique, and ids that must point at something.
import type { CollectionName } from '../schema/index.ts';
import type { Order } from '../schema/order.ts';
import type { TalkModel } from './load-data.ts';
import type { Problem } from './data-error.ts';
import type { Located } from './load-yaml.ts';
import type { MarkdownSlide } from './load-markdown-slide.ts';
import { nearest } from './describe-value.ts';

type Model = Omit<TalkModel, 'markdown' | 'files'> & { order: Order };
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
  model.studies.studies.forEach((s, i) => claim(s.id, 'studies', ['studies', i, 'id'], `studies[${i}].id`));
  model.quotes.quotes.forEach((q, i) => claim(q.id, 'quotes', ['quotes', i, 'id'], `quotes[${i}].id`));
  claim(model.quotes.clinic.id, 'quotes', ['clinic', 'id'], 'clinic.id');

  const citable = [...seen.keys()];
  const checkBasis = (list: 'tips' | 'takeaways') =>
    model.takeaways[list].forEach((point, i) =>
      point.basis.forEach((id, j) => {
        if (seen.has(id)) return;
        const guess = nearest(id, citable);
        report('takeaways', [list, i, 'basis', j], `${list}[${i}].basis[${j}]`,
          `no study or quote has the id "${id}"${guess ? `: did you mean "${guess}"?` : ''}`);
      }),
    );
  checkBasis('tips');
  checkBasis('takeaways');

  const quoteIds = model.quotes.quotes.map((q) => q.id);
  if (!quoteIds.includes(model.quotes.clinic.sharedBy)) {
    const guess = nearest(model.quotes.clinic.sharedBy, quoteIds);
    report('quotes', ['clinic', 'sharedBy'], 'clinic.sharedBy',
      `no quote has the id "${model.quotes.clinic.sharedBy}"${guess ? `: did you mean "${guess}"?` : ''}`);
  }

  const people = new Set<string>();
  [...model.people.invitedBy.people, ...model.people.helpers].forEach((p, i) => {
    if (people.has(p.id)) report('people', [], `people id "${p.id}"`, `duplicate id "${p.id}"`);
    people.add(p.id);
    void i;
  });
  const helperIds = model.people.helpers.map((h) => h.id);
  if (!helperIds.includes(model.people.book.author)) {
    const guess = nearest(model.people.book.author, helperIds);
    report('people', ['book', 'author'], 'book.author',
      `no helper has the id "${model.people.book.author}"${guess ? `: did you mean "${guess}"?` : ''}`);
  }

  const used = new Set<string>();
  const slideIds = new Map<string, string>();
  model.order.slides.forEach((entry, i) => {
    if (used.has(entry)) report('order', ['slides', i], `slides[${i}]`, `"${entry}" is listed twice`);
    used.add(entry);
    const md = markdown.get(entry);
    if (md) {
      const other = slideIds.get(md.id) ?? (seen.has(md.id) ? 'a generated slide' : undefined);
      if (other) report('order', ['slides', i], `slides[${i}]`, `slide id "${md.id}" in ${entry} is also used by ${other}`);
      slideIds.set(md.id, entry);
    }
  });
  return problems;
}
