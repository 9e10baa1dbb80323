// An import plan made into edits of studies.yaml's text (only the fields filled and the studies added change) and
// the source texts of abstracts to write. Pure: the command writes the results, and only when all of them are ready.
import { parseDocument } from 'yaml';
import { YamlEdit } from '../data/edit-yaml.ts';
import { CITATION_FIELDS, planImport, type ImportPlan, type StudyEntry } from './plan-import.ts';
import type { ImportedRecord } from './imported-record.ts';

export interface SourceToWrite {
  /** The study's id: the file is sources/<id>.txt. */
  id: string;
  text: string;
}

export interface ImportResult {
  plan: ImportPlan;
  /** studies.yaml as it will be written; the same text when nothing changes. */
  studiesText: string;
  sources: SourceToWrite[];
  /** Abstracts not written: the source file exists with other words, or the study draws on another source. */
  abstractsLeft: { id: string; why: string }[];
}

/** The studies of studies.yaml, read leniently. */
export function studyEntries(text: string): StudyEntry[] {
  const data = parseDocument(text).toJS() as { studies?: unknown } | null;
  const list = Array.isArray(data?.studies) ? (data.studies as unknown[]) : [];
  return list.map((s, index) => {
    const o = s && typeof s === 'object' ? (s as Record<string, unknown>) : {};
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      index,
      id: str(o.id),
      title: str(o.title),
      from: str(o.from),
      citation: o.citation && typeof o.citation === 'object' ? (o.citation as Record<string, unknown>) : undefined,
    };
  });
}

export interface ImportOptions {
  /** Write each record's abstract to sources/<study>.txt and point the study at it. */
  abstracts?: boolean;
  /** The source texts the talk has now, by id. */
  existingSources?: ReadonlyMap<string, string>;
}

export function applyImport(studiesText: string, records: readonly ImportedRecord[], { abstracts = false, existingSources = new Map() }: ImportOptions = {}): ImportResult {
  const studies = studyEntries(studiesText);
  const plan = planImport(studies, records);
  const edit = new YamlEdit(studiesText);
  const sources: SourceToWrite[] = [];
  const abstractsLeft: ImportResult['abstractsLeft'] = [];
  const abstractFor = (record: ImportedRecord, id: string, from: string | undefined): boolean => {
    if (!abstracts || !record.abstract) return false;
    if (from && from !== id) {
      abstractsLeft.push({ id, why: `the study draws on sources/${from}.txt already` });
      return false;
    }
    const text = `${record.title ? `${record.title}\n\n` : ''}${record.abstract.trim()}\n`;
    const now = existingSources.get(id);
    if (now !== undefined && now !== text) {
      abstractsLeft.push({ id, why: `sources/${id}.txt exists with other words, and is left as it is` });
      return false;
    }
    if (now === undefined) sources.push({ id, text });
    return !from;
  };
  for (const m of plan.matches) {
    const at = ['studies', m.study.index];
    if (m.fill.title) edit.set([...at, 'title'], m.fill.title);
    for (const field of CITATION_FIELDS) {
      const value = m.fill[field];
      if (value !== undefined) edit.set([...at, 'citation', field], value);
    }
    if (m.study.id && abstractFor(m.record, m.study.id, m.study.from)) edit.set([...at, 'from'], m.study.id);
  }
  for (const a of plan.additions) {
    const from = abstractFor(a.record, a.id, undefined);
    edit.append(['studies'], { id: a.id, ...(from ? { from: a.id } : {}), ...(a.title ? { title: a.title } : {}), citation: a.citation });
  }
  return { plan, studiesText: edit.text, sources, abstractsLeft };
}
