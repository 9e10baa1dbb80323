// A hand-written Markdown slide, its first heading made the slide's h2 so headings stay in order.
import type { MarkdownSlide } from '../data/load-markdown-slide.ts';
import { markdownBlock } from '../markdown/render-markdown.ts';
import type { Slide } from '../layout/slide.ts';
import { raw, unwrap } from '../html/escape.ts';
import { renamed, afterFirst } from '../html/dom.ts';
import { html } from '../html/escape.ts';
import type { Words } from '../locale/words.ts';

export function renderMarkdownSlide(md: MarkdownSlide, w: Words): Slide {
  // Each slide sits under the deck's one h1 (the title slide), so a slide's "# Heading" becomes h2.
  let body = renamed(unwrap(markdownBlock(md.body)), 'h1', 'h2');
  // A slide of the speaker's own view says so under its heading, so it never reads as a finding.
  if (md.own) body = afterFirst(body, 'h2', unwrap(html`<p class="own-view">${w.text('claims.ownSlide')}</p>`));
  return {
    id: md.id,
    title: md.title,
    kind: md.className ?? 'text',
    weight: md.weight,
    body: raw(body),
    notes: markdownBlock(md.notes),
    ...(md.privateNotes ? { privateNotes: markdownBlock(md.privateNotes) } : {}),
  };
}
