// Slides as Reveal `<section>` elements, each with its id, time budget and speaker notes. The built deck leaves the
// notes out of its page (no listener needs them to see slide 1): they travel in a script chunk of their own,
// slideNotesModule, which the speaker view and the print view load (src/browser/slide-notes.ts).
import type { TimedSlide } from '../layout/slide.ts';
import { html, unwrap } from '../html/escape.ts';

export function renderSections(slides: readonly TimedSlide[], options: { notes?: boolean } = {}): string {
  const withNotes = options.notes ?? true;
  return slides
    .map((s) =>
      withNotes
        ? unwrap(html`<section id="${s.id}" class="${s.kind}" data-timing="${s.seconds}">
${s.body}
<aside class="notes">${s.notes}</aside>
</section>`)
        : unwrap(html`<section id="${s.id}" class="${s.kind}" data-timing="${s.seconds}">
${s.body}
</section>`),
    )
    .join('\n');
}

/** Each slide's notes as HTML by the slide's id, as an ES module (slides without notes left out). */
export function slideNotesModule(slides: readonly TimedSlide[]): string {
  const notes = Object.fromEntries(slides.map((s) => [s.id, unwrap(s.notes).trim()]).filter(([, n]) => n));
  return `export default ${JSON.stringify(notes)};\n`;
}
