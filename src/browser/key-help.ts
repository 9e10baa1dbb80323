// Reveal's list of keys (press ?) in the talk's language. Reveal writes that list with innerHTML, so every
// description given to it here or with addKeyBinding goes through keyHelp(), which escapes it.
import type { RevealApi } from 'reveal.js';
import type { BrowserKey } from '../locale/browser-keys.ts';
import { say } from './deck-words.ts';

/** Reveal 6's own shortcuts in its default navigation mode, by the exact key text it lists them under. */
const REVEAL_SHORTCUTS: Record<string, BrowserKey> = {
  'N  ,  SPACE': 'keys.next',
  'P  ,  Shift SPACE': 'keys.previous',
  '&#8592;  ,  H': 'keys.left',
  '&#8594;  ,  L': 'keys.right',
  '&#8593;  ,  K': 'keys.up',
  '&#8595;  ,  J': 'keys.down',
  'Alt + &#8592;/&#8593/&#8594;/&#8595;': 'keys.noFragments',
  'Shift + &#8592;/&#8593/&#8594;/&#8595;': 'keys.firstLast',
  'B  ,  .': 'keys.pause',
  F: 'keys.fullscreen',
  G: 'keys.jump',
  'ESC, O': 'keys.overview',
};

/** A key's description as Reveal's help writes it: as HTML, so escaped. */
export function keyHelp(key: BrowserKey): string {
  return say(key).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function translateKeyHelp(deck: RevealApi): void {
  for (const [keys, message] of Object.entries(REVEAL_SHORTCUTS)) deck.registerKeyboardShortcut(keys, keyHelp(message));
  // The list's heading and column names are fixed in Reveal's code: they are replaced when the list is shown.
  const root = deck.getRevealElement();
  if (!root) return;
  new MutationObserver(() => {
    const help = root.querySelector('.r-overlay-help');
    if (!help || help.hasAttribute('data-translated')) return;
    help.setAttribute('data-translated', '');
    const title = help.querySelector('.title');
    if (title) title.textContent = say('keys.title');
    const [key, action] = help.querySelectorAll('th');
    if (key) key.textContent = say('keys.key');
    if (action) action.textContent = say('keys.action');
  }).observe(root, { childList: true, subtree: true });
}
