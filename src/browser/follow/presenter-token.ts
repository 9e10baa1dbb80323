// The presenter's secret in the browser: from the link's #presenter=… (then taken out of the address bar, which may
// be on the shared screen, before Reveal reads the address), or from this tab's storage after a reload.
import { PRESENTER_PARAM } from '../../present/protocol.ts';

const TOKEN_KEY = 'deck-follow-presenter-token';

export function takeToken(): string | null {
  // The presenter's link (#presenter=…) or the moderator's (#moderator=…): the relay says which the secret is.
  const match = new RegExp(`^#(?:${PRESENTER_PARAM}|moderator)=([A-Za-z0-9_-]{1,256})$`).exec(location.hash);
  if (match) {
    const token = match[1]!;
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage may be off; the token then lasts as long as the page.
    }
    return token;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** The relay no longer knows this secret (it was restarted): the tab forgets it. */
export function forgetToken(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing kept
  }
}
