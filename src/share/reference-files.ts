// The talk's references handed back (issue 28, item 3): a RIS file and a CSL-JSON file beside the deck, so a listener
// imports every study into Zotero, EndNote or Mendeley in one step instead of retyping a list. Citation.js writes
// both formats from CSL-JSON made here from each study's reference as studies.yaml gives it; nothing is looked up.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import type { TalkModel } from '../data/load-data.ts';
import { referencesJsonFile, referencesRisFile } from '../names/output-files.ts';
import { cslItem, type CslItem } from '../references/csl-item.ts';

/** Each study's reference in CSL-JSON, in the talk's order. */
export function cslItems(model: Pick<TalkModel, 'studies'>): CslItem[] {
  return model.studies.studies.map((s) => cslItem(s));
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
