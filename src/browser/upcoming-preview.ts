// Keeps the speaker view's "upcoming" preview one slide ahead when it finished loading after the speaker view had
// already told it where to go.
import type { RevealApi, RevealPlugin } from 'reveal.js';

/** The speaker view opens its upcoming preview at the current slide (`?receiver&controls=false#/h/v`) and sends it
 *  "set state, then next" once, 200 ms after the *current* preview is ready. Reveal only listens for messages once
 *  it has started, so a preview that loads later (a busy machine, a slow disk) missed that message and showed the
 *  current slide as the upcoming one until the presenter moved. On ready, if this preview is still where its
 *  address put it, it takes the step itself; if the message did arrive, it has already moved and does nothing. */
export class UpcomingPreview implements RevealPlugin {
  readonly id = 'upcoming-preview';

  init(deck: RevealApi): void {
    if (!isUpcomingPreview(location.search)) return;
    const opened = indicesInAddress(location.hash);
    if (!opened) return;
    deck.on('ready', () => {
      const { h, v } = deck.getIndices();
      if (h === opened.h && v === opened.v) deck.next();
    });
  }
}

function isUpcomingPreview(search: string): boolean {
  return /[?&]receiver\b/i.test(search) && /[?&]controls=false\b/i.test(search);
}

/** The speaker view names the slide by its indices, `#/3/0`; any other address is not one it made. */
function indicesInAddress(hash: string): { h: number; v: number } | undefined {
  const match = /^#\/(\d+)\/(\d+)$/.exec(hash);
  return match ? { h: Number(match[1]), v: Number(match[2]) } : undefined;
}
