// One study as two slides of the same card: what was done, then what was found and how sure we can be.
import type { TalkModel } from '../data/load-data.ts';
import type { Study } from '../schema/index.ts';
import { html, raw } from '../html/escape.ts';
import { markdownBlock, markdownInline } from '../markdown/render-markdown.ts';
import type { Slide } from '../slides/slide.ts';
import { citationHtml } from './citation.ts';
import { designLabel, directionLabel, figuresText, sourceNote } from './words.ts';
import type { StudyResult } from '../schema/index.ts';

export function renderStudies({ studies }: TalkModel): Slide[] {
  const total = studies.studies.length;
  return studies.studies.flatMap((study, i) => renderStudy(study, i + 1, total));
}

export function renderStudy(study: Study, n: number, total: number): Slide[] {
  const eyebrow = html`<p class="eyebrow">Study ${n} of ${total} · <span class="design">${designLabel(study)}</span></p>`;
  const cite = html`<p class="citation">${citationHtml(study)}</p>`;
  const facts = [
    study.participants && html`<dt>Who</dt><dd>${markdownInline(study.participants.text)}${sourceNote(study.participants.source)}</dd>`,
    study.schedule && html`<dt>How</dt><dd>${markdownInline(study.schedule.text)}${sourceNote(study.schedule.source)}</dd>`,
    html`<dt>Measured</dt><dd>${markdownInline(study.measured)}</dd>`,
  ];
  return [
    {
      id: `study-${study.id}`,
      title: study.shortTitle,
      kind: 'study',
      weight: 1.3,
      body: raw(html`${eyebrow}<h2>${study.shortTitle}</h2>
<dl class="facts">${facts}</dl>
${cite}`),
      notes: markdownBlock(`Study ${n} of ${total}: "${study.title}".\n\n${study.introNotes ?? introFacts(study)}`),
    },
    {
      id: `study-${study.id}-results`,
      title: `${study.shortTitle}: results`,
      kind: 'study-results',
      weight: 2,
      body: raw(html`${eyebrow}<h2>What they found</h2>
<ul class="results">
${study.results.map(
  (r) => html`<li><span class="direction">${directionLabel(r.direction)}</span><span><strong>${r.outcome}</strong>${
    r.comparison ? html` (${r.comparison})` : ''
  }${figuresText(r) ? html`: ${figureSpans(r)}` : r.detail ? html`: ${markdownInline(r.detail)}` : ''}${sourceNote(r.source)}</span></li>`,
)}
</ul>
<p class="meaning"><strong>What it means:</strong> ${markdownInline(study.meaning)}</p>
<p class="caveat"><strong>How sure:</strong> ${markdownInline(study.caveat)}</p>`),
      notes: markdownBlock(
        `${study.notes}\n\n${study.conclusionLabel ?? "The authors' conclusion"}: "${study.conclusion}"\n\nCaveat to stress: ${study.caveat}`,
      ),
    },
  ];
}

/** The first slide's facts read out, for a study whose data has no notes of its own for it. */
function introFacts(study: Study): string {
  return [
    `Design: ${designLabel(study).toLowerCase()}.`,
    study.participants && `Who took part: ${study.participants.text}${sourceNote(study.participants.source)}.`,
    study.schedule && `How: ${study.schedule.text}${sourceNote(study.schedule.source)}.`,
    `What was measured: ${study.measured}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Each figure kept on one line, so "P = 0.007" never breaks apart. */
function figureSpans(r: StudyResult) {
  const parts = figuresText(r).split(', ');
  return parts.map((p, i) => html`${i ? ', ' : ''}<span class="figure">${p}</span>`);
}
