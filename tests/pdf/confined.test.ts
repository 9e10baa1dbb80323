// The PDF step loads nothing but the page it prints and that page's own files (issue 15, item 1): a handout page
// holding a redirect or a picture from another site must not reach that site, and no PDF is made of it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/chromium.ts';
import { handoutPageFile } from '../../src/names/output-files.ts';
import { PdfError, printHandout } from '../../src/handout/make-pdfs.ts';
import { loadTalk } from '../../src/data/load-data.ts';
import { serveFolder } from '../../src/serve/serve-folder.ts';
import { ROOT } from './support.ts';

const { talk, words } = loadTalk({ root: ROOT });
let browser: Browser;
let stranger: Server;
let strangerUrl = '';
const strangerSaw: string[] = [];
const dist = mkdtempSync(join(tmpdir(), 'confined-'));

beforeAll(async () => {
  browser = await launchChromium();
  // Another origin on this machine, standing in for "https://evil.example/": it records whatever reaches it.
  stranger = createServer((req, res) => {
    strangerSaw.push(`${req.method} ${req.url}`);
    res.end('<!doctype html><title>Sign in</title><p>Sign in to continue</p>');
  });
  await new Promise<void>((ok) => stranger.listen(0, '127.0.0.1', ok));
  strangerUrl = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => stranger?.close(ok));
  rmSync(dist, { recursive: true, force: true });
});

async function print(page: string) {
  writeFileSync(join(dist, handoutPageFile(talk)), page);
  const server = await serveFolder(dist);
  try {
    return await printHandout(browser, server.url, talk, words, 'letter');
  } finally {
    await server.close();
  }
}

describe('the PDF step', () => {
  it('prints a handout page that loads nothing else', async () => {
    const { pdf } = await print('<!doctype html><html lang="en"><title>t</title><h1>Handout</h1><p>Text.</p></html>');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('refuses a handout page that redirects or loads from another site, and nothing reaches that site', async () => {
    strangerSaw.length = 0;
    const page = `<!doctype html><html lang="en"><head><title>t</title>
<meta http-equiv=refresh content="0;url=${strangerUrl}login"></head>
<body><h1>Handout</h1><img src="${strangerUrl}pixel.png" alt=""><a href="${strangerUrl}login">Sign in</a></body></html>`;
    await expect(print(page)).rejects.toThrow(PdfError);
    await expect(print(page)).rejects.toThrow(/tried to load something other than its own files.*refused/);
    expect(strangerSaw).toEqual([]);
  }, 60_000);

  it('refuses a handout page that asks for another file of the same server', async () => {
    writeFileSync(join(dist, 'other.css'), 'body{}');
    await expect(print('<!doctype html><html lang="en"><title>t</title><link rel="stylesheet" href="other.css"><h1>Handout</h1></html>')).rejects.toThrow(
      /other\.css/,
    );
  }, 60_000);
});
