// `npm run screenshots [-- --talk <folder>]`: builds the talk's deck (into a folder of its own, never its dist/) and
// writes a PNG of every slide at 1280×720, and one contact sheet of them all, into the talk's screenshots/ (ignored
// by git), to look at the deck as a person would.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { launchChromium } from '../src/chromium/chromium.ts';
import { serveFolder } from '../src/serve/serve-folder.ts';
import { NotATalk, openTalk, talkOption } from '../src/cli/chosen-talk.ts';
import { buildTalk } from '../src/deck/build-talk.ts';
import { DataError, formatProblem } from '../src/data/data-error.ts';
import { shownPath } from '../src/names/shown-path.ts';

const project = resolve(import.meta.dirname, '..');
let talk;
try {
  talk = openTalk(talkOption(process.argv.slice(2)));
} catch (e) {
  if (!(e instanceof NotATalk)) throw e;
  console.error(e.message);
  process.exit(1);
}
console.log(talk.line);
process.env.DECK_TALK = talk.root;
let deck;
try {
  deck = await buildTalk(talk.root);
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  console.error(`${e.problems.map(formatProblem).join('\n')}\n\nNo screenshots were taken. Fix the above and run "${talk.again('screenshots')}" again.`);
  process.exit(1);
}
const out = resolve(talk.root, 'screenshots');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const dir = mkdtempSync(join(tmpdir(), 'deck-screenshots-'));
process.on('exit', () => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-private`, { recursive: true, force: true });
});
await build({ root: project, configFile: resolve(project, 'vite.config.ts'), logLevel: 'error', build: { outDir: dir, emptyOutDir: true } });
const built = { dir, deck };
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
  console.log(`${files.length} slides and contact-sheet.png in ${shownPath(out)}/`);
} finally {
  await browser.close();
  await served.close();
}
