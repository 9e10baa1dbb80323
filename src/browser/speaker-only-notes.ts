// The presenter of `npm run present` gets the notes only the speaker may read (private notes, or every note when the
// talk publishes none): asked for once the relay has accepted the presenter's secret, with that secret, and put where
// Reveal's speaker view reads notes. Listeners never ask, and the server gives them to nobody without the secret.
import { restoreNotes } from './slide-notes.ts';

/** The server's address for them (src/present/server.ts SPEAKER_NOTES_PATH), relative to the deck. */
const PATH = 'speaker-notes.json';

let fetched: Promise<void> | undefined;

/** Once per page: fetches the speaker-only notes with the presenter's secret and puts each in its slide. */
export function loadSpeakerOnlyNotes(token: string): Promise<void> {
  fetched ??= (async () => {
    const response = await fetch(new URL(PATH, location.href), { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
    // None held back (or an old server): the published notes are all there is.
    if (!response.ok) return;
    const notes = (await response.json()) as Record<string, string>;
    // The published notes first, so these replace them rather than being replaced by them later.
    await restoreNotes();
    for (const [id, html] of Object.entries(notes)) {
      const section = document.getElementById(id);
      if (!section || section.tagName !== 'SECTION' || typeof html !== 'string') continue;
      let aside = section.querySelector<HTMLElement>(':scope > aside.notes');
      if (!aside) {
        aside = document.createElement('aside');
        aside.className = 'notes';
        section.append(aside);
      }
      // HTML the build made from the talk's files (escaped and allow-listed there), from the deck's own server.
      aside.innerHTML = html;
    }
  })().catch(() => {
    // A failed request leaves the published notes; the next welcome may try again.
    fetched = undefined;
  });
  return fetched;
}
