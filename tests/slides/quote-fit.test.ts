// Quotes at the limits, laid out by Chromium: whatever the words, every part of a split quote fits its slide.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/chromium.ts';
import { copyTalk, type TalkCopy } from '../data/talk-copy.ts';
import { buildDeckInto, waitForReveal } from '../support/project.ts';

const repeat = (n: number, make: (i: number) => string, sep = ' ') => Array.from({ length: n }, (_, i) => make(i)).join(sep);

/** The worst cases for the splitter's estimate of lines: each is a quote of its own. */
const QUOTES: Record<string, { text: string; person?: string; credential?: string }> = {
  'many-words': { text: repeat(300, () => 'a') },
  'long-words': { text: repeat(120, () => 'massagetherapy') },
  'capitals': { text: repeat(100, () => 'MASSAGE THERAPY HELPS.') },
  'wide-letters': { text: repeat(150, () => 'mmmmmm wwww') },
  'digits': { text: repeat(150, () => '2013 0.001 48') },
  'short-paragraphs': { text: repeat(30, () => 'Yes.', '\n\n') },
  'two-line-paragraphs': { text: repeat(12, (i) => `Paragraph ${i} has words enough to run on past the end of its first line.`, '\n\n') },
  'east-asian': { text: '東京の大学で研究されました。'.repeat(40) },
  'emoji': { text: repeat(200, () => '💆‍♀️ ok') },
  'long-attribution-paragraphs': {
    // Paragraphs take their last line whole and a gap after them: the tightest fit, with a two-line attribution.
    text: repeat(12, (i) => `${i}: ${repeat(5, () => 'Massage therapy helps people with MS feel better.')}`, '\n\n'),
    person: 'MARGARET-ANNE WILLOWBY HAMMOND-MCMASTERS',
    credential: 'RMT, CMT, MLD, CERTIFIED ONCOLOGY MASSAGE'.slice(0, 40),
  },
  'long-attribution-short-paragraphs': {
    text: repeat(30, (i) => `Yes, ${i} times.`, '\n\n'),
    person: 'MARGARET-ANNE WILLOWBY HAMMOND-MCMASTERS',
    credential: 'RMT, CMT, MLD, CERTIFIED ONCOLOGY MASSAGE'.slice(0, 40),
  },
  'long-attribution': {
    // The longest name and credential the schema allows, in capitals (the widest letters).
    text: repeat(100, () => 'Massage therapy helps.'),
    person: 'MARGARET-ANNE WILLOWBY HAMMOND-MCMASTERS',
    credential: 'RMT, CMT, MLD, CERTIFIED ONCOLOGY MASSAGE'.slice(0, 40),
  },
};

let talk: TalkCopy;
let browser: Browser;
let out: string;
const results: Record<string, string[]> = {};

beforeAll(async () => {
  talk = copyTalk();
  // These made-up quotes test the layout, not the sources: the copy is a talk without sources (nothing to check them against).
  rmSync(join(talk.root, 'sources'), { recursive: true, force: true });
  for (const f of ['data/quotes.yaml', 'data/studies.yaml']) talk.edit(f, (t) => t.replace(/^ +from: blog-post\n/gm, ''));
  const extra = Object.entries(QUOTES).map(([id, q]) => ({ id, person: q.person ?? 'Pat Doe', credential: q.credential ?? 'RMT', text: q.text, notes: 'Notes.' }));
  talk.edit('data/quotes.yaml', (t) => t.replace(/\nquotes:\n/, `\nquotes:\n${stringify(extra, { lineWidth: 0 }).trimEnd().replace(/^/gm, '  ')}\n`));
  // The longest heading allowed, in capitals; the clinic's slide with the longest name and source, shared by
  // the person with the longest name and credential.
  talk.edit('data/quotes.yaml', (t) => t.replace(/^heading: .*$/m, 'heading: WHAT MASSAGE THERAPISTS SEE NOW'));
  talk.edit('data/quotes.yaml', (t) =>
    t
      .replace(/^  name: .*$/m, '  name: MS MASSAGE SPECIALTY CLINICS')
      .replace(/^  source: .*$/m, '  source: SPECIALTY CLINICS | SUTHERLAND-CHAN SCHOOL, TORONTO'.slice(0, 10 + 48))
      .replace(/^  sharedBy: .*$/m, '  sharedBy: long-attribution')
      .replace(/^  description: \|-\n {4}.*$/m, `  description: ${repeat(60, () => 'The clinic treats people with MS every week.')}`),
  );
  out = mkdtempSync(join(tmpdir(), 'quote-fit-'));
  await buildDeckInto(out, talk.root);
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`file://${join(out, 'ms-massage.html')}`);
  await waitForReveal(page);
  // A string, so the bundler's helpers never reach the page.
  const measured = (await page.evaluate(`(async () => {
    const R = window.Reveal;
    const ids = ${JSON.stringify(Object.keys(QUOTES))};
    const out = {};
    for (const [i, s] of R.getSlides().entries()) {
      const id = s.id.startsWith('clinic-') ? 'clinic' : ids.find((q) => s.id === 'quote-' + q || s.id.startsWith('quote-' + q + '-'));
      if (!id) continue;
      R.slide(i);
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const scale = R.getScale();
      const box = s.getBoundingClientRect();
      const pad = parseFloat(getComputedStyle(s).paddingBottom) * scale;
      const problems = [];
      let lowest = 0;
      for (const e of s.querySelectorAll('*')) {
        if (e.closest('aside.notes')) continue;
        const r = e.getBoundingClientRect();
        if (!r.width && !r.height) continue;
        lowest = Math.max(lowest, r.bottom);
        if (r.bottom > box.bottom - pad + 1) problems.push(e.tagName + ' ends ' + Math.round((r.bottom - box.bottom + pad) / scale) + 'px below the text area');
        if (r.right > box.right + 1 || e.scrollWidth > e.clientWidth + 1) problems.push(e.tagName + ' is wider than the slide');
      }
      (out[id] = out[id] || []).push(s.id + (problems.length ? ': ' + problems.join('; ') : ' (room left ' + Math.round((box.bottom - pad - lowest) / scale) + 'px)'));
    }
    return out;
  })()`)) as Record<string, string[]>;
  Object.assign(results, measured);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  talk?.remove();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('a quote too long for one slide, laid out in Chromium at 1280×720', () => {
  it.each([...Object.keys(QUOTES), 'clinic'])('%s: split, and every part inside its slide', (id) => {
    const parts = results[id] ?? [];
    expect(parts.length, `no slides for ${id}`).toBeGreaterThan(1);
    expect(parts.filter((p) => p.includes(':'))).toEqual([]);
    if (process.env.SHOW_ROOM) console.log(parts.join('\n'));
  });
});
