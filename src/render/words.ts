// Small pieces of wording shared by several slides.
import type { Study, StudyResult } from '../schema/index.ts';
import { html, raw, type Raw } from '../html/escape.ts';

const DESIGN_WORDS: Record<Study['design'][number], string> = {
  'randomized controlled trial': 'randomized controlled trial',
  pilot: 'pilot',
  crossover: 'crossover',
  'pragmatic trial': 'pragmatic trial',
  'systematic review': 'systematic review',
  'feasibility study': 'feasibility study',
};

export function designLabel(study: Study): string {
  const words = study.design.map((d) => DESIGN_WORDS[d]).join(', ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Direction in words and a symbol together, never by colour alone. */
export function directionLabel(direction: StudyResult['direction']): Raw {
  switch (direction) {
    case 'improved':
      return html`${directionMark('improved')} Improved`;
    case 'no change':
      return html`${directionMark('no change')} No clear change`;
    case 'mixed':
      return html`${directionMark('mixed')} Mixed`;
  }
}

// The symbols are drawn, not typed: Atkinson Hyperlegible has no ▲ ● ◆, and a system font's stand-in
// (or a missing-glyph box) would be the only text not in the deck's own typeface.
const MARKS: Record<StudyResult['direction'], string> = {
  improved: '<path d="M6 1 11.5 11H.5Z"/>', // up-pointing triangle
  'no change': '<circle cx="6" cy="6.5" r="4.5"/>', // dot
  mixed: '<path d="M6 .5 11.5 6 6 11.5.5 6Z"/>', // diamond
};

/** The direction's symbol as a small inline drawing in the text colour, hidden from screen readers. */
export function directionMark(direction: StudyResult['direction']): Raw {
  return raw(
    `<svg class="mark" aria-hidden="true" focusable="false" width="0.75em" height="0.75em" viewBox="0 0 12 12" fill="currentColor">${MARKS[direction]}</svg>`,
  );
}

/** The figures of a result as the source writes them: "mean change 2.75 points, P = 0.001". */
export function figuresText(r: StudyResult): string {
  const parts: string[] = [];
  if (r.change !== undefined) parts.push(`mean change ${r.change} ${r.unit ?? ''}`.trim());
  if (r.p !== undefined) parts.push(`P = ${r.p}`);
  return parts.join(', ');
}

export function sizeLabel(study: Study): string {
  const p = study.participants;
  if (!p) return 'not given';
  const n = p.count !== undefined ? `${p.count} ${p.of}` : 'small';
  return p.source === 'paper' ? `${n} (from the paper)` : n;
}

export function sourceNote(source: 'seed' | 'paper'): string {
  return source === 'paper' ? ' (from the paper)' : '';
}
