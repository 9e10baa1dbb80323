// The part of each study's source that is about it, so a figure or a short quotation said of a study is looked
// for where the source speaks of that study, not anywhere in it.
import type { LoadedSources } from '../load-sources.ts';
import { findQuote } from '../source-words.ts';
import { get } from '../raw-data.ts';
import type { Span } from './context.ts';

/** From each study's title in its source to the next study title in that source. */
export function studySpans(studies: unknown[], sources: LoadedSources): Map<number, Span> {
  const starts: { i: number; from: string; start: number }[] = [];
  studies.forEach((study, i) => {
    const from = get(study, 'from');
    const title = get(study, 'title');
    const src = typeof from === 'string' ? sources.sources.get(from) : undefined;
    if (!src || typeof title !== 'string') return;
    const found = findQuote(title, src.words);
    if (found.found) starts.push({ i, from: src.id, start: found.start });
  });
  const spans = new Map<number, Span>();
  for (const s of starts) {
    const next = starts.filter((o) => o.from === s.from && o.start > s.start).map((o) => o.start);
    spans.set(s.i, { start: s.start, end: next.length ? Math.min(...next) : sources.sources.get(s.from)!.text.length });
  }
  return spans;
}
