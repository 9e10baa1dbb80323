// Debian's Chromium (or $CHROME_PATH), started headless through playwright-core: the one way every part of the
// project gets a browser (PDFs, preview image, screenshots, tests, benchmark). No browser is ever downloaded;
// when none is installed, the error says how to install one.
import { accessSync, constants, existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium's flags. Its sandbox keeps a page that breaks the renderer away from the rest of the machine, so it stays
 * on; Chromium refuses to start as root with it, so only then (a CI container, a root shell) is it turned off.
 */
export function chromiumArgs(uid: number | undefined = process.getuid?.()): string[] {
  return [...(uid === 0 ? ['--no-sandbox'] : []), ...COMMON_ARGS];
}

const COMMON_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The flags for this process's user. */
export const CHROMIUM_ARGS = chromiumArgs();

export const INSTALL_HINT =
  'Install it with: apt-get install -y chromium (as root, on Debian or Ubuntu), or set CHROME_PATH to a Chromium or Chrome executable.';

/** The problem is the machine (no browser), not the talk: the message says what to do. */
export class ChromiumMissing extends Error {
  override name = 'ChromiumMissing';
}

/** $CHROME_PATH, else Debian's /usr/bin/chromium; throws ChromiumMissing naming the install command. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROME_PATH || '/usr/bin/chromium';
  const from = env.CHROME_PATH ? ' (from CHROME_PATH)' : '';
  if (!existsSync(path)) throw new ChromiumMissing(`Chromium was not found at ${path}${from}. ${INSTALL_HINT}`);
  if (!isExecutable(path)) throw new ChromiumMissing(`Chromium at ${path}${from} is not executable. ${INSTALL_HINT}`);
  return path;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface LaunchOptions {
  env?: NodeJS.ProcessEnv;
  /** Flags beyond CHROMIUM_ARGS (the benchmark blocks every other host, for one). */
  args?: string[];
}

export async function launchChromium({ env = process.env, args = [] }: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath(env);
  try {
    const root = process.getuid?.() === 0;
    // Playwright adds --no-sandbox of its own unless told the sandbox is wanted.
    return await chromium.launch({ executablePath, args: [...chromiumArgs(), ...args], chromiumSandbox: !root, headless: true, timeout: 60_000 });
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new ChromiumMissing(`Chromium at ${executablePath} did not start: ${first}. ${INSTALL_HINT}`);
  }
}
