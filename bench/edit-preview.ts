// npm run bench:edit (and part of npm run bench): how long from saving a file of the talk to the open dev page
// showing the change, on the slide it was on. The dev server (npm run dev) on a copy of the talk, the page in
// Chromium on slide 8; ten saves of a study's notes and of its "what it means", each timed from the write to the
// page holding the new words. Prints the median and the slowest, and whether the page stayed on its slide.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServer } from 'vite';
import { launchChromium } from '../src/chromium/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SAVES = Number(process.env.BENCH_SAVES ?? 10);
const dir = resolve(ROOT, '.tmp', 'bench-edit-talk');
rmSync(dir, { recursive: true, force: true });
for (const part of ['data', 'slides', 'sources']) cpSync(resolve(ROOT, part), resolve(dir, part), { recursive: true });
process.env.DECK_TALK = dir;
process.env.DECK_TALK_MEMORY = 'off';

const server = await createServer({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const address = server.httpServer!.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const browser = await launchChromium();
const times: number[] = [];
let kept = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout: 60_000 });
  await page.evaluate(() => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(7));
  const slideBefore = await page.evaluate(() => (window as unknown as { Reveal: { getCurrentSlide(): Element } }).Reveal.getCurrentSlide().id);
  const file = resolve(dir, 'data/studies.yaml');
  const original = readFileSync(file, 'utf8');
  // A first save warms the server's reading of the talk (as the first edit of a session would).
  for (let i = 0; i <= SAVES; i++) {
    const mark = `Edited ${i} ${Date.now()}`;
    const t = performance.now();
    writeFileSync(file, original.replace('    meaning: ', `    meaning: ${mark}. `));
    await page.waitForFunction((m) => document.querySelector('.slides')?.textContent?.includes(m) ?? false, mark, { timeout: 30_000, polling: 'raf' });
    const took = (performance.now() - t) / 1000;
    if (i > 0) times.push(took);
    // (A reload, as the dev server once did, brings a new Reveal: wait for it before asking where it is.)
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, undefined, { timeout: 30_000 });
    const slideNow = await page.evaluate(() => (window as unknown as { Reveal: { getCurrentSlide(): Element } }).Reveal.getCurrentSlide().id);
    if (i > 0 && slideNow === slideBefore) kept++;
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
console.log(`Save to preview in the open dev page, ${SAVES} saves of data/studies.yaml:`);
console.log(`  median ${times[Math.floor(times.length / 2)]!.toFixed(3)} s, slowest ${times.at(-1)!.toFixed(3)} s (goal: median under 0.25 s)`);
console.log(`  stayed on its slide: ${kept} of ${SAVES}`);
