// Where to read more, and the full references with their links, each over as many slides as they need.
import type { TalkModel } from '../data/load-data.ts';
import { html, raw } from '../html/escape.ts';
import { markdownBlock, markdownInline } from '../markdown/render-markdown.ts';
import { CONTENT_WIDTH, textHeight } from '../layout/fit.ts';
import type { Slide } from '../layout/slide.ts';
import { externalLink } from './external-link.ts';
import { listSlides } from './list-slides.ts';
import { referencesJsonFile, referencesRisFile, sharedUrl } from '../names/output-files.ts';

export function renderResources({ resources, words: w }: TalkModel): Slide[] {
  if (!resources.resources.length) return [];
  return listSlides({
    id: 'resources',
    title: w.text('resources.title'),
    kind: 'resources',
    weight: 1,
    words: w,
    margin: 16,
    items: resources.resources,
    where: (_r, i) => ({ source: 'resources', path: ['resources', i, 'name'] }),
    // 36 px links after the bullet's indent, with their margin.
    height: (r) => textHeight(r.name, 36, CONTENT_WIDTH - 48, { bold: !r.url }) + 16,
    list: (items) => html`<ul class="resources">
${items.map(
  (r) => html`<li>${r.url ? html`<a href="${r.url}" rel="noopener noreferrer" target="_blank">${markdownInline(r.name)}</a>` : html`<strong>${markdownInline(r.name)}</strong>`}</li>`,
)}
</ul>`,
    notes: (items, page) =>
      raw(
        html`${page === 0 ? markdownBlock(resources.notes ?? '') : ''}<ul>${items.map(
          (r) => html`<li>${markdownInline(r.name)}: ${markdownInline(r.about)}${r.url ? html` (${r.url})` : ''}</li>`,
        )}</ul>`,
      ),
  });
}

export function renderReferences(model: TalkModel): Slide[] {
  const { references, talk, words: w } = model;
  // Where a listener gets all of them at once, for a citation manager: at the talk's address, so the link works from
  // the emailed single file and the PowerPoint's notes too.
  const file = (name: string) => externalLink(sharedUrl(talk, name), sharedUrl(talk, name));
  const studies = model.studies.studies;
  const imports = html`<p>${w.html('references.notesImport', { ris: file(referencesRisFile(talk)), json: file(referencesJsonFile(talk)) })}</p>`;
  return listSlides({
    id: 'references',
    title: w.text('references.title'),
    kind: 'references',
    weight: 0.8,
    words: w,
    margin: 16,
    // In the style's order: the talk's for a numbered style (numbered here), by author for an author-date one.
    items: references.list,
    where: (r) => ({ source: 'studies', path: ['studies', studies.findIndex((s) => s.id === r.id), 'citation'] }),
    // 26 px after the number's indent, with their margin; links never break, so a little more.
    height: (r) => textHeight(r.text, 26, CONTENT_WIDTH - 60) * 1.08 + 16,
    list: (items, first) =>
      references.numeric
        ? html`<ol class="references" start="${first + 1}">
${items.map((r) => html`<li>${r.html}</li>`)}
</ol>`
        : html`<ul class="references author-date">
${items.map((r) => html`<li>${r.html}</li>`)}
</ul>`,
    notes: (_items, page) => (page === 0 ? html`${markdownBlock(w.text('references.notesFirst'))}${imports}` : markdownBlock(w.text('references.notesMore'))),
  });
}
