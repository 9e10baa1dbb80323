// Small pieces of wording shared by several slides, in the talk's language.
import type { Study, StudyResult } from '../schema/index.ts';
import { html, raw, type Raw } from '../html/escape.ts';
import type { Words } from '../locale/words.ts';

type Direction = StudyResult['direction'];

/** "Randomized controlled trial, pilot": each design in the talk's language, the first letter a capital. */
export function designLabel(study: Study, w: Words): string {
  // A comma, as the eyebrow and the table show a design's labels side by side (a list's "and" would read as two studies).
  const words = study.design.map((d) => w.design(d)).join(', ');
  // The vocabulary's labels are lower case, to sit inside a sentence; a design of the talk's own is shown as written.
  return w.designKey(study.design[0]!) ? words.charAt(0).toLocaleUpperCase(w.lang) + words.slice(1) : words;
}

const DIRECTION_KEYS: Record<Direction, string> = {
  improved: 'result.improved',
  'seems improved': 'result.seemsImproved',
  'reported better': 'result.reportedBetter',
  'no change': 'result.noChange',
  mixed: 'result.mixed',
  worse: 'result.worse',
  'not compelling': 'result.notCompelling',
  'not reported': 'result.notReported',
};

/** The direction in words, in the talk's language: "Improved", "Seems to improve", "Not reported". */
export function directionWord(direction: Direction, w: Words): string {
  return w.text(DIRECTION_KEYS[direction]);
}

/** Direction in words and a symbol together, never by colour alone. */
export function directionLabel(direction: Direction, w: Words): Raw {
  return html`${directionMark(direction)} ${directionWord(direction, w)}`;
}

// The symbols are drawn, not typed: Atkinson Hyperlegible has no ▲ ● ◆, and a system font's stand-in
// (or a missing-glyph box) would be the only text not in the deck's own typeface. A measured result has a solid
// mark; what a source says only "seems", or what participants reported, an outline of one, so they never look alike.
const MARKS: Record<Direction, string> = {
  improved: '<path d="M6 1 11.5 11H.5Z"/>', // up-pointing triangle
  'seems improved': '<path fill-rule="evenodd" d="M6 1 11.5 11H.5ZM6 4.6 3.3 9.4h5.4Z"/>', // up-pointing triangle, outlined
  'reported better': '<path fill-rule="evenodd" d="M1 1.5h10v7H5.5L2.5 11.5V8.5H1ZM2.6 3.1v3.8h6.8V3.1Z"/>', // speech bubble, outlined
  'no change': '<circle cx="6" cy="6.5" r="4.5"/>', // dot
  mixed: '<path d="M6 .5 11.5 6 6 11.5.5 6Z"/>', // diamond
  worse: '<path d="M6 11 11.5 1H.5Z"/>', // down-pointing triangle
  'not compelling': '<path d="M1.6 3 3 1.6l3 3 3-3L10.4 3l-3 3 3 3L9 10.4l-3-3-3 3L1.6 9l3-3Z"/>', // cross
  'not reported': '<path d="M1 5h10v2.4H1Z"/>', // dash
};

/** The direction's symbol as a small inline drawing in the text colour, hidden from screen readers. */
export function directionMark(direction: Direction): Raw {
  return raw(
    `<svg class="mark" aria-hidden="true" focusable="false" width="0.75em" height="0.75em" viewBox="0 0 12 12" fill="currentColor">${MARKS[direction]}</svg>`,
  );
}

/** The figures of a result, each as the language writes it: "mean change 2.75 points" and "P = 0.001". */
export function figureParts(r: StudyResult, w: Words): string[] {
  const parts: string[] = [];
  if (r.change !== undefined) parts.push(w.text('result.meanChange', { change: r.change, unit: r.unit ?? '' }).trim());
  if (r.p !== undefined) parts.push(w.text('result.p', { p: r.p }));
  return parts;
}

/** The figures as one phrase: "mean change 2.75 points, P = 0.001". */
export function figuresText(r: StudyResult, w: Words): string {
  return figureParts(r, w).join(', ');
}

export function sizeLabel(study: Study, w: Words): string {
  const p = study.participants;
  if (!p) return w.text('size.none');
  // No number: the size in the sources' words ("small") when they give one, else that no number was given.
  const n = p.count !== undefined ? w.text('size.count', { count: p.count, of: p.of ?? w.text('size.people') }) : p.size ?? w.text('size.unnumbered');
  return `${n}${sourceNote(p.source, w)}`;
}

/** " (from the paper)" after a fact the talk's source text does not give; nothing otherwise. */
export function sourceNote(source: 'seed' | 'paper', w: Words): string {
  return source === 'paper' ? ` ${w.text('study.fromPaper')}` : '';
}

/** "Takeaways (2 of 3)" for a slide that continues; the title alone when the list fits on one slide. */
export function partTitle(title: string, n: number, total: number, w: Words): string {
  return total > 1 ? w.text('deck.part', { title, n, total }) : title;
}

/** The first letter in lower case, as when a role or a summary runs on inside a sentence. */
export function lowerFirst(text: string, w: Words): string {
  // An abbreviation or a name in capitals ("MS", "NHS") keeps its case: "mS" would be a new word.
  const first = /^\S+/.exec(text)?.[0] ?? '';
  if (/^\p{Lu}[\p{Lu}\d]+$/u.test(first.replace(/[^\p{L}\d]/gu, ''))) return text;
  return text.charAt(0).toLocaleLowerCase(w.lang) + text.slice(1);
}
