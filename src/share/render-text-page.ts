// The text version: every slide's text in order as one accessible page, with the speaker notes and references.
import { readFileSync } from 'node:fs';
import { escapeHtml, html, raw, unwrap, type Raw } from '../html/escape.ts';
import { elements, inside, outer, parseHtml, splice, tagName, textOf, type Edit, type Element } from '../html/dom.ts';
import type { TimedSlide } from '../layout/slide.ts';
import type { BuiltDeck } from '../deck/build-talk.ts';
import { cspMeta, textPagePolicy } from './csp.ts';
import { provenanceFile, singleFile, textVersionFile, replayFile, handoutPageFile, largePrintPageFile, referencesJsonFile, referencesRisFile } from '../names/output-files.ts';
import { inlineFontFaces } from './fonts.ts';
import { linkPreviewMeta } from './link-preview.ts';
import type { Words } from '../locale/words.ts';
import { lowerFirst } from '../render/words.ts';

/**
 * Shows or hides every slide's notes at once; each slide's own <details> works without it. Its two labels are read
 * from the button's data attributes, in the talk's language: the script itself stays the same for every talk, so
 * its hash in the page's CSP stays the same too.
 */
export const TOGGLE_SCRIPT = `(function () {
  var button = document.getElementById('notes-toggle');
  var all = function () { return Array.prototype.slice.call(document.querySelectorAll('details.notes')); };
  var sync = function () {
    var open = all().every(function (d) { return d.open; });
    button.textContent = button.getAttribute(open ? 'data-hide' : 'data-show');
    button.setAttribute('data-open', String(open));
  };
  button.addEventListener('click', function () {
    var open = button.getAttribute('data-open') !== 'true';
    all().forEach(function (d) { d.open = open; });
    sync();
  });
  all().forEach(function (d) { d.addEventListener('toggle', sync); });
  button.parentElement.hidden = false;
  sync();
})();`;

/**
 * The page, with `fontFaces` as its @font-face rules: the build passes the typeface cut to the talk's characters
 * (src/fonts/typeface.ts); without it, the package's whole faces.
 */
export function renderTextPage(deck: BuiltDeck, fontFaces?: string): { fileName: string; source: string } {
  const { talk, words: w } = deck.model;
  const fileName = textVersionFile(talk);
  const style = `${fontFaces ?? inlineFontFaces()}\n${readFileSync(new URL('./text-page.css', import.meta.url), 'utf8')}`;
  const total = deck.slides.length;
  const speaker = talk.speaker.name ? w.text('textPage.speaker', { name: talk.speaker.name, role: lowerFirst(talk.speaker.role, w) }) : talk.speaker.role;
  const minutes = deck.slides.reduce((sum, s) => sum + s.seconds, 0) / 60;
  const title = w.text('textPage.title', { title: talk.title });
  const links = w.html('textPage.links', {
    open: html`<a href="index.html">${w.text('textPage.openSlides')}</a>`,
    download: html`<a href="${singleFile(talk)}">${w.text('textPage.downloadSlides')}</a>`,
  });

  const page = html`<!doctype html>
<html lang="${talk.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${raw(cspMeta(textPagePolicy({ scripts: [TOGGLE_SCRIPT], styles: [style] })))}
<title>${title}</title>
<meta name="description" content="${talk.description}">
${linkPreviewMeta(talk, w, { file: fileName, title })}
<style>${raw(style)}</style>
</head>
<body>
<a class="skip" href="#slides">${w.text('textPage.skip')}</a>
<header>
<h1>${talk.title}</h1>
${talk.subtitle ? html`<p class="subtitle">${talk.subtitle}</p>` : ''}
<p>${w.text('textPage.event', { speaker, kind: talk.event.kind, chapter: talk.event.chapter, organisation: talk.event.organisation })}</p>
<p class="about">${w.text('textPage.about', { total, minutes: Math.round(minutes) })}
${links}</p>
${talk.replay ? html`<p class="replay-link"><a href="${replayFile(talk)}">${w.text('replay.textLink')}</a></p>` : ''}
<div class="controls" hidden><button type="button" id="notes-toggle" aria-controls="slides" data-show="${w.text('textPage.showNotes')}" data-hide="${w.text(
    'textPage.hideNotes',
  )}">${w.text('textPage.hideNotes')}</button></div>
<nav aria-labelledby="contents">
<h2 id="contents">${w.text('textPage.contents')}</h2>
<ol>
${deck.slides.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>\n`)}</ol>
</nav>
</header>
<main id="slides">
${deck.slides.map((s, i) => slideSection(s, i + 1, total, fileName, w))}
</main>
<footer>
<p>${w.html('textPage.footer', { title: talk.title, link: html`<a href="${talk.shareUrl}" rel="noopener noreferrer">${talk.shareUrl}</a>` })}</p>
${deck.model.studies.studies.length ? html`<p>${w.html('textPage.referenceFiles', {
  ris: html`<a href="${referencesRisFile(talk)}">${referencesRisFile(talk)}</a>`,
  json: html`<a href="${referencesJsonFile(talk)}">${referencesJsonFile(talk)}</a>`,
})}</p>` : ''}
<p>${w.html('handout.handouts', {
  standard: html`<a href="${handoutPageFile(talk)}">${w.text('handout.standardLink')}</a>`,
  large: html`<a href="${largePrintPageFile(talk)}">${w.text('handout.largeLink')}</a>`,
})}</p>
${deck.model.provenance.length ? html`<p><a href="${provenanceFile(talk)}">${w.text('textPage.sourcesLink')}</a></p>` : ''}
</footer>
<script>${raw(TOGGLE_SCRIPT)}</script>
</body>
</html>
`;
  return { fileName, source: unwrap(page) };
}

function slideSection(slide: TimedSlide, n: number, total: number, selfFile: string, w: Words): Raw {
  return html`<section id="${slide.id}" aria-labelledby="${slide.id}-heading">
<h2 id="${slide.id}-heading"><span class="slide-no">${w.text('textPage.slideNumber', { n, total })}</span> ${slide.title}</h2>
${raw(textBody(unwrap(slide.body), slide.title, selfFile, w.text('textPage.table')))}
<details class="notes" open>
<summary>${w.text('textPage.notes')}<span class="visually-hidden"> ${w.text('textPage.notesFor', { n })}</span></summary>
${slide.notes}
</details>
</section>
`;
}

/**
 * A slide's HTML as part of the text page: its own heading dropped when it only repeats the slide's title
 * (otherwise kept one level down, under the slide's heading), tables in a box that scrolls sideways on a small
 * screen, and links to this very page left out.
 */
export function textBody(body: string, title: string, selfFile: string, tableLabel: string): string {
  const doc = parseHtml(body);
  const edits: Edit[] = [];
  const removed: Element[] = [];
  const headings = elements(doc, HEADINGS);
  if (headings[0] && textOf(headings[0]) === textOf(parseHtml(title))) removed.push(headings[0]);
  // Links to this very page are left out, with the paragraph that holds them.
  removed.push(...elements(doc, (p) => p.name === 'p' && elements(p, (a) => a.attribs.href === selfFile).length > 0));
  for (const el of removed) edits.push({ start: outer(el)[0], end: outer(el)[1], text: '' });
  const kept = (el: Element) => !removed.some((r) => r === el || (outer(r)[0] <= outer(el)[0] && outer(el)[1] <= outer(r)[1]));
  for (const h of headings.filter(kept)) {
    const level = `h${Math.min(6, Math.max(3, Number(h.name[1]) + 1))}`;
    for (const name of [tagName(h, 'open'), tagName(h, 'close')]) if (name) edits.push({ start: name[0], end: name[1], text: level });
  }
  // A wide table scrolls inside a box of its own on a small screen, instead of widening the page.
  for (const table of elements(doc, 'table').filter((t) => kept(t) && !inside(t, 'table'))) {
    const caption = elements(table.children, 'caption')[0];
    const label = caption ? textOf(caption) : tableLabel;
    const [start, end] = outer(table);
    edits.push({ start, end: start, text: `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(label)}">` });
    edits.push({ start: end, end, text: '</div>' });
  }
  return splice(body, edits).trim();
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
