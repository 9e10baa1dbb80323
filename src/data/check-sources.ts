// Holds the talk to its sources: every practitioner quote, every study conclusion and every passage in
// quotation marks must be found word for word in a source text, and every figure of a study's results in the
// part of its source that gives that study. What was checked, and against which passage, is kept for the
// provenance page. Every sentence that states a finding names the passages it rests on, or is the speaker's own
// view (sources/check-claims.ts). Each kind of check is a module of ./sources/; this runs them in order.
import type { Problem } from './data-error.ts';
import type { Readable, Source } from './check-references.ts';
import { get, items } from './raw-data.ts';
import { SourceCheck, type Provenance, type SourceCheckInput } from './sources/context.ts';
import { studySpans } from './sources/study-spans.ts';
import { checkStudyFigures } from './sources/check-figures.ts';
import { checkQuotedWords } from './sources/check-quoted.ts';
import { checkClaims } from './sources/check-claims.ts';

export type { Provenance, SourceCheckInput } from './sources/context.ts';

export function checkSources(input: SourceCheckInput): { problems: Problem[]; warnings: Problem[]; provenance: Provenance[] } {
  const { read, sources } = input;
  if (!sources.present && !namesAnySource(read)) return { problems: sources.problems, warnings: [], provenance: [] };
  const check = new SourceCheck(input);
  check.problems.push(...sources.problems);

  // Practitioners' words and the clinic's description, each against the source it names.
  items(get(read.quotes?.data, 'quotes'))?.forEach((q, i) => {
    const src = check.sourceOf('quotes', ['quotes', i], 'these words');
    const text = get(q, 'text');
    if (src && typeof text === 'string') check.verbatim('quote', text, src, 'quotes', ['quotes', i, 'text'], 'the quote');
  });
  const clinic = get(read.quotes?.data, 'clinic');
  if (clinic !== undefined) {
    const src = check.sourceOf('quotes', ['clinic'], 'its description');
    const text = get(clinic, 'description');
    if (src && typeof text === 'string') check.verbatim('quote', text, src, 'quotes', ['clinic', 'description'], 'the description');
  }

  // Studies: the conclusion word for word, and every figure within the part of the source about the study.
  const studies = items(get(read.studies?.data, 'studies')) ?? [];
  const spans = studySpans(studies, sources);
  studies.forEach((study, i) => {
    const src = check.sourceOf('studies', ['studies', i], 'its conclusion and figures');
    if (!src) return;
    const conclusion = get(study, 'conclusion');
    if (typeof conclusion === 'string') check.verbatim('conclusion', conclusion, src, 'studies', ['studies', i, 'conclusion'], 'the conclusion');
    checkStudyFigures(check, study, i, src, spans.get(i) ?? { start: 0, end: src.text.length });
  });

  checkQuotedWords(check, spans);
  checkClaims(check, spans);

  // A source that nothing names is unused, or a quote is missing its "from". A warning, not a problem: it checks
  // nothing and changes no slide, and a talk built source first (npm run edit) has one for a moment, before the
  // study drawn from it.
  const warnings: Problem[] = [];
  if (read.quotes && read.studies) {
    for (const src of sources.sources.values()) {
      if (!check.cited.has(src.id)) {
        warnings.push({ file: src.file, line: 1, column: 1, field: '', message: `no quote, clinic or study names this source: add "from: ${src.id}" to what comes from it, or delete the file` });
      }
    }
  }
  return { problems: check.problems, warnings, provenance: check.provenance };
}

/** Whether any quote, the clinic or any study names a source (a talk without a sources folder may not). */
function namesAnySource(read: Partial<Record<Source, Readable>>): boolean {
  const q = items(get(read.quotes?.data, 'quotes')) ?? [];
  const s = items(get(read.studies?.data, 'studies')) ?? [];
  return [...q, ...s, get(read.quotes?.data, 'clinic')].some((x) => get(x, 'from') !== undefined);
}
