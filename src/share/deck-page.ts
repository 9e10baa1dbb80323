// index.html with the talk in it: the page's language, the head the generator writes (title, description, link
// previews, the browser's words) and the slides. The template's places are found by the parser: its <html> element and
// two comments, <!-- deck:head --> and <!-- deck:slides -->; nothing else in the template is touched.
import type { BuiltDeck } from '../deck/build-talk.ts';
import { renderSections } from '../deck/render-sections.ts';
import { BASE_LANG, loadWords } from '../data/load-locale.ts';
import { HEAD_ATTRIBUTES, HEAD_TAGS } from '../html/allowlist.ts';
import { outsideAllowList } from '../html/check-allowlist.ts';
import { comments, elements, outer, parseHtml, setAttribute, splice, type Edit } from '../html/dom.ts';
import { html, raw, unwrap } from '../html/escape.ts';
import { browserWordsScript } from '../locale/browser-words.ts';
import { linkPreviewMeta } from './link-preview.ts';

/** The page with the talk in it; `notes: false` leaves the speaker notes out of the slides (the build's index.html). */
export function fillPage(template: string, { model, slides }: BuiltDeck, options: { notes?: boolean } = {}): string {
  const { talk } = model;
  const head = html`<title>${talk.title}</title>
<meta name="description" content="${talk.description}">
${linkPreviewMeta(talk, model.words)}
${raw(browserWordsScript(model.words))}`;
  // The head the generator writes is held to its own allow-list, as the slides are (src/slides/build-deck.ts).
  const outside = outsideAllowList(unwrap(head), HEAD_TAGS, HEAD_ATTRIBUTES);
  if (outside.length) throw new Error(`The page's head holds what src/html/allowlist.ts does not allow: ${outside.join(', ')} (a fault in the code, not in the talk's files)`);
  return fill(template, talk.lang, unwrap(head), renderSections(slides, options));
}

/**
 * The dev server's page while the talk has never loaded: its problems on a slide, in English like the overlay
 * beside it (they are for whoever edits the talk), with the deck's English words so the deck's own code still runs.
 */
export function problemPage(template: string, message: string): string {
  const { words } = loadWords(BASE_LANG, undefined, { file: '', locate: () => ({ line: 1, column: 1 }) });
  // For the person editing the talk: there is no deck yet, and why (the dev page's panel lists the same lines over it).
  return fill(
    template,
    BASE_LANG,
    browserWordsScript(words),
    unwrap(html`<section class="problems"><h2>There is no deck to show yet</h2><p>The talk's files have problems. The deck appears as soon as you save the fixes.</p><pre>${message}</pre></section>`),
  );
}

function fill(template: string, lang: string, head: string, slides: string): string {
  const doc = parseHtml(template);
  const edits: Edit[] = elements(doc, 'html').slice(0, 1).map((root) => setAttribute(root, 'lang', lang));
  for (const [place, text] of [['deck:head', head], ['deck:slides', slides]] as const) {
    const found = comments(doc).filter((c) => c.data.trim() === place);
    if (found.length !== 1) throw new Error(`the page template must hold one <!-- ${place} --> comment, where the talk goes; it holds ${found.length}`);
    const [start, end] = outer(found[0]!);
    edits.push({ start, end, text });
  }
  return splice(template, edits);
}
