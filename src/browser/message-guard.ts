// Only the deck's own speaker view may talk to the deck. Reveal's postMessage API lets a window that sends it a
// message call the deck's methods (move it, read getSlideNotes()), and the speaker-notes plugin takes any window
// that sends "reveal-notes" heartbeats as its speaker view and sends it each slide's notes. A site that frames the
// deck (a static host cannot forbid framing) could do both. The speaker view needs these messages: its window
// (opened by the deck) moves the deck and its two preview frames with Reveal's API, and calls the plugin. So every
// other message is stopped here, before Reveal or the plugin hears it.

/**
 * Whether `source` is a window of this same site: one whose document this page may read. Comparing the message's
 * origin is not enough, since every file:// page and every sandboxed frame has the same origin, "null".
 */
export function isOwnWindow(source: MessageEventSource | null): source is Window {
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

/**
 * Whether a message from `source` may reach this page's listeners. The deck in its own tab hears only the speaker
 * window it opened (that window's opener is the deck); a preview frame inside the speaker window hears only that
 * window, its parent. Both must also be this site's own windows.
 */
export function mayMessage(source: MessageEventSource | null, self: Window = window): boolean {
  if (source === self) return true;
  if (self.parent !== self) {
    // The single file opened from disk: its previews (file:// frames) cannot read the speaker window, which has
    // the page's own opaque origin, so only its place is checked. No web page can frame a file:// address.
    if (self.location.protocol === 'file:') return source === self.parent;
    return source === self.parent && isOwnWindow(source);
  }
  if (!isOwnWindow(source)) return false;
  try {
    return source.opener === self;
  } catch {
    return false;
  }
}

/** Stops every message the deck should not hear, before any other listener of the page hears it. */
export function guardMessages(target: Window = window): void {
  target.addEventListener(
    'message',
    (event) => {
      if (!mayMessage(event.source, target)) event.stopImmediatePropagation();
    },
    // Capture: on the window itself capture listeners run first, ahead of Reveal's and the plugin's.
    { capture: true },
  );
}

/**
 * Whether Reveal's postMessage API is on: for the deck in its own tab (its speaker window moves it that way) and for
 * the speaker view's preview frames (?receiver), and even then only for the messages guardMessages lets through.
 * Off for the deck inside anyone else's frame, which no speaker view of ours ever drives.
 */
export function needsPostMessageApi(search: string = location.search, self: Window = window): boolean {
  return self.top === self || /receiver/i.test(search);
}
