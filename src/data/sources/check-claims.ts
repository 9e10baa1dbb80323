// The sentences that state a finding (a takeaway, a tip, a study's "what it means" and "how sure", a result's
// detail, a hand-written slide that reports research) each name the passages of the talk's sources they rest on, or
// are marked as the speaker's own view. Each named passage is found word for word where the source speaks of what
// the claim rests on, and a claim resting only on hedged passages ("may", "seems") keeps a hedge of its own.
import type { Source } from '../check-references.ts';
import { formatPath } from '../data-error.ts';
import type { SourceText } from '../load-sources.ts';
import { findQuote, lineAt, shownPassage, wordsOf, type Word } from '../source-words.ts';
import { get, items } from '../raw-data.ts';
import { quotedCap, widen, type Provenance, type SourceCheck, type Span } from './context.ts';
import { positionIn } from './check-quoted.ts';

/** Where a claim's passages are looked for: a study's part of its source, or a whole source. */
interface Place {
  src: SourceText;
  words: Word[];
  /** What the claim says it rests on there, for messages: "negahban-2013". */
  name: string;
}

/** One claim, wherever it is written. */
interface Claim {
  text: string;
  passages: { words: string; at: { file: string; line: number; column: number; field: string } }[];
  own: boolean;
  places: Place[];
  /** Where the claim is, to report it and to show it on the provenance page. */
  at: { file: string; line: number; column: number; field: string };
  /** When the claim's own words are the source's (a result's detail with no passage): checked as its own passage. */
  selfQuoted?: boolean;
}

const USAGE = 'add "passages:" with the words of a source it rests on, word for word (… for words left out), or "own: true" if it is your own view';

export function checkClaims(check: SourceCheck, spans: Map<number, Span>): void {
  const all = [...check.sources.sources.values()];
  if (all.length === 0) return;
  const hedges = (check.input.hedges ?? []).map((h) => wordsOf(h).map((w) => w.text.toLowerCase())).filter((h) => h.length > 0);
  for (const claim of claims(check, spans, all)) {
    const found: NonNullable<Provenance['passages']> = [];
    let complete = true;
    for (const p of claim.passages) {
      const hit = locate(p.words, claim.places, all);
      if (hit.ok) {
        found.push({ source: hit.src.id, sourceFile: hit.src.file, passage: shownPassage(hit.src.text, ...widen(hit.src.text, hit.start, hit.end), quotedCap(p.words)), line: lineAt(hit.src.text, hit.start) });
      } else {
        complete = false;
        check.problems.push({ ...p.at, message: claim.selfQuoted ? hit.message.replace(/^the passage/, 'the detail') + ', or give the words it rests on in "passage:"' : hit.message });
      }
    }
    if (claim.passages.length === 0 && !claim.own) {
      check.problems.push({ ...claim.at, message: `"${short(claim.text)}" states a finding but rests on no passage of the sources: ${USAGE}` });
      continue;
    }
    if (!complete) continue;
    // A claim resting only on hedged words keeps a hedge: "may assist" is not "assists".
    const hedged = claim.passages.map((p) => hedgeIn(p.words, hedges));
    if (!claim.own && !claim.selfQuoted && hedged.length > 0 && hedged.every((h) => h !== undefined) && hedgeIn(claim.text, hedges) === undefined) {
      check.problems.push({
        ...claim.at,
        message:
          `"${short(claim.text, 300)}" drops the sources' hedge: every passage it rests on hedges ("${hedged[0]}" in "${short(claim.passages[0]!.words, 300)}"), but the sentence does not. ` +
          `Keep the hedge (${(check.input.hedges ?? []).slice(0, 4).map((h) => `"${h}"`).join(', ')}), or rest it on a passage that says it plainly`,
      });
      continue;
    }
    const where = `${claim.at.file}:${claim.at.line}  ${claim.at.field}`;
    const first = found[0];
    check.provenance.push({
      kind: claim.own ? 'own view' : 'claim',
      said: claim.text,
      where,
      source: first?.source ?? '',
      sourceFile: first?.sourceFile ?? '',
      passage: first?.passage ?? '',
      line: first?.line ?? 0,
      passages: found,
    });
  }
}

/** Every claim of the talk, with the places its passages should come from. */
function claims(check: SourceCheck, spans: Map<number, Span>, all: SourceText[]): Claim[] {
  const out: Claim[] = [];
  const { read, sources } = check;
  const studies = items(get(read.studies?.data, 'studies')) ?? [];
  const quotes = items(get(read.quotes?.data, 'quotes')) ?? [];
  const clinic = get(read.quotes?.data, 'clinic');
  const whole = (src: SourceText, name: string): Place => ({ src, words: src.words, name });
  const studyPlace = (i: number): Place | undefined => {
    const from = get(studies[i], 'from');
    const src = typeof from === 'string' ? sources.sources.get(from) : undefined;
    if (!src) return undefined;
    const span = spans.get(i);
    const name = String(get(studies[i], 'id') ?? `study ${i + 1}`);
    return span ? { src, words: src.words.filter((w) => w.start >= span.start && w.end <= span.end), name } : whole(src, name);
  };
  const placeOf = new Map<string, Place>();
  const known = new Set([...studies, ...quotes, clinic].map((x) => get(x, 'id')).filter((id): id is string => typeof id === 'string'));
  studies.forEach((s, i) => {
    const id = get(s, 'id');
    const place = studyPlace(i);
    if (typeof id === 'string' && place) placeOf.set(id, place);
  });
  for (const q of [...quotes, clinic]) {
    const id = get(q, 'id');
    const from = get(q, 'from');
    const src = typeof from === 'string' ? sources.sources.get(from) : undefined;
    if (typeof id === 'string' && src) placeOf.set(id, whole(src, id));
  }
  const field = (source: Source, path: PropertyKey[]) => ({ file: check.input.fileOf(source), ...check.at(source, path), field: formatPath(path) });
  const passagesOf = (source: Source, path: PropertyKey[], value: unknown) =>
    (items(value) ?? []).flatMap((p, k) => (typeof p === 'string' ? [{ words: p, at: field(source, [...path, k]) }] : []));

  // Takeaways and tips: their basis names studies and quotes, and their passages come from those.
  for (const list of ['takeaways', 'tips'] as const) {
    items(get(read.takeaways?.data, list))?.forEach((point, i) => {
      const text = get(point, 'text');
      if (typeof text !== 'string') return;
      const basis = (items(get(point, 'basis')) ?? []).filter((b): b is string => typeof b === 'string');
      // An id no study or quote has is reported by the id check: the passages are not also held to a guess.
      if (basis.some((b) => !known.has(b))) return;
      // A study or quote with no source of its own (its figures from the paper) leaves its passages to any source.
      const places = basis.some((b) => !placeOf.has(b)) ? all.map((s) => whole(s, s.id)) : basis.map((b) => placeOf.get(b)!);
      out.push({
        text,
        passages: passagesOf('takeaways', [list, i, 'passages'], get(point, 'passages')),
        own: get(point, 'own') === true,
        places: places.length ? places : all.map((s) => whole(s, s.id)),
        at: field('takeaways', [list, i, 'text']),
      });
    });
  }

  // Each study's "what it means" and "how sure", resting on the study's part of its source; each result's detail.
  studies.forEach((study, i) => {
    const place = studyPlace(i);
    if (!place) return; // a study with no source of its own is not held to one
    for (const key of ['meaning', 'caveat'] as const) {
      const value = get(study, key);
      const text = typeof value === 'string' ? value : get(value, 'text');
      if (typeof text !== 'string') continue;
      const path = typeof value === 'string' ? ['studies', i, key] : ['studies', i, key, 'text'];
      out.push({ text, passages: passagesOf('studies', ['studies', i, key, 'passages'], get(value, 'passages')), own: get(value, 'own') === true, places: [place], at: field('studies', path) });
    }
    items(get(study, 'results'))?.forEach((r, j) => {
      const detail = get(r, 'detail');
      if (typeof detail !== 'string' || get(r, 'source') === 'paper' || get(r, 'direction') === 'not reported') return;
      const passage = get(r, 'passage');
      const path = ['studies', i, 'results', j];
      // A detail with a passage rests on it (its words are checked with the figures); one without is the source's words.
      if (typeof passage === 'string') out.push({ text: detail, passages: [{ words: passage, at: field('studies', [...path, 'passage']) }], own: false, places: [place], at: field('studies', [...path, 'detail']) });
      else out.push({ text: detail, passages: [{ words: detail, at: field('studies', [...path, 'detail']) }], own: false, places: [place], at: field('studies', [...path, 'detail']), selfQuoted: true });
    });
  });

  // Hand-written slides that say they report research: the front matter names the passages, or says "own: true".
  for (const [entry, slide] of check.input.markdown) {
    if (slide.reports !== 'research' && !slide.own && !slide.passages) continue;
    const raw = check.input.markdownText(entry);
    const pos = (words: string) => positionIn(raw, { line: 1, column: 1 }, words);
    out.push({
      text: slide.title,
      passages: (slide.passages ?? []).map((p) => ({ words: p, at: { file: slide.file, ...pos(p), field: 'passages' } })),
      own: slide.own === true,
      places: all.map((s) => whole(s, s.id)),
      at: { file: slide.file, line: 1, column: 1, field: 'reports' },
    });
  }
  return out;
}

type Located = { ok: true; src: SourceText; start: number; end: number } | { ok: false; message: string };

/** A passage in one of the places the claim rests on; elsewhere in a source is not enough, and is said. */
function locate(words: string, places: Place[], all: SourceText[]): Located {
  let miss: { place: Place; start: number; end: number; difference: string } | undefined;
  for (const place of places) {
    const found = findQuote(words, place.words);
    if (found.found) return { ok: true, src: place.src, start: found.start, end: found.end };
    miss ??= { place, start: found.start, end: found.end, difference: found.difference };
  }
  const elsewhere = all.map((src) => ({ src, found: findQuote(words, src.words) })).find((x) => x.found.found);
  const names = [...new Set(places.map((p) => p.name))].join(', ');
  if (elsewhere && elsewhere.found.found) {
    return {
      ok: false,
      message: `the passage "${short(words)}" is in ${elsewhere.src.file} (line ${lineAt(elsewhere.src.text, elsewhere.found.start)}), but not where it speaks of what this rests on (${names}): rest it on the study or quote those words are about, or quote the words about ${names}`,
    };
  }
  if (!miss) return { ok: false, message: `the passage "${short(words)}" has no source to be found in` };
  const { place, start, end, difference } = miss;
  return {
    ok: false,
    message: `the passage is not word for word in ${place.src.file}${place.words !== place.src.words ? ` where it speaks of ${place.name}` : ''}: it ${difference}. Nearest passage (line ${lineAt(place.src.text, start)}): "${shownPassage(place.src.text, start, end)}"`,
  };
}

/** The first hedge ("may", "can occur") found in the text as whole words, if any. */
export function hedgeIn(text: string, hedges: readonly (readonly string[])[]): string | undefined {
  const words = wordsOf(text).map((w) => w.text.toLowerCase());
  for (const h of hedges) {
    for (let i = 0; i + h.length <= words.length; i++) {
      if (h.every((x, k) => words[i + k] === x)) return h.join(' ');
    }
  }
  return undefined;
}

/** A claim or passage in a message: whole when it is a sentence or two, cut short (marked …) when longer. */
function short(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}…` : t;
}
