// The handout's print page, made from the same slides as the deck: every slide (its real HTML, scaled into a 16:9
// box) above what the speaker says, then the full references with their links, where to read more, and the thanks.
// `npm run pdf` prints it to <slug>-handout.pdf; it also prints from a browser. The large-print version (the same
// page in 18-point type, one slide to a page, each slide across the page) prints to <slug>-handout-large-print.pdf.
import { readFileSync } from 'node:fs';
import type { TalkModel } from '../data/load-data.ts';
import { cssString } from '../html/css-escape.ts';
import { html, raw, unwrap, type Raw } from '../html/escape.ts';
import { elements, inside, isTag, outer, parseHtml, setAttribute, splice, texts } from '../html/dom.ts';
import { markdownInline } from '../markdown/render-markdown.ts';
import { doiUrl, pubmedUrl } from '../references/csl-item.ts';
import type { FormattedReference } from '../references/format-references.ts';
import type { Words } from '../locale/words.ts';
import { lowerFirst } from '../render/words.ts';
import type { Study } from '../schema/index.ts';
import { cspMeta, textPagePolicy } from '../share/csp.ts';
import { sharedUrl, handoutPageFile, largePrintPageFile } from '../names/output-files.ts';
import { inlineFontFaces } from '../share/fonts.ts';
import { linkPreviewMeta } from '../share/link-preview.ts';
import type { TimedSlide } from '../layout/slide.ts';
import type { BuiltDeck } from '../deck/build-talk.ts';

/** The deck's slide size, in CSS pixels. */
export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;
/**
 * How much a slide is shrunk on the handout: 0.46 makes it 6.13 inches wide (within the text width of US Letter and
 * A4), 0.46 of its size in the slides PDF: its body text 12.4 points, its smallest (citations) about 8.3. Two short
 * entries fit on a page.
 */
export const THUMB_ZOOM = 0.46;
/** On the large-print handout: the slide across A4's text width less a hair (7.2 inches), its body text 14.6 points. */
export const LARGE_PRINT_ZOOM = 0.54;

export interface HandoutOptions {
  /** The large-print handout: 18-point notes, one slide to a page, each slide across the page. */
  largePrint?: boolean;
}

/** The page, with `fontFaces` as its @font-face rules (as for the text version: the build passes the cut typeface). */
export function renderHandoutPage(deck: BuiltDeck, fontFaces?: string, options: HandoutOptions = {}): { fileName: string; source: string } {
  const { talk, words: w } = deck.model;
  const large = options.largePrint === true;
  const fileName = large ? largePrintPageFile(talk) : handoutPageFile(talk);
  const total = deck.slides.length;
  const title = w.text(large ? 'handout.largePrintTitle' : 'handout.title', { title: talk.title });
  // The footer: the handout's title, or on the large-print pages (where it is larger) the talk's own title; a long
  // one shortened, so it never runs into the page number beside it.
  const footer = footerTitle(large ? talk.title : title, large ? FOOTER_CHARS_LARGE : FOOTER_CHARS);
  const style = handoutStyle(footer, fontFaces ?? inlineFontFaces(), w, large);
  const speaker = talk.speaker.name ? w.text('handout.speaker', { name: talk.speaker.name, role: lowerFirst(talk.speaker.role, w) }) : talk.speaker.role;
  const notes = printedNotes(deck.slides, w);
  const ids = new Set(deck.slides.map((s) => s.id));

  const page = html`<!doctype html>
<html lang="${talk.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${raw(cspMeta(textPagePolicy({ scripts: [], styles: [style] })))}
<title>${title}</title>
<meta name="description" content="${talk.description}">
${linkPreviewMeta(talk, w, { file: fileName, title })}
<style>${raw(style)}</style>
</head>
<body class="handout${large ? ' large-print' : ''}">
<header class="cover">
<p class="kicker">${w.text(large ? 'handout.largePrintKicker' : 'handout.kicker')}</p>
<h1>${talk.title}</h1>
${talk.subtitle ? html`<p class="subtitle">${talk.subtitle}</p>` : ''}
<p class="event">${w.text('handout.event', { speaker, kind: talk.event.kind, chapter: talk.event.chapter, organisation: talk.event.organisation })}</p>
<div class="about">
<p>${w.text('handout.about', { total })}</p>
${talk.publishNotes ? '' : html`<p class="no-notes">${w.text('handout.notesNotPublished')}</p>`}
<p>${w.html('handout.online', { link: html`<a href="${talk.shareUrl}">${talk.shareUrl}</a>` })}</p>
</div>
</header>
<main>
${deck.slides.map((s, i) => entry(s, i + 1, total, notes[i]!, deck.model, ids))}
${backMatter(deck)}
</main>
</body>
</html>
`;
  return { fileName, source: unwrap(page) };
}

/** One slide: its number and title, the slide itself shrunk, and the speaker notes beside it. */
function entry(slide: TimedSlide, n: number, total: number, notes: string, model: TalkModel, ids: Set<string>): Raw {
  const body = slideBodyForPrint(unwrap(slide.body), model, ids);
  const { lead, rest } = splitNotes(notesForPrint(notes, model, ids));
  // The heading, the slide and the first notes under it stay together on one page; longer notes go on below, onto
  // the next page if they must, so that no page is left half empty. A slide with no notes (or a talk that does not
  // publish them) prints the slide alone, without an empty "What the speaker says".
  return html`<article class="entry" id="slide-${slide.id}" data-title="${slide.title}" aria-labelledby="slide-${slide.id}-h">
<div class="lead">
<h2 id="slide-${slide.id}-h"><span class="no">${model.words.text('handout.slide', { n })}</span><span class="sep">: </span>${slide.title}</h2>
<div class="thumb"><div class="reveal"><div class="slides"><section class="${slide.kind}">
${raw(body)}
</section></div><div class="slide-number" aria-hidden="true">${n} / ${total}</div></div></div>
${lead.length ? html`<div class="notes">
<p class="notes-label">${model.words.text('handout.speakerSays')}</p>
${raw(lead.join('\n'))}
</div>` : ''}
</div>
${rest.length ? html`<div class="notes rest">
${raw(rest.join('\n'))}
</div>` : ''}
</article>
`;
}

/** About as many words of notes as are kept on the slide's page, under it (the rest may go on to the next page). */
export const WORDS_BESIDE_SLIDE = 40;

/**
 * The notes' top-level blocks, split in two: those that go beside the slide (at least one, then more while the
 * words fit beside it), and the rest.
 */
export function splitNotes(notes: string, wordsBeside = WORDS_BESIDE_SLIDE): { lead: string[]; rest: string[] } {
  const blocks = topLevelBlocks(notes);
  const lead: string[] = [];
  let words = 0;
  for (const block of blocks) {
    const count = wordCount(block);
    if (lead.length && words + count > wordsBeside) break;
    lead.push(block);
    words += count;
  }
  // A paragraph that introduces what follows ("The whole quote, from …:") goes with it.
  while (lead.length > 1 && lead.length < blocks.length && endsWithColon(lead[lead.length - 1]!)) {
    lead.pop();
  }
  return { lead, rest: blocks.slice(lead.length) };
}

/** Words in HTML: those of its text, a tag separating two words as white space does. */
function wordCount(htmlText: string): number {
  return texts(parseHtml(htmlText)).reduce((sum, t) => sum + t.data.split(/\s+/).filter(Boolean).length, 0);
}

/** Whether HTML's last text ends with a colon (closing tags and white space after it do not count). */
function endsWithColon(htmlText: string): boolean {
  const last = texts(parseHtml(htmlText)).filter((t) => t.data.trim()).pop();
  return last !== undefined && /:\s*$/.test(last.data);
}

/** Splits HTML into its top-level elements (text between them kept as blocks of its own). */
export function topLevelBlocks(htmlText: string): string[] {
  const blocks: string[] = [];
  let at = 0;
  const between = (end: number) => {
    const text = htmlText.slice(at, end).trim();
    if (text) blocks.push(text);
  };
  for (const el of parseHtml(htmlText).children.filter(isTag)) {
    const [start, end] = outer(el);
    between(start);
    blocks.push(htmlText.slice(start, end));
    at = end;
  }
  between(htmlText.length);
  return blocks;
}

/**
 * A slide's HTML as the handout shows it: its headings keep their look but are no longer headings (the handout's
 * own "Slide n" heading stands for the slide, in the PDF's outline too), and relative links point at the published
 * copy, since a PDF has no folder of its own.
 */
export function slideBodyForPrint(body: string, model: TalkModel, ids: Set<string>): string {
  const headings = elements(parseHtml(body), (el) => /^h[1-6]$/.test(el.name) && !Object.hasOwn(el.attribs, 'role'));
  return absoluteLinks(splice(body, headings.map((h) => setAttribute(h, 'role', 'none'))), model, ids);
}

function notesForPrint(notes: string, model: TalkModel, ids: Set<string>): string {
  return absoluteLinks(notes, model, ids);
}

/** Relative links to the published copy; links to a slide (`#/id`) to that slide's place in the handout. */
export function absoluteLinks(htmlText: string, { talk }: TalkModel, ids: Set<string>): string {
  const edits = elements(parseHtml(htmlText), (el) => Object.hasOwn(el.attribs, 'href')).flatMap((el) => {
    const href = el.attribs.href!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return [];
    const slide = /^#\/?([^/?#]+)/.exec(href)?.[1];
    if (slide !== undefined) return ids.has(slide) ? [setAttribute(el, 'href', `#slide-${slide}`)] : [];
    return [setAttribute(el, 'href', sharedUrl(talk, href))];
  });
  return splice(htmlText, edits);
}

/**
 * The notes as printed: a quotation already printed in full in the notes of an earlier slide (a long quote split
 * over several slides repeats it whole in each slide's notes) is not printed again, but pointed to.
 */
export function printedNotes(slides: readonly TimedSlide[], w: Words): string[] {
  const seen = new Map<string, number>();
  return slides.map((s, i) => {
    const notes = unwrap(s.notes);
    const quotes = elements(parseHtml(notes), (el) => el.name === 'blockquote' && !inside(el, 'blockquote'));
    const edits = quotes.flatMap((q) => {
      const [start, end] = outer(q);
      const key = notes.slice(start, end).replace(/\s+/g, ' ');
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i + 1);
        return [];
      }
      return [{ start, end, text: unwrap(html`<p class="same-quote">${w.text('handout.sameQuote', { n: first })}</p>`) }];
    });
    return splice(notes, edits);
  });
}

/** References in full, with links written out so they can be typed from paper; where to read more; thanks. */
function backMatter({ model, slides }: BuiltDeck): Raw {
  const { studies, resources, people, quotes, words: w } = model;
  const slideNumbers = (study: Study) =>
    slides.flatMap((s, i) => (s.id === `study-${study.id}` || s.id.startsWith(`study-${study.id}-`) ? [i + 1] : []));
  const hosts = people.invitedBy ? w.list(people.invitedBy.people.map((p) => p.name)) : '';
  const book = people.book;
  const author = book && people.helpers.find((h) => h.id === book.author);
  // In the style's order, as on the references slide.
  const byId = new Map(studies.studies.map((s) => [s.id, s]));
  const refs = model.references.list.map((r) => reference(byId.get(r.id)!, r, slideNumbers(byId.get(r.id)!), w));
  return html`<section class="back references" aria-labelledby="references">
<h2 id="references">${w.text('references.title')}</h2>
${model.references.numeric ? html`<ol class="refs">${refs}</ol>` : html`<ul class="refs author-date">${refs}</ul>`}
</section>
${resources.resources.length ? html`<section class="back" aria-labelledby="read-more">
<h2 id="read-more">${w.text('resources.title')}</h2>
<ul class="resources">
${resources.resources.map(
  (r) =>
    html`<li><strong>${markdownInline(r.name)}</strong>. ${markdownInline(r.about)}${
      r.url ? html`<br><a href="${r.url}">${r.url}</a>` : ''
    }</li>\n`,
)}
</ul>
</section>` : ''}
<section class="back" aria-labelledby="thanks">
<h2 id="thanks">${w.text('handout.thanks')}</h2>
<ul class="thanks">
${people.invitedBy ? html`<li>${w.html('handout.invited', { hosts, organisation: people.invitedBy.organisation })}</li>` : ''}
${people.team ? html`<li>${w.html('handout.team', { name: people.team.name ?? w.text('thanks.teamWord'), summary: markdownInline(people.team.summary), didWhat: people.team.didWhat.join('; ') })}</li>` : ''}
${people.helpers.map((h) => html`<li>${helperLine(h, book && author && h.id === author.id ? book.titles : undefined, w)}</li>\n`)}
${quotes.quotes.length ? html`<li>${w.html('handout.quoted', {
  names: w.listHtml(quotes.quotes.map((q) => html`<strong>${q.credential ? `${q.person}, ${q.credential}` : q.person}</strong>`)),
})}</li>` : ''}
${people.groups.length ? html`<li>${w.html('handout.groups', {
  groups: w.listHtml(
    people.groups.map((g) => {
      const name = g.url ? html`<a href="${g.url}">${g.name}</a>` : html`<strong>${g.name}</strong>`;
      return w.html('handout.group', { name, platform: g.platform });
    }),
  ),
})}</li>` : ''}
</ul>
<p class="colophon">${w.html('handout.colophon', { link: html`<a href="${model.talk.shareUrl}">${model.talk.shareUrl}</a>` })}</p>
</section>`;
}

/** A helper's line of thanks: the same messages as the thanks slide, the book's titles each a title of its own. */
function helperLine(h: TalkModel['people']['helpers'][number], titles: readonly string[] | undefined, w: Words): Raw {
  const values = {
    name: h.credential ? `${h.name}, ${h.credential}` : h.name,
    what: markdownInline(h.thanksFor ?? w.text('thanks.defaultFor')),
    ...(h.about ? { about: h.about } : {}),
    ...(titles ? { book: titles.join('; ') } : {}),
  };
  return w.html(`thanks.helper${h.about ? 'About' : ''}${titles ? 'Book' : ''}`, values);
}

function reference(study: Study, formatted: FormattedReference, onSlides: number[], w: Words): Raw {
  const c = study.citation;
  const slidesText = onSlides.length ? w.text('handout.onSlides', { count: onSlides.length, slides: w.list(onSlides.map((n) => w.number(n))) }) : '';
  // The addresses written out in full, to type from paper, unless the style already wrote one out.
  const doiLine = c.doi && !formatted.text.includes(doiUrl(c.doi)) ? w.html('handout.doi', { link: html`<a href="${doiUrl(c.doi)}">${doiUrl(c.doi)}</a>` }) : undefined;
  const pubmedLine = c.pmid ? w.html('handout.pubmed', { pmid: c.pmid, link: html`<a href="${pubmedUrl(c.pmid)}">${pubmedUrl(c.pmid)}</a>` }) : undefined;
  const lines = [doiLine, pubmedLine].filter((l): l is Raw => l !== undefined);
  return html`<li>
<p class="cite">${formatted.html}</p>
${lines.length ? html`<p class="ref-links">${lines.map((l, i) => (i ? html`<br>${l}` : l))}</p>` : ''}
${slidesText ? html`<p class="ref-slides">${slidesText}</p>` : ''}
</li>
`;
}

/**
 * The page's one style sheet: the deck's typeface and look (so the slides match the deck), then the handout's, with
 * the footer's words (the title; "Page 3 of 22") in the talk's language.
 */
function handoutStyle(title: string, fontFaces: string, w: Words, large: boolean): string {
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const footer = `@page{@bottom-left{content:${cssString(title)}}@bottom-right{content:${pageCounter(w)}}}`;
  const sizes = `:root{--thumb-zoom:${large ? LARGE_PRINT_ZOOM : THUMB_ZOOM};--slide-w:${SLIDE_WIDTH}px;--slide-h:${SLIDE_HEIGHT}px}`;
  // The footer of the large-print handout is large too: the talk's title and page number on every page, at 16 points.
  const largePage = large ? '@page{margin:0.5in 0.5in 0.85in;@bottom-left{font-size:16pt}@bottom-right{font-size:16pt}}' : '';
  return [fontFaces, read('../styles/deck.css'), sizes, read('./handout.css'), footer, largePage].join('\n');
}

/** The most characters of a title the footer holds beside "Page 12 of 34": at 8.5 points, and at 16 on large print. */
export const FOOTER_CHARS = 90;
export const FOOTER_CHARS_LARGE = 42;

/** A title for the footer: whole when it fits, else cut at a word and ended with an ellipsis. */
export function footerTitle(title: string, max: number): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= max / 2 ? atWord : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * The locale's "Page {page} of {pages}" as CSS content: its words as strings, the page numbers as counters. Any
 * other placeholder is left out rather than printed as braces.
 */
export function pageCounter(w: Words): string {
  const marks = { page: '\uE100', pages: '\uE101' } as const;
  const message = w.text('handout.pageFooter', { page: marks.page, pages: marks.pages });
  return message
    .split(/(\uE100|\uE101)/u)
    .filter((part) => part !== '')
    .map((part) => (part === marks.page ? 'counter(page)' : part === marks.pages ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/** A CSS string literal: every character outside a safe set hex-escaped (see css-escape.ts). */
export { cssString };
