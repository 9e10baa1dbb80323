// Small pieces of wording shared by several slides.
import type { Study, StudyResult } from '../schema/index.ts';

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
export function directionLabel(direction: StudyResult['direction']): string {
  switch (direction) {
    case 'improved':
      return '▲ Improved';
    case 'no change':
      return '● No clear change';
    case 'mixed':
      return '◆ Mixed';
  }
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
