// Practitioners' words, large, with the attribution beneath; long quotes continue over slides.
import type { TalkModel } from '../data/load-data.ts';
import { escapeHtml, html, raw } from '../html/escape.ts';
import { markdownBlock } from '../markdown/render-markdown.ts';
import type { Slide } from '../layout/slide.ts';
import { continuedId, quoteId } from '../layout/slide-ids.ts';
import { splitText } from '../layout/split-text.ts';
import type { Words } from '../locale/words.ts';
import { partTitle } from './words.ts';

/** Words per slide at the quote's type size, so a slide never overflows. */
export const QUOTE_WORDS_PER_SLIDE = 70;

export function renderQuotes({ quotes, words: w }: TalkModel): Slide[] {
  return quotes.quotes.flatMap((q) =>
    renderQuoteSlides(
      {
        id: quoteId(q.id),
        heading: quotes.heading ?? w.text('quotes.heading'),
        text: q.text,
        attribution: w.text('quotes.attribution', { person: q.person, credential: q.credential }),
        notes: q.notes,
        privateNotes: q.privateNotes,
      },
      w,
    ),
  );
}

export interface QuoteInput {
  id: string;
  heading: string;
  text: string;
  attribution: string;
  notes: string;
  /** Notes for the speaker alone, shown with the first part. */
  privateNotes?: string;
  kind?: string;
}

export function renderQuoteSlides(q: QuoteInput, w: Words): Slide[] {
  const parts = splitText(q.text, QUOTE_WORDS_PER_SLIDE);
  const whole = quoteParagraphs(q.text.split(/\n\s*\n/));
  return parts.map((paragraphs, i) => {
    const numbered = parts.length > 1 ? partTitle('', i + 1, parts.length, w) : '';
    const continued = i > 0 ? html`<span class="continued">${w.text('deck.continued')}</span>` : '';
    return {
      id: continuedId(q.id, i),
      title: `${q.attribution}${numbered}`,
      kind: q.kind ?? 'quote',
      weight: 0.8,
      body: html`<h2 class="quote-heading">${q.heading}${continued}</h2>
<figure class="quote">
<blockquote>${raw(quoteParagraphs(paragraphs))}</blockquote>
<figcaption>${q.attribution}${numbered ? html`<span class="part">${numbered}</span>` : ''}</figcaption>
</figure>`,
      ...(i === 0 && q.privateNotes ? { privateNotes: markdownBlock(q.privateNotes) } : {}),
      notes: html`${i === 0 ? markdownBlock(q.notes) : ''}<p>${w.text('quotes.notesWhole', { who: q.attribution })}</p><blockquote>${raw(whole)}</blockquote>`,
    };
  });
}

function quoteParagraphs(paragraphs: string[]): string {
  // Quotes are kept verbatim: plain text, escaped, never read as Markdown.
  return paragraphs.map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('');
}
