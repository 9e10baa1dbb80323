// Debian's Chromium (or $CHROME_PATH), started headless through playwright-core. Never downloads a browser; every
// host but 127.0.0.1 fails to resolve, so nothing on another site can be fetched, even by a peer.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Blocks every other host at the resolver (a request there fails and is recorded as foreign). */
export const LOCAL_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export function chromePath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium is needed and ${path} was not found. Install it with: apt-get install -y chromium, or set CHROME_PATH.`);
  }
  return path;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), args: [...CHROMIUM_ARGS, LOCAL_ONLY], headless: true, timeout: 60_000 });
}
