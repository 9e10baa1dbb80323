// The browser entry: the slides arrive as finished HTML; this only starts Reveal.
import Reveal from 'reveal.js';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
// The typeface, regular and bold, cut at build time to the talk's characters (src/vite/fonts-plugin.ts).
import 'virtual:deck-fonts.css';
import '../styles/deck.css';
import '../styles/print.css';
import { guardMessages, needsPostMessageApi } from './message-guard.ts';
import { SpeakerNotes } from './speaker-notes.ts';
import { isPrintView, restoreNotes } from './slide-notes.ts';
import { UpcomingPreview } from './upcoming-preview.ts';
import { say } from './deck-words.ts';
import { translateKeyHelp } from './key-help.ts';
import { FollowAlong } from './follow/plugin.ts';
import { SLIDE_LOOK } from '../layout/slide-look.ts';

// First, before Reveal or any plugin listens: messages from other sites' windows never reach them.
guardMessages();

const deck = new Reveal({
  ...SLIDE_LOOK,
  hash: true,
  respondToHashChanges: true,
  pdfSeparateFragments: false,
  // Off, except in the speaker view's preview frames, which the speaker window moves by message (see message-guard.ts).
  postMessage: needsPostMessageApi(),
  // Every slide carries its own data-timing; setting a default is what turns on the speaker view's pacing timer.
  // (reveal.js 6's types declare this option as null only, though the speaker view reads a number.)
  defaultTiming: 60 as unknown as null,
  // Follow along live does nothing unless served by npm run present.
  plugins: [new SpeakerNotes(), new UpcomingPreview(), new FollowAlong()],
});

// On the dev server only: the talk's problems over the deck, in the project's own panel (not Vite's overlay).
if (import.meta.hot) {
  import.meta.hot.on('deck:problems', (data: { message: string }) => void import('./dev-problems.ts').then((m) => m.showProblems(data)));
  import.meta.hot.on('deck:slides', (data: import('./dev-refresh.ts').NewSlides) => void import('./dev-refresh.ts').then((m) => m.showSlides(deck, data)));
  // The server's word may have come before this page listened (it reloads on every save): ask for it.
  import.meta.hot.send('deck:ask-problems');
}

// decktape and other tools look for a global Reveal.
(window as unknown as { Reveal: typeof deck }).Reveal = deck;
// The print view lays out the notes with the slides (?print-pdf&showNotes=true), so it waits for them.
const started = isPrintView() ? restoreNotes().then(() => deck.initialize()) : deck.initialize();
void started.then(() => {
  // After initialize: Reveal sets its own (English) shortcut descriptions while it starts.
  translateKeyHelp(deck);
  nameControls(deck.getRevealElement());
});

/** Reveal names its arrow buttons in English; screen readers should say them in the talk's language. */
function nameControls(root: HTMLElement | null) {
  const names = { left: 'controls.previous', right: 'controls.next', up: 'controls.above', down: 'controls.below' } as const;
  for (const [side, key] of Object.entries(names)) {
    root?.querySelector(`.controls .navigate-${side}`)?.setAttribute('aria-label', say(key));
  }
}
