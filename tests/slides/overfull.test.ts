// Text too long for any slide, even one of its own, is reported at the line where it is written (by npm run check,
// the build and the dev server alike, since they all make the slides), never shown cut off.
import { afterEach, describe, expect, it } from 'vitest';
import { DataError, formatProblem } from '../../src/data/data-error.ts';
import { loadTalk } from '../../src/data/load-data.ts';
import { buildDeck } from '../../src/slides/build-deck.ts';
import { copyTalk, ROOT, type TalkCopy } from '../data/talk-copy.ts';
import { resolve } from 'node:path';

let talk: TalkCopy | undefined;
afterEach(() => talk?.remove());

async function slideProblems(root: string): Promise<string[]> {
  try {
    await buildDeck(loadTalk({ root, cwd: root }));
    return [];
  } catch (e) {
    if (e instanceof DataError) return e.problems.map(formatProblem);
    throw e;
  }
}

const LONG = Array.from({ length: 260 }, (_, i) => `word${i}`).join(' ');

describe('text too long for any slide', () => {
  it('the real talk and the examples have none', async () => {
    expect(await slideProblems(ROOT)).toEqual([]);
    expect(await slideProblems(resolve(ROOT, 'examples/ejercicio-em'))).toEqual([]);
    expect(await slideProblems(resolve(ROOT, 'examples/library-hours'))).toEqual([]);
  });

  it('a result whose outcome runs to 260 words: reported at its line, with what to do (the overview counts it instead)', async () => {
    talk = copyTalk(resolve(ROOT, 'examples/library-hours'));
    talk.edit('data/studies.yaml', (t) => t.replace('      - outcome: Evening visits', `      - outcome: ${LONG}`));
    expect(await slideProblems(talk.root)).toEqual([
      expect.stringMatching(/^data\/studies\.yaml:\d+:\d+ {2}studies\[0\]\.results\[0\]\.outcome {2}too long to fit on a slide \("What they found"\), even on a slide of its own: shorten it, or move the detail to the speaker notes$/),
    ]);
  });

  it('a takeaway of 260 words, and a resource name of 260 words', async () => {
    talk = copyTalk(resolve(ROOT, 'examples/library-hours'));
    talk.edit('data/takeaways.yaml', (t) => t.replace('  - text: Evening visits went up during the trial.', `  - text: ${LONG}`));
    talk.edit('data/resources.yaml', (t) => t.replace('  - name: Example Town Library', `  - name: ${LONG}`));
    expect(await slideProblems(talk.root)).toEqual([
      expect.stringMatching(/^data\/takeaways\.yaml:\d+:\d+ {2}takeaways\[0\]\.text {2}too long to fit on a slide \("Takeaways"\)/),
      expect.stringMatching(/^data\/resources\.yaml:\d+:\d+ {2}resources\[0\]\.name {2}too long to fit on a slide \("Where to read more"\)/),
    ]);
  });

  it('many results that each fit are spread over more slides, not reported', async () => {
    talk = copyTalk(resolve(ROOT, 'examples/library-hours'));
    const result = (i: number) => `      - outcome: Outcome number ${i} with a longer name than most\n        direction: improved\n        detail: went up a little in the trial month\n        source: paper\n`;
    talk.edit('data/studies.yaml', (t) => t.replace('    results:\n', `    results:\n${Array.from({ length: 12 }, (_, i) => result(i + 1)).join('')}`));
    expect(await slideProblems(talk.root)).toEqual([]);
    const slides = await buildDeck(loadTalk({ root: talk.root, cwd: talk.root }));
    const pages = slides.filter((s) => s.id.startsWith('study-trial-march-results'));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((s) => s.title)).toEqual(pages.map((_, i) => `Evenings until 9 in March: results (${i + 1} of ${pages.length})`));
    // The speaker's time for the results is shared, not multiplied.
    const weight = pages.reduce((n, s) => n + s.weight, 0);
    expect(weight).toBeCloseTo(2);
  });
});
