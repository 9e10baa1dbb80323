// A hand-written Markdown slide, its first heading made the slide's h2 so headings stay in order.
import type { MarkdownSlide } from '../data/load-markdown-slide.ts';
import { markdownBlock } from '../markdown/render-markdown.ts';
import type { Slide } from '../layout/slide.ts';
import { raw, unwrap } from '../html/escape.ts';
import { renamed } from '../html/dom.ts';

export function renderMarkdownSlide(md: MarkdownSlide): Slide {
  // Each slide sits under the deck's one h1 (the title slide), so a slide's "# Heading" becomes h2.
  const body = renamed(unwrap(markdownBlock(md.body)), 'h1', 'h2');
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
