// The text version: every slide's text in order as one accessible page, with the speaker notes and references.
import { readFileSync } from 'node:fs';
import { escapeHtml, html, raw, unwrap, type Raw } from '../html/escape.ts';
import type { TimedSlide } from '../layout/slide.ts';
import type { BuiltDeck } from '../deck/build-talk.ts';
import { cspMeta, textPagePolicy } from './csp.ts';
import { provenanceFile, singleFile, textVersionFile } from './files.ts';
import { inlineFontFaces } from './fonts.ts';
import { linkPreviewMeta } from './link-preview.ts';
import type { Words } from '../locale/words.ts';
import { lowerFirst } from '../render/words.ts';
import { replayFile } from '../render/files.ts';

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
  let out = body;
  const first = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/.exec(out);
  if (first && plain(first[2]!) === plain(title)) out = out.slice(0, first.index) + out.slice(first.index + first[0].length);
  out = out.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Math.max(3, Number(level) + 1))}`);
  // A wide table scrolls inside a box of its own on a small screen, instead of widening the page.
  out = out.replace(/<table\b[\s\S]*?<\/table>/g, (table) => {
    const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/.exec(table)?.[1];
    const label = caption ? plain(caption) : tableLabel;
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(label)}">${table}</div>`;
  });
  const self = new RegExp(`<p\\b[^>]*>(?:(?!</p>)[\\s\\S])*?href="${selfFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[\\s\\S]*?</p>`, 'g');
  return out.replace(self, '').trim();
}

function plain(s: string): string {
  return s
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
