// A study's reference as CSL-JSON, the form citeproc formats and citation managers read. Made only from what
// studies.yaml gives (its `citation:` and title): nothing is looked up, and nothing is guessed that a style would
// then print as fact (an "accepted 2013" stays a status, not a date of publication).
import type { Study } from '../schema/index.ts';

/** One reference in CSL-JSON. */
export interface CslItem {
  id: string;
  type: 'article-journal';
  title: string;
  author: CslName[];
  'container-title': string;
  issued?: { 'date-parts': number[][] };
  volume?: string;
  issue?: string;
  page?: string;
  number?: string;
  status?: string;
  DOI?: string;
  PMID?: string;
  URL?: string;
}

export type CslName = { family: string; given?: string; suffix?: string } | { literal: string };

export const doiUrl = (doi: string) => `https://doi.org/${doi}`;
export const pubmedUrl = (pmid: string) => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;

/** Text on one line: in RIS a line break would end a field, and a line starting "ER  - " would end the record. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface CslOptions {
  /**
   * Keep a list's "et al." (authors not all named) for a style to print: CSL has no word for it, and dropping it would
   * show one author of many as the only one. 'member' adds it as one more name, as numbered styles list it ("Schroeder
   * B, et al."); 'suffix' as a suffix of the last name, where author-date styles put it ("Schroeder, B., et al.").
   * Files handed to citation managers leave it out (a manager would read it as a name).
   */
  etAl?: 'member' | 'suffix';
}

export function cslItem(study: Study, { etAl }: CslOptions = {}): CslItem {
  const c = study.citation;
  const author: CslName[] = authorsOf(oneLine(c.authors));
  if (etAl && hasEtAl(c.authors) && author.length) {
    if (etAl === 'member') author.push({ literal: 'et al.' });
    else author[author.length - 1] = { ...(author[author.length - 1] as { family: string; given?: string }), suffix: 'et al.' };
  }
  const item: CslItem = { id: study.id, type: 'article-journal', title: oneLine(study.title), author, 'container-title': oneLine(c.journal) };
  const year = c.year ?? leadingYear(c.details);
  const month = leadingMonth(c.details, year);
  if (year !== undefined) item.issued = { 'date-parts': [month ? [year, month] : [year]] };
  const where = c.details ? volumeIssuePages(c.details) : undefined;
  if (where) Object.assign(item, where);
  else if (c.details && leadingYear(c.details) === undefined) item.status = oneLine(c.details);
  if (c.doi) item.DOI = c.doi;
  if (c.pmid) item.PMID = c.pmid;
  const url = c.doi ? doiUrl(c.doi) : c.pmid ? pubmedUrl(c.pmid) : undefined;
  if (url) item.URL = url;
  return item;
}

const ET_AL = /,?\s*et al\.?\s*$/i;
const hasEtAl = (authors: string) => ET_AL.test(authors);

/** "Negahban H, Rezaie S, Goharpey S" (Vancouver style, as reference lists give them) as CSL names. */
export function authorsOf(authors: string): { family: string; given?: string }[] {
  return authors
    .replace(ET_AL, '')
    .split(/\s*[,;]\s*/)
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      const m = /^(.+?)\s+([A-Z]{1,3})\.?$/u.exec(a);
      return m ? { family: m[1]!, given: m[2]! } : { family: a };
    });
}

/** The year a "details" starts with, as in "2013 Dec; 27(12):1126–1136"; not one later in it ("accepted 2013"). */
function leadingYear(details: string | undefined): number | undefined {
  const m = details ? /^\s*(1[89]\d\d|20\d\d|21\d\d)\b/.exec(details) : null;
  return m ? Number(m[1]) : undefined;
}

/** Months as PubMed and reference lists abbreviate them ("2013 Dec"). */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 1 to 12 for "dec", "Dec" or "December"; 0 for anything else. */
export const monthNumber = (word: string) => MONTHS.findIndex((m) => m.toLowerCase() === word.slice(0, 3).toLowerCase()) + 1;

/** The month of "2013 Dec; …" (PubMed's way, in English), when its year is the reference's year. */
function leadingMonth(details: string | undefined, year: number | undefined): number | undefined {
  const m = details ? /^\s*(\d{4})\s+([A-Za-z]{3})[a-z]*\.?\b/.exec(details) : null;
  if (!m || Number(m[1]) !== year) return undefined;
  return monthNumber(m[2]!) || undefined;
}

/**
 * "2013 Dec; 27(12):1126–1136", "2(3):168–174" or "article 640916" as CSL's volume, issue and page. An article number
 * is both CSL's number (APA writes "Article 640916") and its page (styles without a number print it where pages go).
 */
export function volumeIssuePages(details: string): Partial<CslItem> | undefined {
  const vip = /(\d+)\s*\(([^)]+)\)\s*:\s*([\w–-]+)/.exec(details);
  if (vip) return { volume: vip[1]!, issue: vip[2]!, page: vip[3]!.replace('–', '-') };
  const article = /\barticle\s+(\w+)/i.exec(details);
  if (article) return { number: article[1]!, page: article[1]! };
  return undefined;
}
