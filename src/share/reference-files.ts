// The talk's references handed back (issue 28, item 3): a RIS file and a CSL-JSON file beside the deck, so a listener
// imports every study into Zotero, EndNote or Mendeley in one step instead of retyping a list. Citation.js writes
// both formats from CSL-JSON made here from each study's reference as studies.yaml gives it; nothing is looked up.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import type { TalkModel } from '../data/load-data.ts';
import type { Study } from '../schema/index.ts';
import { referencesJsonFile, referencesRisFile } from '../names/output-files.ts';
import { doiUrl, pubmedUrl } from '../render/citation.ts';

/** One reference in CSL-JSON, the form citation managers and citeproc read. */
export interface CslItem {
  id: string;
  type: 'article-journal';
  title: string;
  author: { family: string; given?: string }[];
  'container-title': string;
  issued?: { 'date-parts': number[][] };
  volume?: string;
  issue?: string;
  page?: string;
  number?: string;
  note?: string;
  DOI?: string;
  PMID?: string;
  URL?: string;
}

/** Each study's reference in CSL-JSON, in the talk's order. */
export function cslItems(model: Pick<TalkModel, 'studies'>): CslItem[] {
  return model.studies.studies.map(cslItem);
}

/** Text on one line: in RIS a line break would end a field, and a line starting "ER  - " would end the record. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function cslItem(study: Study): CslItem {
  const c = study.citation;
  const item: CslItem = { id: study.id, type: 'article-journal', title: oneLine(study.title), author: authorsOf(oneLine(c.authors)), 'container-title': oneLine(c.journal) };
  const year = c.year ?? yearIn(c.details);
  if (year !== undefined) item.issued = { 'date-parts': [[year]] };
  const where = c.details ? volumeIssuePages(c.details) : undefined;
  if (where) Object.assign(item, where);
  else if (c.details) item.note = oneLine(c.details);
  if (c.doi) item.DOI = c.doi;
  if (c.pmid) item.PMID = c.pmid;
  const url = c.doi ? doiUrl(c.doi) : c.pmid ? pubmedUrl(c.pmid) : undefined;
  if (url) item.URL = url;
  return item;
}

/**
 * "Negahban H, Rezaie S, Goharpey S" (Vancouver style, as references lists give them) as CSL names. "et al." is
 * left out: CSL has no word for it, and the names given are the ones known.
 */
export function authorsOf(authors: string): CslItem['author'] {
  return authors
    .replace(/,?\s*et al\.?\s*$/i, '')
    .split(/\s*[,;]\s*/)
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      const m = /^(.+?)\s+([A-Z]{1,3})\.?$/u.exec(a);
      return m ? { family: m[1]!, given: m[2]! } : { family: a };
    });
}

function yearIn(details: string | undefined): number | undefined {
  const m = details ? /\b(1[89]\d\d|20\d\d|21\d\d)\b/.exec(details) : null;
  return m ? Number(m[1]) : undefined;
}

/** "2013 Dec; 27(12):1126–1136", "2(3):168–174" or "article 640916" as CSL's volume, issue, page or number. */
export function volumeIssuePages(details: string): Partial<CslItem> | undefined {
  const vip = /(\d+)\s*\(([^)]+)\)\s*:\s*([\w–-]+)/.exec(details);
  if (vip) return { volume: vip[1]!, issue: vip[2]!, page: vip[3]!.replace('–', '-') };
  const article = /\barticle\s+(\w+)/i.exec(details);
  if (article) return { number: article[1]! };
  return undefined;
}

/**
 * The references as RIS. Citation.js wraps values at 70 characters, which some managers read as two words; RIS
 * allows a line of 255, so each tag's value is joined back onto its one line.
 */
export function risText(items: CslItem[]): string {
  const wrapped = new Cite(items).format('ris', { type: 'text' }) as string;
  const lines: string[] = [];
  for (const line of wrapped.split(/\r?\n/)) {
    if (/^[A-Z][A-Z0-9]  - /.test(line) || lines.length === 0) lines.push(line);
    else lines[lines.length - 1] += line;
  }
  // Blank lines between records are kept; the last record's "ER  - " keeps its space (some readers want it).
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\r\n')}\r\n`;
}

/** The two files the build writes beside the deck (a talk always has a study: the schema asks for one). */
export function referenceFiles(model: TalkModel): [{ fileName: string; source: string }, { fileName: string; source: string }] {
  const items = cslItems(model);
  return [
    { fileName: referencesRisFile(model.talk), source: risText(items) },
    { fileName: referencesJsonFile(model.talk), source: `${JSON.stringify(items, null, 2)}\n` },
  ];
}
