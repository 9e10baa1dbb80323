// Slides as Reveal `<section>` elements, each with its id, time budget and speaker notes.
import type { TimedSlide } from '../slides/slide.ts';
import { html, unwrap } from './escape.ts';

export function renderSections(slides: readonly TimedSlide[]): string {
  return slides
    .map(
      (s) =>
        unwrap(html`<section id="${s.id}" class="${s.kind}" data-timing="${s.seconds}">
${s.body}
<aside class="notes">${s.notes}</aside>
</section>`),
    )
    .join('\n');
}
