// The talk as Markdown, one entry per slide, made from our slide descriptions: what a person writing the same talk
// for Marp or for Reveal.js's Markdown plugin would type.
import { unwrap } from '../../src/html/escape.ts';
import type { BuiltDeck } from '../../src/deck/build-talk.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';

export interface MarkdownSlide {
  id: string;
  body: string;
  notes: string;
}

export function slidesAsMarkdown(deck: BuiltDeck): MarkdownSlide[] {
  return deck.slides.map((s) => ({ id: s.id, body: htmlToMarkdown(unwrap(s.body)), notes: htmlToMarkdown(unwrap(s.notes)) }));
}
