// Peer 2: a plain Reveal.js deck set up as its docs show (index.html of the reveal.js package): the stock theme,
// reset.css and reveal.css, reveal.js and its plugins as local files, and each slide written in Markdown that the
// Markdown plugin turns into HTML in the browser. The highlight plugin of the docs' page is left out: the talk has
// no code, and leaving it out only helps this peer.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { BuiltDeck } from '../../src/deck/build-talk.ts';
import { slidesAsMarkdown } from './slides-markdown.ts';

export const REVEAL_THEME = 'white';

const FILES = ['reset.css', 'reveal.css', `theme/${REVEAL_THEME}.css`, 'reveal.js', 'plugin/notes.js', 'plugin/markdown.js'];

function revealDist(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('reveal.js')); // …/reveal.js/dist/reveal.js
}

/** The textarea holds the Markdown exactly: & and < are written as entities, which the HTML parser undoes. */
const textarea = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function toRevealHtml(deck: BuiltDeck): string {
  const { talk } = deck.model;
  const sections = slidesAsMarkdown(deck).map(
    (s) => `<section data-markdown>
<textarea data-template>
${textarea(s.body)}

Notes:
${textarea(s.notes)}
</textarea>
</section>`,
  );
  return `<!DOCTYPE html>
<html lang="${talk.lang}">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no" />
		<title>${textarea(talk.title)}</title>
		<link rel="stylesheet" href="dist/reset.css" />
		<link rel="stylesheet" href="dist/reveal.css" />
		<link rel="stylesheet" href="dist/theme/${REVEAL_THEME}.css" />
	</head>
	<body>
		<div class="reveal">
			<div class="slides">
${sections.join('\n')}
			</div>
		</div>
		<script src="dist/reveal.js"></script>
		<script src="dist/plugin/notes.js"></script>
		<script src="dist/plugin/markdown.js"></script>
		<script>
			Reveal.initialize({
				hash: true,
				width: 1280,
				height: 720,
				slideNumber: 'c/t',
				plugins: [RevealMarkdown, RevealNotes],
			});
		</script>
	</body>
</html>
`;
}

/** Writes the deck into `dir`: index.html and the reveal.js files it loads under dist/. */
export function buildReveal(deck: BuiltDeck, dir: string): { html: string } {
  const from = revealDist();
  for (const file of FILES) {
    mkdirSync(dirname(resolve(dir, 'dist', file)), { recursive: true });
    copyFileSync(resolve(from, file), resolve(dir, 'dist', file));
  }
  const html = resolve(dir, 'index.html');
  writeFileSync(html, toRevealHtml(deck));
  return { html };
}
