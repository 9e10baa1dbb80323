import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChromiumMissing, chromiumPath, launchChromium } from '../../src/chromium/chromium.ts';

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
