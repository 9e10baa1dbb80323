// Source first: words selected in a source text become a study's conclusion, a result's words, a claim's passage, a
// figure; the editor writes the value with where it came from (the study's `from:`, the passage), so npm run check
// verifies it against the same text. Pure functions on the talk's data, so they are tested without a page.

export type Data = Record<string, unknown>;

export interface Selection {
  source: string;
  text: string;
  /** The source's whole text and where the selection starts in it. */
  whole: string;
  start: number;
}

export type Target =
  | { kind: 'conclusion'; study: number | 'new' }
  | { kind: 'detail'; study: number; result: number | 'new' }
  | { kind: 'passage'; claim: ClaimRef }
  | { kind: 'change' | 'p'; study: number; result: number | 'new' }
  | { kind: 'count'; study: number }
  | { kind: 'quote' };

export type ClaimRef = { file: 'studies'; study: number; field: 'meaning' | 'caveat' } | { file: 'takeaways'; list: 'takeaways' | 'tips'; index: number };

export class SelectionProblem extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/** The selected words as one passage: white space made single, and not empty. */
export function passageOf(selection: Selection): string {
  const text = selection.text.replace(/\s+/g, ' ').trim();
  if (!text) throw new SelectionProblem('selectionNone');
  return text;
}

/** The selected number, which must stand on its own (not "12" of "B12" or of "2012a"). */
export function numberOf(selection: Selection): number {
  const text = selection.text.trim();
  const lead = selection.text.length - selection.text.trimStart().length;
  const before = selection.whole[selection.start + lead - 1] ?? ' ';
  const after = selection.whole[selection.start + lead + text.length] ?? ' ';
  if (!/^[-−]?\d+([.,]\d+)?$/.test(text)) throw new SelectionProblem('notANumber');
  if (/[\p{L}\p{N}_]/u.test(before) || /[\p{L}\p{N}_]/u.test(after) || (before === '.' && /\d/.test(selection.whole[selection.start + lead - 2] ?? ''))) throw new SelectionProblem('numberInWord');
  return Number(text.replace('−', '-').replace(',', '.'));
}

/** The sentence the selection sits in, as the passage that holds a figure. */
export function sentenceAround(selection: Selection): string {
  const { whole, start } = selection;
  const end = start + selection.text.length;
  const stops = /[.!?]\s|\n\s*\n/g;
  let from = 0;
  let to = whole.length;
  for (const m of whole.matchAll(stops)) {
    const at = m.index + 1;
    if (at <= start) from = at;
    else if (m.index >= end) {
      to = m.index + 1;
      break;
    }
  }
  return whole.slice(from, to).replace(/\s+/g, ' ').trim();
}

const NEW_STUDY = (source: string, n: number): Data => ({ id: n ? `${source}-${n + 1}` : source, from: source });

/** The data with the selection placed; a new study or result added where the target says "new". */
export interface TalkData {
  studies?: Data;
  takeaways?: Data;
  quotes?: Data;
}

export function place(data: TalkData, selection: Selection, target: Target): TalkData {
  const out = structuredClone(data);
  const studies = ((out.studies ??= {}).studies ??= []) as Data[];
  const studyAt = (i: number | 'new'): Data => {
    if (i === 'new') {
      const taken = new Set(studies.map((s) => s.id));
      let n = 0;
      while (taken.has(NEW_STUDY(selection.source, n).id)) n++;
      studies.push(NEW_STUDY(selection.source, n));
      return studies[studies.length - 1]!;
    }
    const study = studies[i];
    if (!study) throw new SelectionProblem('noSuchStudy');
    // The study's figures and words are checked against this source.
    if (study.from === undefined) study.from = selection.source;
    else if (study.from !== selection.source) throw new SelectionProblem('otherSource');
    return study;
  };
  const resultAt = (study: Data, r: number | 'new'): Data => {
    const results = (study.results ??= []) as Data[];
    if (r === 'new') {
      results.push({ outcome: '', direction: 'improved' });
      return results[results.length - 1]!;
    }
    if (!results[r]) throw new SelectionProblem('noSuchResult');
    return results[r]!;
  };
  switch (target.kind) {
    case 'conclusion':
      studyAt(target.study).conclusion = passageOf(selection);
      break;
    case 'detail':
      resultAt(studyAt(target.study), target.result).detail = passageOf(selection);
      break;
    case 'change':
    case 'p': {
      const value = numberOf(selection);
      const result = resultAt(studyAt(target.study), target.result);
      result[target.kind] = value;
      result.passage = sentenceAround(selection);
      break;
    }
    case 'count': {
      const study = studyAt(target.study);
      const count = numberOf(selection);
      if (!Number.isInteger(count) || count <= 0) throw new SelectionProblem('notACount');
      study.participants = { ...((study.participants as Data) ?? {}), count, text: sentenceAround(selection), source: 'seed' };
      break;
    }
    case 'quote': {
      // The words as said, paragraphs kept; who said it is for the person to fill in (the form marks it).
      const quotes = ((out.quotes ??= {}).quotes ??= []) as Data[];
      const taken = new Set(quotes.map((q) => q.id));
      let n = 1;
      while (taken.has(`${selection.source}-quote-${n}`)) n++;
      const text = selection.text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
      if (!text) throw new SelectionProblem('selectionNone');
      quotes.push({ id: `${selection.source}-quote-${n}`, from: selection.source, text });
      break;
    }
    case 'passage': {
      const claimHolder = target.claim.file === 'studies' ? studyAt(target.claim.study) : (((out.takeaways ??= {})[target.claim.list] as Data[] | undefined)?.[target.claim.index]);
      if (!claimHolder) throw new SelectionProblem('noSuchClaim');
      const key = target.claim.file === 'studies' ? target.claim.field : undefined;
      const claim = key ? claimHolder[key] : claimHolder;
      const asObject: Data = typeof claim === 'string' ? { text: claim } : ((claim as Data | undefined) ?? { text: '' });
      const passages = [...((asObject.passages as string[] | undefined) ?? []), passageOf(selection)];
      const next: Data = { ...asObject, passages };
      delete next.own;
      if (key) claimHolder[key] = next;
      else {
        Object.assign(claimHolder, next);
        delete claimHolder.own;
        // A takeaway or tip rests on a study or quote: the one drawn from this source, when it names none yet.
        const basis = (claimHolder.basis as string[] | undefined) ?? [];
        if (!basis.length) {
          const quotes = ((out.quotes?.quotes as Data[] | undefined) ?? []);
          const from = [...studies, ...quotes].find((x) => x.from === selection.source)?.id;
          if (typeof from === 'string') claimHolder.basis = [from];
        }
      }
      break;
    }
  }
  return out;
}
