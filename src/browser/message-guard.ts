// Only the deck's own windows may talk to it. Reveal's postMessage API lets whatever window sends it a message call
// the deck's methods (move it, read getSlideNotes()), and the speaker-notes plugin takes any window that sends
// "reveal-notes" heartbeats as its speaker view and sends it each slide's notes. A site that frames the deck
// (a static host cannot forbid framing) could do both. The speaker view needs messages between the deck, its
// popup and the popup's two preview frames, all of them this same site: so every message from any other window
// is stopped here, before Reveal or the plugin sees it.

/**
 * Whether `source` is a window of this same site: one whose document this page may read. Comparing the message's
 * origin is not enough, since every file:// page and every sandboxed frame has the same origin, "null".
 */
export function isOwnWindow(source: MessageEventSource | null): boolean {
  if (!source) return false;
  // Everything inside the try: even asking another site's window whether it has a property throws.
  try {
    // Reading another site's document throws; this site's is readable. (A MessagePort has no location: a TypeError.)
    const w = source as Window;
    return w.location.origin === location.origin && w.document !== undefined;
  } catch {
    return false;
  }
}

/** Stops every message from a window that is not this site's own, before any other listener of the page hears it. */
export function guardMessages(target: Window = window): void {
  target.addEventListener(
    'message',
    (event) => {
      if (!isOwnWindow(event.source)) event.stopImmediatePropagation();
    },
    // Capture: on the window itself capture listeners run first, ahead of Reveal's and the plugin's.
    { capture: true },
  );
}

/**
 * Reveal's postMessage API is needed only in the speaker view's preview frames (opened with ?receiver), which the
 * speaker window moves by message; the deck itself is moved by the notes plugin's own same-site calls.
 */
export function needsPostMessageApi(search: string = location.search): boolean {
  return /receiver/i.test(search);
}
