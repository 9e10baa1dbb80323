// One study as a card over two or more slides: what was done, then what was found and how sure we can be. A long
// list of results continues over as many slides as it needs; what it means and how sure come after the last result.
import type { TalkModel } from '../data/load-data.ts';
import type { Study, StudyResult } from '../schema/index.ts';
import { claimText, isOwnView } from '../schema/common.ts';
import { html, type Raw } from '../html/escape.ts';
import type { Words } from '../locale/words.ts';
import { markdownBlock, markdownInline } from '../markdown/render-markdown.ts';
import { CONTENT_HEIGHT, CONTENT_WIDTH, headingHeight, pack, textHeight } from '../layout/fit.ts';
import { textWidth } from '../layout/split-text.ts';
import type { Overfull, Slide } from '../layout/slide.ts';
import { studyId, studyResultsId } from '../layout/slide-ids.ts';
import type { FormattedReference } from '../references/format-references.ts';
import { tooLong } from './list-slides.ts';
import { designLabel, directionLabel, directionWord, figureParts, figuresText, partTitle, sourceNote } from './words.ts';

export function renderStudies({ studies, words, references }: TalkModel): Slide[] {
  const total = studies.studies.length;
  return studies.studies.flatMap((study, i) => {
    const reference = references.byId.get(study.id)!;
    const slides = renderStudy(study, reference, i + 1, total, words);
    slides[0]!.overfull = overfull(study, reference, i, words);
    return slides;
  });
}

/** The parts of a study too long for any slide: a result, what it means with how sure, or the first slide's facts. */
function overfull(study: Study, reference: FormattedReference, index: number, w: Words): Overfull[] {
  const out: Overfull[] = [];
  const budget = resultsBudget(study, w);
  study.results.forEach((r, j) => {
    if (resultHeight(r, w) > budget) out.push({ source: 'studies', path: ['studies', index, 'results', j, 'outcome'], message: tooLong(w.text('study.found')) });
  });
  if (closingHeight(study, w) > budget) out.push({ source: 'studies', path: ['studies', index, 'meaning'], message: tooLong(`${w.text('study.meaning')} ${w.text('study.caveat')}`) });
  if (introHeight(study, reference, w) > CONTENT_HEIGHT) out.push({ source: 'studies', path: ['studies', index, 'measured'], message: tooLong(study.shortTitle) });
  return out;
}

/** The first slide of a study: eyebrow, heading, the facts at 32 px beside their labels, and the citation at the foot. */
function introHeight(study: Study, reference: FormattedReference, w: Words): number {
  const dd = CONTENT_WIDTH - 200;
  const facts = [study.participants && `${study.participants.text}${sourceNote(study.participants.source, w)}`, study.schedule?.text, study.measured]
    .filter((t): t is string => Boolean(t))
    .reduce((sum, t) => sum + textHeight(t, 32, dd) + 10, 0);
  const eyebrow = eyebrowHeight(study, w);
  const citation = textHeight(reference.text, 25, CONTENT_WIDTH) + 13 + 72 - 84;
  return eyebrow + headingHeight(study.shortTitle, 48) - 8 + facts + citation + 16;
}

export function renderStudy(study: Study, reference: FormattedReference, n: number, total: number, w: Words): Slide[] {
  const eyebrow = html`<p class="eyebrow">${w.text('study.eyebrow', { n, total })} · <span class="design">${designLabel(study, w)}</span></p>`;
  const cite = html`<p class="citation">${reference.html}</p>`;
  const facts = [
    study.participants && html`<dt>${w.text('study.who')}</dt><dd>${markdownInline(study.participants.text)}${sourceNote(study.participants.source, w)}</dd>`,
    study.schedule && html`<dt>${w.text('study.how')}</dt><dd>${markdownInline(study.schedule.text)}${sourceNote(study.schedule.source, w)}</dd>`,
    html`<dt>${w.text('study.measured')}</dt><dd>${markdownInline(study.measured)}</dd>`,
  ];
  const found = w.text('study.found');
  const pages = resultPages(study, n, total, w);
  const closing = html`<p class="meaning"><strong>${meaningLabel(study, w)}</strong> ${markdownInline(claimText(study.meaning))}</p>
<p class="caveat"><strong>${caveatLabel(study, w)}</strong> ${markdownInline(claimText(study.caveat))}</p>`;
  const notes = markdownBlock(
    [study.notes, w.text('study.notesConclusion', { label: study.conclusionLabel ?? w.text('study.conclusionLabel'), conclusion: study.conclusion }), w.text(isOwnView(study.caveat) ? 'study.notesCaveatOwn' : 'study.notesCaveat', { caveat: claimText(study.caveat) })].join('\n\n'),
  );
  return [
    {
      id: studyId(study.id),
      title: study.shortTitle,
      kind: 'study',
      weight: 1.3,
      body: html`${eyebrow}<h2>${study.shortTitle}</h2>
<dl class="facts">${facts}</dl>
${cite}`,
      notes: markdownBlock(`${w.text('study.notesIntro', { n, total, title: study.title })}\n\n${study.introNotes ?? introFacts(study, w)}`),
      ...(study.privateNotes ? { privateNotes: markdownBlock(study.privateNotes) } : {}),
    },
    ...pages.map((results, i): Slide => {
      const last = i === pages.length - 1;
      return {
        id: studyResultsId(study.id, i),
        title: partTitle(w.text('study.resultsTitle', { study: study.shortTitle }), i + 1, pages.length, w),
        kind: 'study-results',
        // The results share the time a results slide always had, so a split study takes no longer to present.
        weight: 2 / pages.length,
        body: html`${eyebrow}<h2>${found}${i > 0 ? html`<span class="continued">${w.text('deck.continued')}</span>` : ''}</h2>
${results.length ? html`<ul class="results">
${results.map((r) => resultItem(r, w))}
</ul>` : ''}
${last ? closing : ''}`,
        // A later page's notes: its results, and on the last page what it means and how sure, as the slide shows them.
        notes:
          i === 0
            ? notes
            : markdownBlock(
                [
                  ...results.map((r) => `${r.outcome}: ${figuresText(r, w) || r.detail || directionWord(r.direction, w)}`),
                  ...(last ? [`${meaningLabel(study, w)} ${claimText(study.meaning)}`, `${caveatLabel(study, w)} ${claimText(study.caveat)}`] : []),
                ].join('\n\n'),
              ),
      };
    }),
  ];
}

function resultItem(r: StudyResult, w: Words): Raw {
  const figures = figureParts(r, w);
  return html`<li><span class="direction">${directionLabel(r.direction, w)}</span><span><strong>${r.outcome}</strong>${
    r.comparison ? html` (${r.comparison})` : ''
  }${figures.length ? html`: ${figures.map((p, i) => html`${i ? ', ' : ''}${figureSpan(p)}`)}` : r.detail ? html`: ${markdownInline(r.detail)}` : ''}${sourceNote(r.source, w)}</span></li>`;
}

/**
 * A figure kept on one line, so "P = 0.007" never breaks apart; one with a long unit may wrap, since a line that
 * cannot break would run off the slide.
 */
function figureSpan(figure: string): Raw {
  return textWidth(figure) <= 12 ? html`<span class="figure">${figure}</span>` : html`<span>${figure}</span>`;
}

// Sizes from deck.css: results at 30 px in a 190 px direction column and the rest of the line; meaning and caveat at 30 px.
const RESULT_PX = 30;
const DIRECTION_COLUMN = 190;
const RESULT_TEXT = CONTENT_WIDTH - DIRECTION_COLUMN - 16;

/** The pixels one result takes on the slide. */
export function resultHeight(r: StudyResult, w: Words): number {
  const text = [r.outcome, r.comparison && `(${r.comparison})`, figuresText(r, w) || r.detail, sourceNote(r.source, w)].filter(Boolean).join(' ');
  // The direction's words sit after a 0.75 em mark and a space.
  const direction = textHeight(`M ${directionWord(r.direction, w)}`, RESULT_PX, DIRECTION_COLUMN, { bold: true });
  // Figures never break inside ("P = 0.007" stays whole), which can leave a line a little short.
  return Math.max(direction, textHeight(text, RESULT_PX, RESULT_TEXT - 40)) + 12;
}

/** "What it means:", or "What it means, as I read it:" when it is the speaker's own reading. */
const meaningLabel = (study: Study, w: Words) => w.text(isOwnView(study.meaning) ? 'study.meaningOwn' : 'study.meaning');
const caveatLabel = (study: Study, w: Words) => w.text(isOwnView(study.caveat) ? 'study.caveatOwn' : 'study.caveat');

/** The pixels of a results slide left for the results: the slide less its eyebrow and heading. */
export function resultsBudget(study: Study, w: Words): number {
  // The list's 16 px margin below it and the last paragraph's 10 px one both hang below the content box.
  return CONTENT_HEIGHT - eyebrowHeight(study, w) - headingHeight(`${w.text('study.found')} (${w.text('deck.continued')})`, 48) + 10;
}

/** "Study 3 of 20 · Randomized controlled trial, pilot": one line at 28 px, or more when the designs are many. */
function eyebrowHeight(study: Study, w: Words): number {
  // The design sits in a bordered box (3 px border, 10 px padding each side), so it takes a little more room.
  return textHeight(`${w.text('study.eyebrow', { n: 99, total: 99 })} · ${designLabel(study, w)} MM`, 28, CONTENT_WIDTH, { bold: true }) + 8;
}

/** What it means and how sure: the pixels they take after the last result. */
export function closingHeight(study: Study, w: Words): number {
  return (
    textHeight(`${meaningLabel(study, w)} ${claimText(study.meaning)}`, RESULT_PX, CONTENT_WIDTH) +
    10 +
    textHeight(`${caveatLabel(study, w)} ${claimText(study.caveat)}`, RESULT_PX, CONTENT_WIDTH - 24) +
    10
  );
}

/** The results shared over slides; an empty last page when what it means and how sure need a slide of their own. */
function resultPages(study: Study, _n: number, _total: number, w: Words): StudyResult[][] {
  const budget = resultsBudget(study, w);
  const closing = closingHeight(study, w);
  const pages = pack(study.results, (r) => resultHeight(r, w), budget, closing);
  const last = pages.at(-1)!;
  const lastHeight = last.reduce((sum, r) => sum + resultHeight(r, w), 0);
  if (lastHeight + closing > budget) pages.push([]);
  return pages;
}

/** The first slide's facts read out, for a study whose data has no notes of its own for it. */
function introFacts(study: Study, w: Words): string {
  return [
    w.text('study.notesDesign', { design: designLabel(study, w).toLocaleLowerCase(w.lang) }),
    study.participants && w.text('study.notesWho', { text: `${study.participants.text}${sourceNote(study.participants.source, w)}` }),
    study.schedule && w.text('study.notesHow', { text: `${study.schedule.text}${sourceNote(study.schedule.source, w)}` }),
    w.text('study.notesMeasured', { text: study.measured }),
  ]
    .filter(Boolean)
    .join(' ');
}
