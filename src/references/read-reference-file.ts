// Reads what PubMed, Zotero, EndNote or Mendeley export (RIS, BibTeX, PubMed's MEDLINE .nbib, CSL-JSON) into the
// few fields a study's reference has. Citation.js reads RIS, BibTeX and CSL-JSON; MEDLINE is read by read-medline.ts.
// The file's shape is checked first, record by record, so a mistake is named by its line and record.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import { extname } from 'node:path';
import type { ImportedRecord } from './imported-record.ts';
import { readMedline, RecordError } from './read-medline.ts';

export type ReferenceFormat = 'ris' | 'bibtex' | 'medline' | 'csl-json';

/** A file bigger than this is not one talk's references (a PubMed export of 200 studies is under 1 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export class ImportFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const BY_EXTENSION: Record<string, ReferenceFormat> = {
  '.ris': 'ris',
  '.bib': 'bibtex',
  '.bibtex': 'bibtex',
  '.nbib': 'medline',
  '.medline': 'medline',
  '.json': 'csl-json',
};

/** The format by the file's name, else by how it starts. */
export function formatOf(name: string, text: string): ReferenceFormat | undefined {
  const byName = BY_EXTENSION[extname(name).toLowerCase()];
  if (byName) return byName;
  const start = text.trimStart();
  if (/^TY {2}- /.test(start)) return 'ris';
  if (/^PMID- /.test(start)) return 'medline';
  if (/^@\w+\s*[{(]/.test(start)) return 'bibtex';
  if (/^[[{]/.test(start)) return 'csl-json';
  return undefined;
}

/** The file's bytes as text: UTF-8 only (with or without its byte-order mark). */
export function decodeReferenceFile(bytes: Uint8Array): string {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError(1, `the file is ${Math.round(bytes.length / 1048576)} MB: an export of a talk's references is far smaller. Is it the right file?`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileError(1, 'the file is not UTF-8 text: export it again as UTF-8 (in Zotero and EndNote, the export\'s "Character encoding")');
  }
}

export function readReferences(format: ReferenceFormat, text: string): ImportedRecord[] {
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (control) throw new ImportFileError(lineAt(text, control.index), `the file holds a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) that is not text`);
  try {
    if (format === 'medline') return readMedline(text);
    if (format === 'ris') return readRis(text);
    if (format === 'bibtex') return readBibtex(text);
    return readCslJson(text);
  } catch (e) {
    if (e instanceof RecordError) throw new ImportFileError(e.line, e.message);
    throw e;
  }
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/**
 * RIS: each record from "TY  - " to "ER  - ", checked here (Citation.js would take a record with no end as ending at
 * the file's end), then read by Citation.js one record at a time so each keeps its line.
 */
function readRis(text: string): ImportedRecord[] {
  const lines = text.split(/\r?\n/);
  const records: { line: number; text: string[] }[] = [];
  let open: { line: number; text: string[] } | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '');
    if (/^TY {2}- /.test(line)) {
      if (open) throw new RecordError(open.line, `record ${records.length} (line ${open.line}) has no end: a "ER  - " line is missing before the next record at line ${i + 1}`);
      records.push((open = { line: i + 1, text: [line] }));
    } else if (/^ER {2}-/.test(line)) {
      if (!open) throw new RecordError(i + 1, `line ${i + 1} ends a record ("ER  - ") that never began with "TY  - "`);
      open.text.push('ER  - ');
      open = undefined;
    } else if (open) open.text.push(line);
    else if (line.trim()) throw new RecordError(i + 1, `line ${i + 1} is outside any record: a RIS record starts with "TY  - "`);
  });
  if (open) throw new RecordError(open.line, `record ${records.length} (line ${open.line}) has no end: the file ends before its "ER  - " line`);
  if (!records.length) throw new RecordError(1, 'the file has no RIS record (each starts with "TY  - ")');
  return records.map((r, n) => {
    const label = `record ${n + 1} (line ${r.line})`;
    const item = parseOne(r.text.join('\n'), '@ris/file', r.line, label);
    // PubMed writes its id as the accession number ("AN  - 23828184"); Zotero keeps it in a note ("PMID: 23828184").
    const an = r.text.map((l) => /^AN {2}- (\d{5,9})\s*$/.exec(l)?.[1]).find(Boolean);
    const note = r.text.map((l) => /^N1 {2}- .*\bPMID:\s*(\d{5,9})\b/.exec(l)?.[1]).find(Boolean);
    return fromCsl(item, r.line, label, an ?? note);
  });
}

function readBibtex(text: string): ImportedRecord[] {
  // Where each entry starts ("@article{negahban2013,"), for its line; the parsing is Citation.js's.
  const starts = [...text.matchAll(/^[ \t]*@(\w+)\s*[{(]\s*([^,\s]*)/gm)].filter((m) => !/^(comment|preamble|string)$/i.test(m[1]!));
  let items: Record<string, unknown>[];
  try {
    items = new Cite(text, { forceType: '@biblatex/text' }).data as Record<string, unknown>[];
  } catch (e) {
    const at = /at line (\d+)/.exec((e as Error).message);
    const line = at ? Number(at[1]) : 1;
    const entry = starts.filter((m) => lineAt(text, m.index) <= line).at(-1);
    throw new RecordError(
      line,
      `the BibTeX could not be read${entry ? ` in entry ${entry[2] || entry[1]} (line ${lineAt(text, entry.index)})` : ''}: ${firstLine((e as Error).message)}. Check that every { has its }`,
    );
  }
  if (!items.length) throw new RecordError(1, 'the file has no BibTeX entry (each starts with "@article{" or the like)');
  return items.map((item, n) => {
    const start = starts.find((m) => m[2] === item['citation-key']) ?? starts[n];
    const line = start ? lineAt(text, start.index) : 1;
    return fromCsl(item, line, `entry ${String(item['citation-key'] ?? n + 1)} (line ${line})`);
  });
}

function readCslJson(text: string): ImportedRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    throw new RecordError(at ? lineAt(text, Number(at[1])) : 1, `the file is not valid JSON: ${firstLine((e as Error).message)}`);
  }
  if (!Array.isArray(data)) throw new RecordError(1, 'a CSL-JSON file is a list of references ([ {…}, {…} ]), and this file holds one value that is not a list');
  if (!data.length) throw new RecordError(1, 'the list of references is empty');
  return data.map((entry, n) => {
    const label = `reference ${n + 1}${entry && typeof entry === 'object' && 'id' in entry ? ` ("${String((entry as { id: unknown }).id)}")` : ''}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new RecordError(1, `${label} is not a reference (a group of fields such as "title" and "author")`);
    const item = parseOne(JSON.stringify([entry]), '@csl/list+object', 1, label);
    return fromCsl(item, 1, label);
  });
}

function parseOne(text: string, type: string, line: number, label: string): Record<string, unknown> {
  try {
    const data = new Cite(type === '@csl/list+object' ? JSON.parse(text) : text, { forceType: type }).data as Record<string, unknown>[];
    if (data.length !== 1) throw new Error(`it reads as ${data.length} references`);
    return data[0]!;
  } catch (e) {
    throw new RecordError(line, `${label} could not be read: ${firstLine((e as Error).message)}`);
  }
}

const firstLine = (s: string) => s.split('\n')[0]!.trim();

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

function fromCsl(item: Record<string, unknown>, line: number, label: string, pmid?: string): ImportedRecord {
  const parts = (item.issued as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0];
  const year = typeof parts?.[0] === 'number' ? parts[0] : Number(parts?.[0]) || undefined;
  const month = parts?.[1] !== undefined ? Number(parts[1]) || undefined : undefined;
  const names = Array.isArray(item.author) ? (item.author as Record<string, unknown>[]) : [];
  const doi = str(item.DOI)?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  return {
    line,
    label,
    title: str(item.title),
    authors: names
      .map((a) => ({ family: str(a.family) ?? str(a.literal) ?? '', given: str(a.given) }))
      .filter((a) => a.family)
      .map((a) => (a.given ? a : { family: a.family })),
    journal: str(item['container-title']),
    ...(year ? { year } : {}),
    ...(month && month >= 1 && month <= 12 ? { month } : {}),
    volume: str(item.volume),
    issue: str(item.issue),
    pages: str(item.page),
    number: str(item.number),
    doi,
    pmid: str(item.PMID) ?? pmid,
    abstract: str(item.abstract),
  };
}
