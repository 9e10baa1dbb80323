// The handouts' running footer with a very long title (issue 25, bad input): shortened with an ellipsis at a word,
// never running into the page number beside it, on the standard and the large-print handout alike.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/chromium.ts';
import { buildTalk, type BuiltDeck } from '../../src/deck/build-talk.ts';
import { printHandout } from '../../src/handout/make-pdfs.ts';
import { FOOTER_CHARS, FOOTER_CHARS_LARGE, footerTitle, renderHandoutPage } from '../../src/handout/render-handout-page.ts';
import { serveFolder } from '../../src/serve/serve-folder.ts';
import { copyTalk, type TalkCopy } from '../data/talk-copy.ts';
import { pageWords } from './support.ts';

const LONG = 'Massage Therapy and Multiple Sclerosis: What the Research Says, What Massage Therapists See in Their Practice, and What It All Means for People Living with MS and Their Families';

let talk: TalkCopy;
let deck: BuiltDeck;
let browser: Browser;
const dist = mkdtempSync(join(tmpdir(), 'footer-'));

beforeAll(async () => {
  talk = copyTalk();
  talk.edit('data/talk.yaml', (t) => t.replace('title: Massage Therapy and Multiple Sclerosis', `title: "${LONG}"`));
  deck = await buildTalk(talk.root);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  talk?.remove();
  rmSync(dist, { recursive: true, force: true });
});

/** The footer line of a page: the words in the bottom 0.75 inch. */
function footerWords(file: string, page: number) {
  const p = pageWords(file)[page]!;
  return p.words.filter((w) => w.yMin > p.height - 0.75 * 72);
}

describe('footerTitle', () => {
  it('keeps a title that fits, and cuts a long one at a word with an ellipsis', () => {
    expect(footerTitle('A short title', 40)).toBe('A short title');
    const cut = footerTitle(LONG, 42);
    expect([...cut].length).toBeLessThanOrEqual(42);
    expect(cut.endsWith('…')).toBe(true);
    expect(LONG.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).not.toMatch(/[\s:,]…$/);
  });
});

describe.each([
  ['the handout', false],
  ['the large-print handout', true],
] as const)('%s of a talk with a very long title', (_name, largePrint) => {
  it('shortens the title in the footer and keeps it clear of the page number', async () => {
    const { fileName, source } = renderHandoutPage(deck, '', { largePrint });
    writeFileSync(join(dist, fileName), source);
    const server = await serveFolder(dist);
    const pdfFile = join(dist, `${largePrint ? 'large' : 'standard'}.pdf`);
    try {
      const { pdf } = await printHandout(browser, server.url, deck.model.talk, deck.model.words, 'letter', [], largePrint);
      writeFileSync(pdfFile, pdf);
    } finally {
      await server.close();
    }
    for (const page of [0, 1]) {
      const words = footerWords(pdfFile, page);
      const number = words.find((w) => w.text === 'Page')!;
      expect(number, `page ${page + 1}`).toBeDefined();
      const title = words.filter((w) => w.xMax < number.xMin);
      const said = title.map((w) => w.text).join(' ');
      expect(said.endsWith('…'), said).toBe(true);
      expect([...said].length).toBeLessThanOrEqual(largePrint ? FOOTER_CHARS_LARGE : FOOTER_CHARS);
      // Nothing of the title under or past the page number.
      expect(words.filter((w) => w !== number && w.xMin >= number.xMin && !/^(\d+|of)$/.test(w.text))).toEqual([]);
      expect(Math.max(...title.map((w) => w.xMax))).toBeLessThan(number.xMin - 6);
    }
  }, 120_000);
});
