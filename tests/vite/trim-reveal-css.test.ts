// Reveal's style sheet, trimmed: the unused features go, everything the deck shows stays.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { trimRevealCss, UNUSED } from '../../src/vite/trim-reveal-css.ts';

const require = createRequire(import.meta.url);
const original = readFileSync(require.resolve('reveal.js/reveal.css'), 'utf8');
const trimmed = trimRevealCss(original);
const selectors = (css: string) => {
  const out: string[] = [];
  postcss.parse(css).walkRules((r) => void out.push(...r.selectors));
  return out;
};

describe('trimRevealCss on the reveal.js style sheet', () => {
  it('leaves out other transitions, fragments and the lightbox overlay', () => {
    const left = selectors(trimmed);
    for (const re of UNUSED) expect(left.filter((s) => re.test(s))).toEqual([]);
    expect(trimmed).not.toContain('data:image/gif');
    // Each pattern did match something in the original: a pattern that matches nothing would be a silent no-op.
    for (const re of UNUSED) expect(selectors(original).some((s) => re.test(s)), String(re)).toBe(true);
  });

  it('keeps what the deck uses: slides, controls, progress, slide number, overview, pause, jump, scroll view and print', () => {
    const left = new Set(selectors(trimmed));
    for (const s of [
      '.reveal .slides>section',
      '.reveal .controls',
      '.reveal .progress',
      '.reveal .slide-number',
      '.reveal.overview .slides section',
      '.reveal .pause-overlay',
      '.reveal .jump-to-slide',
      '.reveal-viewport.reveal-scroll',
      'html.reveal-print .reveal .slides .pdf-page',
      'html.reveal-print .aria-status',
    ]) {
      expect([...left].some((x) => x.startsWith(s)), s).toBe(true);
    }
    // Keyframes survive whole.
    expect((trimmed.match(/@keyframes/g) ?? []).length).toBe((original.match(/@keyframes/g) ?? []).length);
  });

  it('keeps the other selectors of a rule that names an unused one', () => {
    expect(trimRevealCss('.a, .reveal .fragment.grow, .b { color: red }')).toBe('.a, .b { color: red }');
    expect(trimRevealCss('@media print { .reveal.zoom .slides { x: 1 } }')).toBe('');
  });

  it('is markedly smaller', () => {
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    console.log(`reveal.css: ${gz(original)} B gzip, trimmed ${gz(trimmed)} B`);
    expect(gz(trimmed)).toBeLessThan(gz(original) * 0.75);
  });
});
