// What importing references would change, worked out before anything is written: each record matched to a study
// (by DOI, then PubMed id, then title), the reference fields it would fill, the ones it leaves alone because the
// talk already says something else, and the studies it would add. A record that matches two studies, or two
// records one study, stops the import: nothing is written.
import type { ImportedRecord } from './imported-record.ts';
import { MONTHS } from './csl-item.ts';

/** A study as studies.yaml holds it, read leniently (a new talk's file may not pass the check yet). */
export interface StudyEntry {
  index: number;
  id?: string;
  title?: string;
  from?: string;
  citation?: Record<string, unknown>;
}

export const CITATION_FIELDS = ['authors', 'journal', 'year', 'details', 'doi', 'pmid'] as const;
export type CitationField = (typeof CITATION_FIELDS)[number];
export type CitationValues = Partial<Record<CitationField, string | number>>;

export interface Difference {
  field: CitationField | 'title';
  talk: unknown;
  file: string | number;
}

export interface Match {
  record: ImportedRecord;
  study: StudyEntry;
  by: 'DOI' | 'PubMed id' | 'title';
  fill: CitationValues & { title?: string };
  differs: Difference[];
}

export interface Addition {
  record: ImportedRecord;
  id: string;
  title?: string;
  citation: CitationValues;
}

export interface ImportPlan {
  matches: Match[];
  additions: Addition[];
}

export class ImportConflict extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A record's reference in studies.yaml's words: "Negahban H, Rezaie S", "2013 Dec; 27(12):1126–1136". */
export function citationValues(r: ImportedRecord): CitationValues {
  const out: CitationValues = {};
  const authors = r.authors.map((a) => (a.given ? `${a.family} ${initials(a.given)}` : a.family)).join(', ');
  if (authors) out.authors = authors;
  if (r.journal) out.journal = r.journal;
  if (r.year) out.year = r.year;
  const details = detailsOf(r);
  if (details) out.details = details;
  if (r.doi) out.doi = r.doi;
  if (r.pmid) out.pmid = r.pmid;
  return out;
}

/** "Hossein" → "H", "Mary Ann" → "MA", "J.-P." → "JP", "H." → "H". */
export function initials(given: string): string {
  return given
    .split(/[\s.\-]+/)
    .filter(Boolean)
    .map((part) => (/^[A-Z]+$/u.test(part) && part.length <= 3 ? part : part[0]!.toLocaleUpperCase()))
    .join('');
}

function detailsOf(r: ImportedRecord): string | undefined {
  const pages = r.pages?.replace(/\s*[-–]+\s*/, '–');
  let where = '';
  if (r.volume) where = `${r.volume}${r.issue ? `(${r.issue})` : ''}${pages ? `:${pages}` : ''}`;
  else if (r.number) where = `article ${r.number}`;
  else if (pages) where = pages;
  if (r.volume && r.number && !pages) where += `, article ${r.number}`;
  const when = r.year && r.month ? `${r.year} ${MONTHS[r.month - 1]}` : '';
  return [when, where].filter(Boolean).join('; ') || undefined;
}

const norm = (s: string | undefined) =>
  (s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function planImport(studies: readonly StudyEntry[], records: readonly ImportedRecord[]): ImportPlan {
  const matches: Match[] = [];
  const additions: Addition[] = [];
  const taken = new Map<number, ImportedRecord>();
  const ids = new Set(studies.map((s) => s.id).filter((id): id is string => Boolean(id)));
  for (const record of records) {
    const found = matchOf(studies, record);
    if (found) {
      const before = taken.get(found.study.index);
      if (before) throw new ImportConflict(record.line, `${record.label} and ${before.label} both match study ${found.study.id ?? found.study.index + 1} (by ${found.by}): remove one from the file`);
      taken.set(found.study.index, record);
      matches.push(compare(found.study, record, found.by));
    } else {
      const id = newId(record, ids);
      ids.add(id);
      additions.push({ record, id, ...(record.title ? { title: record.title } : {}), citation: citationValues(record) });
    }
  }
  return { matches, additions };
}

function matchOf(studies: readonly StudyEntry[], r: ImportedRecord): { study: StudyEntry; by: Match['by'] } | undefined {
  const tries: [Match['by'], (s: StudyEntry) => boolean][] = [
    ['DOI', (s) => Boolean(r.doi) && String(s.citation?.doi ?? '').toLowerCase() === r.doi!.toLowerCase()],
    ['PubMed id', (s) => Boolean(r.pmid) && String(s.citation?.pmid ?? '') === r.pmid],
    ['title', (s) => Boolean(norm(r.title)) && norm(s.title) === norm(r.title)],
  ];
  for (const [by, test] of tries) {
    const hits = studies.filter(test);
    if (hits.length > 1) throw new ImportConflict(r.line, `${r.label} matches ${hits.length} studies by its ${by} (${hits.map((s) => s.id ?? s.index + 1).join(' and ')}): two studies in studies.yaml share it. Correct studies.yaml first`);
    if (hits.length === 1) return { study: hits[0]!, by };
  }
  return undefined;
}

function compare(study: StudyEntry, record: ImportedRecord, by: Match['by']): Match {
  const fill: Match['fill'] = {};
  const differs: Difference[] = [];
  const values = citationValues(record);
  for (const field of CITATION_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    const now = study.citation?.[field];
    if (now === undefined || now === null || now === '') fill[field] = value;
    else if (String(now) !== String(value)) differs.push({ field, talk: now, file: value });
  }
  if (record.title && !study.title) fill.title = record.title;
  else if (record.title && norm(study.title) !== norm(record.title)) differs.push({ field: 'title', talk: study.title, file: record.title });
  return { record, study, by, fill, differs };
}

/** "smith-2020" from the first author and year; "-b", "-c" after it when taken. */
function newId(r: ImportedRecord, ids: Set<string>): string {
  const family = norm(r.authors[0]?.family).replace(/ /g, '-') || 'study';
  const base = `${family}${r.year ? `-${r.year}` : ''}`.replace(/^-+|-+$/g, '').slice(0, 60);
  if (!ids.has(base)) return base;
  for (let i = 1; ; i++) {
    const id = `${base}-${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;
    if (!ids.has(id)) return id;
  }
}
