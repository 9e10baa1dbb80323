// Vite plugin: leaves out the parts of Reveal's style sheet this deck can never use, so every reader downloads less.
import postcss, { type Root } from 'postcss';
import type { Plugin } from 'vite';

/**
 * Selectors for features the deck turns off or cannot produce. Anything not named here is kept.
 * - slide and background transitions (and the old cube, page, linear and default ones): the deck sets both to "none";
 * - fragments: the generator writes none, and Markdown's allow-list has no class attribute to make one;
 * - the lightbox overlay (`.r-overlay`, with a 4.5 kB spinner image): only data-preview-* attributes open it.
 */
export const UNUSED: readonly RegExp[] = [
  /\[data-(?:background-)?transition[~^$*|]?=["']?(?:slide|convex|concave|zoom|fade|cube|page|linear|default)/,
  /\.reveal\.(?:slide|convex|concave|zoom|fade|cube|page|linear|default)(?![\w-])/,
  /\.fragment(?![\w-])/,
  /\.r-overlay(?![\w])/,
];

const REVEAL_CSS = /[\\/]reveal\.js[\\/]dist[\\/]reveal\.css(?:\?.*)?$/;

/** Removes every selector that names an unused feature, rules left with none, and at-rules left empty. */
export function trimRevealCss(css: string): string {
  const root: Root = postcss.parse(css);
  root.walkRules((rule) => {
    // Keyframes' steps ("from", "50%") are rules too: they belong to their at-rule.
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as { name: string }).name)) return;
    const kept = rule.selectors.filter((s) => !UNUSED.some((re) => re.test(s)));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  root.walkAtRules((at) => {
    if (at.nodes && at.nodes.length === 0) at.remove();
  });
  return root.toString();
}

export function trimRevealCssPlugin(): Plugin {
  return {
    name: 'deck:trim-reveal-css',
    enforce: 'pre',
    transform(code, id) {
      if (!REVEAL_CSS.test(id)) return null;
      return { code: trimRevealCss(code), map: null };
    },
  };
}
