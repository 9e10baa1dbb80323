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

/** What to install, in one sentence, on each system a volunteer may have. */
export function installHint(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge, or set CHROME_PATH to a Chromium, Chrome or Edge program.';
  if (platform === 'win32') return 'Install Google Chrome (https://www.google.com/chrome/); Microsoft Edge, which Windows has, is found too. Or set CHROME_PATH to chrome.exe or msedge.exe.';
  return INSTALL_HINT;
}

/**
 * Where Chrome, Edge and Chromium install themselves on each system, in the order they are tried: on Linux Debian's
 * Chromium first (the one the project's checks install); on macOS the application bundles, for everyone and for
 * this user; on Windows the usual Program Files and per-user folders.
 */
export function browserCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
    const home = env.HOME ? [`${env.HOME}/Applications`] : [];
    return ['/Applications', ...home].flatMap((dir) => apps.map((app) => `${dir}/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', ...(env.LOCALAPPDATA ? [env.LOCALAPPDATA] : [])];
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
    return roots.flatMap((root) => exes.map((exe) => `${root}\\${exe}`));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
}

/** The problem is the machine (no browser), not the talk: the message says what to do. */
export class ChromiumMissing extends Error {
  override name = 'ChromiumMissing';
}

/**
 * $CHROME_PATH (used as given: a wrong one is said, not passed over), else the first browser installed in its usual
 * place on this system; throws ChromiumMissing saying, in one sentence, what to install.
 */
export function chromiumPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
  executable: (path: string) => boolean = isExecutable,
): string {
  const hint = installHint(platform);
  if (env.CHROME_PATH) {
    const path = env.CHROME_PATH;
    if (!exists(path)) throw new ChromiumMissing(`Chromium was not found at ${path} (from CHROME_PATH). ${hint}`);
    if (!executable(path)) throw new ChromiumMissing(`Chromium at ${path} (from CHROME_PATH) is not executable. ${hint}`);
    return path;
  }
  const candidates = browserCandidates(platform, env);
  const found = candidates.find((p) => exists(p));
  if (!found) throw new ChromiumMissing(`No Chrome, Edge or Chromium was found (looked for ${candidates[0]} and ${candidates.length - 1} other places). ${hint}`);
  if (!executable(found)) throw new ChromiumMissing(`Chromium at ${found} is not executable. ${hint}`);
  return found;
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
    throw new ChromiumMissing(`Chromium at ${executablePath} did not start: ${first}. ${installHint()}`);
  }
}
