// Where to read more, and the full references with their links.
import type { TalkModel } from '../data/load-data.ts';
import { html, raw } from '../html/escape.ts';
import { markdownBlock, markdownInline } from '../markdown/render-markdown.ts';
import type { Slide } from '../slides/slide.ts';
import { citationHtml } from './citation.ts';

export function renderResources({ resources }: TalkModel): Slide[] {
  return [
    {
      id: 'resources',
      title: 'Where to read more',
      kind: 'resources',
      weight: 1,
      body: raw(html`<h2>Where to read more</h2>
<ul class="resources">
${resources.resources.map(
  (r) => html`<li>${r.url ? html`<a href="${r.url}" rel="noopener noreferrer" target="_blank">${markdownInline(r.name)}</a>` : html`<strong>${markdownInline(r.name)}</strong>`}</li>`,
)}
</ul>`),
      notes: raw(
        html`${markdownBlock(resources.notes)}<ul>${resources.resources.map(
          (r) => html`<li>${markdownInline(r.name)}: ${markdownInline(r.about)}${r.url ? html` (${r.url})` : ''}</li>`,
        )}</ul>`,
      ),
    },
  ];
}

const REFS_PER_SLIDE = 3;

export function renderReferences({ studies }: TalkModel): Slide[] {
  const list = studies.studies;
  const pages = Math.ceil(list.length / REFS_PER_SLIDE);
  return Array.from({ length: pages }, (_, page) => {
    const title = pages > 1 ? `References (${page + 1} of ${pages})` : 'References';
    const start = page * REFS_PER_SLIDE;
    return {
      id: page === 0 ? 'references' : `references-${page + 1}`,
      title,
      kind: 'references',
      weight: 0.4,
      body: raw(html`<h2>${title}</h2>
<ol class="references" start="${start + 1}">
${list.slice(start, start + REFS_PER_SLIDE).map((s) => html`<li>${citationHtml(s)}</li>`)}
</ol>`),
      notes: markdownBlock(
        page === 0
          ? 'The full references are here, in the text version and in the handout. I will not read them out. Each link leads to a study by its DOI or its PubMed number.'
          : 'The rest of the references. If you want to look one up, the PubMed number or the DOI is the quickest way to find it.',
      ),
    };
  });
}
