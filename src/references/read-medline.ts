// PubMed's own export (MEDLINE, the .nbib file "Send to → Citation manager" saves) as CSL-JSON. Citation.js has no
// offline reader for it (its PubMed plugin only fetches from NCBI's web service, which a build must never call), so
// this small one reads the format's few rules: a tag of up to four letters padded to four, "- ", the value; a line
// starting with six spaces continues the one before; a blank line ends a record.
import type { ImportedRecord } from './imported-record.ts';
import { monthNumber } from './csl-item.ts';

interface Field {
  tag: string;
  value: string;
}

/** The records of a MEDLINE file, each with the line it starts on. Throws RecordError on a record without a PMID. */
export function readMedline(text: string): ImportedRecord[] {
  const records: { line: number; fields: Field[] }[] = [];
  let current: { line: number; fields: Field[] } | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) {
      current = undefined;
      return;
    }
    const tagged = /^([A-Z][A-Z0-9]{0,3})\s*- (.*)$/.exec(raw);
    if (tagged) {
      if (!current) records.push((current = { line: i + 1, fields: [] }));
      current.fields.push({ tag: tagged[1]!, value: tagged[2]!.trim() });
    } else if (/^ {6}/.test(raw) && current?.fields.length) {
      current.fields[current.fields.length - 1]!.value += ` ${raw.trim()}`;
    } else {
      throw new RecordError(i + 1, `line ${i + 1} is not a MEDLINE field ("TI  - …", "AU  - …"): is this a PubMed .nbib file?`);
    }
  });
  return records.map(({ line, fields }, n) => toRecord(fields, line, n + 1));
}

export class RecordError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}


function toRecord(fields: Field[], line: number, n: number): ImportedRecord {
  const one = (tag: string) => fields.find((f) => f.tag === tag)?.value;
  const all = (tag: string) => fields.filter((f) => f.tag === tag).map((f) => f.value);
  const pmid = one('PMID');
  if (!pmid) throw new RecordError(line, `record ${n} (line ${line}) has no PMID: a PubMed record always starts with "PMID- "`);
  // Full names ("Negahban, Hossein") where given, else the short ones ("Negahban H").
  const full = all('FAU');
  const authors = (full.length ? full : all('AU')).map((a) => {
    const [family, given] = a.includes(',') ? a.split(/,\s*/, 2) : [a.replace(/\s+[A-Z]+$/, ''), /\s([A-Z]+)$/.exec(a)?.[1]];
    return given ? { family: family!, given } : { family: family! };
  });
  const dp = one('DP') ?? '';
  const year = /^(\d{4})/.exec(dp)?.[1];
  const month = monthNumber(/^\d{4}\s+([A-Za-z]{3})/.exec(dp)?.[1] ?? '');
  const doi = [...all('LID'), ...all('AID')].find((v) => / \[doi\]$/.test(v))?.replace(/ \[doi\]$/, '');
  return {
    line,
    label: `record ${n} (line ${line}, PMID ${pmid})`,
    title: one('TI')?.replace(/\.$/, ''),
    authors,
    journal: one('JT') ?? one('TA'),
    ...(year ? { year: Number(year) } : {}),
    ...(month ? { month } : {}),
    volume: one('VI'),
    issue: one('IP'),
    pages: one('PG') ? fullPages(one('PG')!) : undefined,
    doi,
    pmid,
    abstract: one('AB'),
  };
}

/** MEDLINE shortens page ranges ("1126-36"): written out in full ("1126-1136") as the talk's references give them. */
export function fullPages(pages: string): string {
  const m = /^(\d+)-(\d+)$/.exec(pages.trim());
  if (!m || m[2]!.length >= m[1]!.length) return pages.trim();
  return `${m[1]}-${m[1]!.slice(0, m[1]!.length - m[2]!.length)}${m[2]}`;
}
