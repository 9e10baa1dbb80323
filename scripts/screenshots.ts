// `npm run screenshots`: builds the deck and writes a PNG of every slide at 1280×720, and one contact
// sheet of them all, into screenshots/ (ignored by git), to look at the deck as a person would.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../src/chromium/chromium.ts';
import { buildInto } from '../tests/share/support/build.ts';
import { serveFolder } from '../src/serve/serve-folder.ts';

const out = resolve('screenshots');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const built = await buildInto('screenshots');
const served = await serveFolder(built.dir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(served.url);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
  await page.evaluate(() => document.fonts.ready);
  const files: string[] = [];
  for (const [i, slide] of built.deck.slides.entries()) {
    await page.evaluate(async (n) => {
      (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(n);
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    }, i);
    const file = `${String(i + 1).padStart(2, '0')}-${slide.id}.png`;
    await page.screenshot({ path: resolve(out, file) });
    files.push(file);
  }

  // The contact sheet: every slide small, in a grid, with its number and id.
  const sheet = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const cells = files
    .map((f) => `<figure><img src="data:image/png;base64,${readFileSync(resolve(out, f)).toString('base64')}" alt=""><figcaption>${f}</figcaption></figure>`)
    .join('');
  await sheet.setContent(
    `<style>body{margin:8px;display:grid;grid-template-columns:repeat(4,1fr);gap:8px;font:16px sans-serif;background:#fff}
     img{width:100%;border:1px solid #888;display:block}figure{margin:0}</style>${cells}`,
  );
  await sheet.screenshot({ path: resolve(out, 'contact-sheet.png'), fullPage: true });
  writeFileSync(resolve(out, 'README.txt'), 'Made by npm run screenshots; not kept in git.\n');
  console.log(`${files.length} slides and contact-sheet.png in ${out}`);
} finally {
  await browser.close();
  await served.close();
}
