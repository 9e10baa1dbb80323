// Keeps a printing page to the files it is meant to show. The PDF step prints pages from dist/, which hold the
// talk's text: if a page ever held markup it should not (a redirect, a picture from another site), Chromium would
// follow it and print whatever came back. Every request is checked against an allow-list of the build's own
// files on the local server, anything else is refused, and the refusals are returned so the caller can stop.
import type { BrowserContext } from 'playwright-core';

export interface Confinement {
  /** Each request that was refused, as "METHOD url". */
  refused: string[];
}

/**
 * Lets `context` load only files on `base`'s origin whose path (relative to base, without query) passes `allow`.
 * data: and blob: URLs (the inline fonts) never reach the network and are not routed.
 */
export async function confine(context: BrowserContext, base: string, allow: (path: string) => boolean): Promise<Confinement> {
  const root = new URL(base);
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname.startsWith(root.pathname) ? decodeURIComponent(url.pathname.slice(root.pathname.length)) : undefined;
    if (url.origin === root.origin && request.method() === 'GET' && path !== undefined && allow(path)) return route.continue();
    refused.push(`${request.method()} ${request.url()}`);
    await route.abort('blockedbyclient');
  });
  return { refused };
}
