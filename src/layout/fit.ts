// How much fits on a slide: heights estimated from the deck's style sheet (src/styles/deck.css) and each character's
// width in its typeface (split-text.ts), so a list too long for one slide is spread over as many as it needs.
// tests/browser/generated-fit.test.ts builds talks at the extremes and measures every slide in Chromium: these
// numbers are kept a little pessimistic so that the browser never finds a slide the estimate let overflow.
import { SLIDE_LOOK } from './slide-look.ts';
import { wrapLines } from './split-text.ts';

/**
 * A slide's content box: 1280 wide less 64 px each side, and from 36 px down to 672 px, where the slide number and the
 * arrows begin (they sit over the slide's bottom right corner, and a full-width last line would run under them).
 */
export const CONTENT_WIDTH = SLIDE_LOOK.width - 2 * 64;
export const CONTENT_HEIGHT = 636;

/** Bold text is wider than the regular widths split-text measures; wrapping is also never quite as tight as ideal. */
const SLACK = 0.96;
const BOLD = 0.9;

/** Lines a piece of text takes at a font size in a column of a given width, in pixels. */
export function lines(text: string, fontPx: number, widthPx: number, bold = false): number {
  const width = (widthPx / fontPx) * SLACK * (bold ? BOLD : 1);
  return Math.max(1, text.split(/\n\s*\n/).reduce((n, p) => n + wrapLines(p, width), 0));
}

/** Height in pixels of text at a font size and line height. */
export function textHeight(text: string, fontPx: number, widthPx: number, { bold = false, lineHeight = 1.3 } = {}): number {
  return lines(text, fontPx, widthPx, bold) * fontPx * lineHeight;
}

/** A slide heading (h2 with its rule and margin). */
export function headingHeight(text: string, fontPx = 56): number {
  return textHeight(text, fontPx, CONTENT_WIDTH, { bold: true, lineHeight: 1.15 }) + 14 + 6 + 28;
}

/**
 * Shares items out over as few pages as fit, evening out how full they are. Every page holds at least one item; the
 * last page also keeps `lastExtra` pixels free (for what follows the list on the last slide). An item taller than a
 * page still gets a page of its own (the check reports it: see tooTall).
 */
export function pack<T>(items: readonly T[], height: (item: T) => number, budget: number, lastExtra = 0): T[][] {
  // (Heights count each item's bottom margin; callers add one margin to the budget, as the last item's hangs below.)
  const h = items.map(height);
  const n = h.length;
  if (n === 0) return [[]];
  const sum = (i: number, j: number) => h.slice(i, j).reduce((a, b) => a + b, 0);
  const fits = (i: number, j: number, last: boolean) => j - i === 1 || sum(i, j) <= budget - (last ? lastExtra : 0);
  // best[k][i]: the smallest "fullest page" for items i.. on k pages; the fewest pages first, then the most even.
  for (let pages = 1; pages <= n; pages++) {
    const memo = new Map<string, { worst: number; cut: number } | null>();
    const solve = (i: number, k: number): { worst: number; cut: number } | null => {
      const key = `${i}:${k}`;
      if (memo.has(key)) return memo.get(key)!;
      let result: { worst: number; cut: number } | null = null;
      if (k === 1) result = fits(i, n, true) ? { worst: sum(i, n) + lastExtra, cut: n } : null;
      else
        for (let j = i + 1; j <= n - (k - 1); j++) {
          if (!fits(i, j, false)) break;
          const rest = solve(j, k - 1);
          if (!rest) continue;
          const worst = Math.max(sum(i, j), rest.worst);
          if (!result || worst < result.worst) result = { worst, cut: j };
        }
      memo.set(key, result);
      return result;
    };
    if (!solve(0, pages)) continue;
    const out: T[][] = [];
    for (let i = 0, k = pages; k > 0; k--) {
      const cut = solve(i, k)!.cut;
      out.push(items.slice(i, cut));
      i = cut;
    }
    // The last page could not hold its share with what follows: the rest goes on a page of its own.
    return out;
  }
  return items.map((item) => [item]);
}
