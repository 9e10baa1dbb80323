import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChromiumMissing, chromiumPath, launchChromium } from '../../src/chromium/chromium.ts';

describe('finding a browser on the volunteer\'s own system', () => {
  /** A machine where only `installed` exists (and everything is executable). */
  const only = (...installed: string[]) => (path: string) => installed.includes(path);
  const find = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv, ...installed: string[]) => chromiumPath(env, platform, only(...installed), () => true);

  it('on macOS: Chrome, Chromium or Edge in /Applications or the user\'s own Applications', () => {
    expect(find('darwin', {}, '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(find('darwin', {}, '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge')).toBe('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(find('darwin', { HOME: '/Users/ann' }, '/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium')).toBe('/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(() => find('darwin', {})).toThrow(/^No Chrome, Edge or Chromium was found .*Install Google Chrome \(https:\/\/www\.google\.com\/chrome\/\) or Microsoft Edge/);
  });

  it('on Windows: Chrome in Program Files or the user\'s AppData, else Edge, which Windows has', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' };
    expect(find('win32', env, 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe')).toBe('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(find('win32', env, 'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe')).toBe(
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    );
    expect(find('win32', env, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(() => find('win32', env)).toThrow(/Install Google Chrome .*Or set CHROME_PATH to chrome\.exe or msedge\.exe\.$/);
  });

  it('on Linux: Debian\'s Chromium first, then Chrome and the snap', () => {
    expect(find('linux', {}, '/usr/bin/google-chrome', '/usr/bin/chromium')).toBe('/usr/bin/chromium');
    expect(find('linux', {}, '/snap/bin/chromium')).toBe('/snap/bin/chromium');
    expect(() => find('linux', {})).toThrow(/apt-get install -y chromium/);
  });

  it('takes CHROME_PATH as given on every system, and says when it is wrong rather than look elsewhere', () => {
    expect(find('win32', { CHROME_PATH: 'D:\\chrome.exe' }, 'D:\\chrome.exe')).toBe('D:\\chrome.exe');
    expect(() => find('darwin', { CHROME_PATH: '/nowhere' }, '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')).toThrow(/^Chromium was not found at \/nowhere \(from CHROME_PATH\)/);
  });
});

describe('finding and starting Chromium', () => {
  it('takes CHROME_PATH, else Debian\'s /usr/bin/chromium', () => {
    expect(chromiumPath({ CHROME_PATH: process.execPath })).toBe(process.execPath);
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
  });

  it('names the missing path and the install command, and says the path came from CHROME_PATH', () => {
    expect(() => chromiumPath({ CHROME_PATH: '/nowhere/chromium' })).toThrow(ChromiumMissing);
    expect(() => chromiumPath({ CHROME_PATH: '/nowhere/chromium' })).toThrow(
      'Chromium was not found at /nowhere/chromium (from CHROME_PATH). Install it with: apt-get install -y chromium',
    );
  });

  it('reports a file that is not executable, and a browser that will not start, with the install command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chromium-'));
    try {
      const file = join(dir, 'chromium');
      writeFileSync(file, '#!/bin/sh\nexit 3\n');
      chmodSync(file, 0o644);
      expect(() => chromiumPath({ CHROME_PATH: file })).toThrow(/is not executable\. Install it with: apt-get install -y chromium/);
      chmodSync(file, 0o755);
      await expect(launchChromium({ env: { ...process.env, CHROME_PATH: file } })).rejects.toThrow(
        new RegExp(`Chromium at ${file} did not start: .*apt-get install -y chromium`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts Debian\'s Chromium headless, with extra flags when asked', async () => {
    const browser = await launchChromium({ args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
    try {
      const page = await browser.newPage();
      await page.setContent('<p>ready</p>');
      expect(await page.textContent('p')).toBe('ready');
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
  });
});
