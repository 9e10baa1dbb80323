// Loads Reveal's speaker view only when it is wanted: its code (with a Markdown parser) is about a third of the
// deck's script, and a listener opening the shared link never needs it.
import type { RevealApi, RevealPlugin } from 'reveal.js';
import type { NotesPlugin } from 'reveal.js/plugin/notes';
import { keyHelp } from './key-help.ts';
import { restoreNotes } from './slide-notes.ts';

const S = 83;

/** Stands in for the notes plugin until the presenter presses S, opens the deck with ?notes, or a speaker window
 *  left open from before a reload calls back. */
export class SpeakerNotes implements RevealPlugin {
  readonly id = 'speaker-notes';
  private deck!: RevealApi;
  private loading?: Promise<NotesPlugin>;

  init(deck: RevealApi): void {
    this.deck = deck;
    // The previews inside the speaker window are receivers: they never open a speaker view of their own.
    if (/receiver/i.test(location.search)) return;
    if (/[?&]notes/i.test(location.search)) {
      void this.load();
      return;
    }
    deck.addKeyBinding({ keyCode: S, key: 'S', description: keyHelp('speakerView.keyHelp') }, () => {
      void this.load().then((notes) => notes.open());
    });
    // A speaker window that outlived a reload of this page sends heartbeats; the plugin, once loaded, answers the next.
    const heard = (event: MessageEvent) => {
      if (typeof event.data !== 'string' || !event.data.includes('"reveal-notes"')) return;
      window.removeEventListener('message', heard);
      void this.load();
    };
    window.addEventListener('message', heard);
  }

  /** The speaker view asks for the deck's config (plugins included) as JSON: this plugin holds the deck itself. */
  toJSON(): { id: string } {
    return { id: this.id };
  }

  private load(): Promise<NotesPlugin> {
    // The notes themselves come with it (a chunk of their own, fetched at the same time), before the view asks for them.
    this.loading ??= Promise.all([import('reveal.js/plugin/notes'), import('./speaker-view-words.ts'), restoreNotes()]).then(([{ default: Notes }, { speakWindowLanguage }]) => {
      // Before the plugin can open its window, so the window gets the talk's words (a listener never loads this).
      speakWindowLanguage();
      const plugin = Notes();
      // The plugin binds S itself when it starts.
      this.deck.removeKeyBinding(S);
      this.deck.registerPlugin(plugin);
      return plugin;
    });
    return this.loading;
  }
}
