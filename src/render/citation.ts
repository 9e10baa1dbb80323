// A study's citation, as one line of safe HTML with its DOI and PubMed links.
import type { Study } from '../schema/index.ts';
import { html, type Raw } from '../html/escape.ts';

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}
export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
}

export function externalLink(href: string, label: string | Raw): Raw {
  return html`<a href="${href}" rel="noopener noreferrer" target="_blank">${label}</a>`;
}

/** Year and details, as in "1998; 2(3):168–174": the year always shows, and details often leave it out. */
export function citationWhere(c: Study['citation']): string {
  const year = c.year && !c.details?.includes(String(c.year)) ? String(c.year) : undefined;
  return [year, c.details].filter(Boolean).join('; ');
}

export function citationHtml(study: Study): Raw {
  const c = study.citation;
  const where = citationWhere(c);
  const links = [
    c.doi ? externalLink(doiUrl(c.doi), `doi:${c.doi}`) : undefined,
    c.pmid ? externalLink(pubmedUrl(c.pmid), `PMID ${c.pmid}`) : undefined,
  ].filter((l): l is Raw => l !== undefined);
  const linkList = links.flatMap((l, i) => (i === 0 ? [l] : [html`; `, l]));
  return html`${c.authors.replace(/\.$/, '')}. ${study.title}. <cite>${c.journal}</cite>${where ? `, ${where}` : ''}.${links.length ? html` ${linkList}.` : ''}`;
}

/** The citation's words, as citationHtml shows them, for estimating the room it takes. */
export function citationText(study: Study): string {
  const c = study.citation;
  const where = citationWhere(c);
  const links = [c.doi && `doi:${c.doi}`, c.pmid && `PMID ${c.pmid}`].filter(Boolean).join('; ');
  return `${c.authors.replace(/\.$/, '')}. ${study.title}. ${c.journal}${where ? `, ${where}` : ''}.${links ? ` ${links}.` : ''}`;
}
