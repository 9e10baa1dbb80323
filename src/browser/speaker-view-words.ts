// Reveal's speaker view in the talk's language. The notes plugin writes the speaker window from a fixed English page
// (Upcoming, Time, Click to Reset, Pacing, Notes, its layout menu, a US clock) and offers no way to change those words.
// The window is opened by this page (about:blank, so it is this page's own origin): as soon as the plugin has written
// it, its labels are set from the deck's words, and the two it rewrites by itself (the layout label, the clock) are
// written again in the talk's language whenever it does.
import { say } from './deck-words.ts';

/** The name the notes plugin gives its window (window.open's second argument). */
const SPEAKER_WINDOW = 'reveal.js - Notes';

const LAYOUTS = {
  default: 'speakerView.layoutDefault',
  wide: 'speakerView.layoutWide',
  tall: 'speakerView.layoutTall',
  'notes-only': 'speakerView.layoutNotesOnly',
} as const;

let watching = false;

/** From now on, the speaker window the notes plugin opens is given the talk's words. Loaded with the plugin. */
export function speakWindowLanguage(): void {
  if (watching) return;
  watching = true;
  const open = window.open.bind(window);
  window.open = (url?: string | URL, target?: string, features?: string) => {
    const opened = open(url, target, features);
    // The plugin writes the page right after opening it, in the same task: the words go on once it has.
    if (opened && target === SPEAKER_WINDOW) queueMicrotask(() => translate(opened));
    return opened;
  };
}

function translate(view: Window): void {
  let doc: Document;
  try {
    doc = view.document;
  } catch {
    return; // Not this page's origin after all: the view keeps its own words.
  }
  const lang = document.documentElement.lang;
  if (lang) doc.documentElement.lang = lang;
  doc.title = say('speakerView.windowTitle', { title: document.title });
  const set = (selector: string, text: string) => {
    const el = doc.querySelector(selector);
    if (el) el.textContent = text;
  };
  // "Time" shares its heading with the reset button, which keeps its own element.
  const time = doc.querySelector('.speaker-controls-time h4.label:not(.pacing-title)');
  const reset = time?.querySelector('.reset-button');
  if (time && reset) {
    reset.textContent = say('speakerView.resetTimer');
    time.replaceChildren(`${say('speakerView.time')} `, reset);
  }
  set('#upcoming-slide .label', say('speakerView.upcoming'));
  set('.speaker-controls-time .pacing-title', say('speakerView.pacing'));
  set('.speaker-controls-notes .label', say('speakerView.notes'));
  const status = doc.querySelector<HTMLElement>('#connection-status');
  if (status && status.style.display !== 'none') status.textContent = say('speakerView.loading');
  for (const option of doc.querySelectorAll<HTMLOptionElement>('.speaker-layout-dropdown option')) {
    const key = LAYOUTS[option.value as keyof typeof LAYOUTS];
    if (key) option.textContent = say(key);
  }
  const dropdown = doc.querySelector<HTMLSelectElement>('.speaker-layout-dropdown');
  const label = doc.querySelector('.speaker-layout-label');
  const clock = doc.querySelector('.speaker-controls-time .clock-value');
  const layoutText = () => {
    const key = LAYOUTS[dropdown?.value as keyof typeof LAYOUTS];
    return key ? `${say('speakerView.layout')}: ${say(key)}` : say('speakerView.layout');
  };
  const clockText = () => new Date().toLocaleTimeString(lang || undefined, { hour: '2-digit', minute: '2-digit' });
  // The view rewrites these two itself (the label on every change of layout, the clock every second), in English.
  const keep = (el: Element | null, text: () => string) => {
    if (!el) return;
    const write = () => {
      const want = text();
      if (el.textContent !== want) el.textContent = want;
    };
    write();
    new (view as unknown as typeof globalThis).MutationObserver(write).observe(el, { childList: true, characterData: true, subtree: true });
  };
  keep(label, layoutText);
  keep(clock, clockText);
}
