// The speaker notes of the built deck travel apart from its page, in a script chunk of their own (src/vite/deck-plugin.ts):
// a listener's first slide does not wait for them. The speaker view and Reveal's print view load them, and they are
// put back where Reveal reads them (each slide's <aside class="notes">), so getSlideNotes() and showNotes work as
// before. The dev server's page keeps its notes in place, and its notes module is empty.
let restoring: Promise<void> | undefined;

/** Puts each slide's notes back into its <section>; once, however often it is asked. */
export function restoreNotes(): Promise<void> {
  restoring ??= import('virtual:deck-notes').then(({ default: notes }) => {
    if (!notes) return;
    for (const [id, notesHtml] of Object.entries(notes)) {
      const section = document.getElementById(id);
      if (!section || section.tagName !== 'SECTION' || section.querySelector(':scope > aside.notes')) continue;
      const aside = document.createElement('aside');
      aside.className = 'notes';
      // The same HTML the build once wrote into the page: made from the talk's files, escaped and allow-listed there.
      aside.innerHTML = notesHtml;
      section.append(aside);
    }
  });
  return restoring;
}

/** Reveal's print view (`?print-pdf`) shows the notes with the slides when asked (showNotes), so it has them first. */
export const isPrintView = () => /print-pdf/i.test(location.search);
