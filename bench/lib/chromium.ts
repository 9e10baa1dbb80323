// The project's Chromium, with every host but 127.0.0.1 failing to resolve, so nothing on another site can be
// fetched, even by a peer.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/chromium/chromium.ts';

/** Blocks every other host at the resolver (a request there fails and is recorded as foreign). */
export const LOCAL_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export function launch(): Promise<Browser> {
  return launchChromium({ args: [LOCAL_ONLY] });
}
