// Whole talks at the extremes, built and measured in Chromium: 1 and 20 studies, 1 and 12 results in a study, long
// outcome names, long names in the acknowledgements, many tips, takeaways and resources, in every shipped language.
// Every generated slide must keep every element inside the slide at 1280×720 and 1024×576, with no text laid over
// text and no text under 24 px as shown at 1280×720. The estimates in src/layout/fit.ts decide how lists are split;
// this is where they are held to what the browser really draws.
//
// `npm test` runs a fixed seed and a few talks; `npm run fit -- <runs>` runs more (FIT_RUNS, FIT_SEED).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { TalkInDeck } from './talk-in-deck.ts';

const RUNS = Number(process.env.FIT_RUNS ?? 3);
const SEED = Number(process.env.FIT_SEED ?? 20261202);
const LANGS = ['en', 'es', 'fr'] as const;
// Words from the languages the deck ships in, with accents, ñ, ç, «», ¿¡, dashes, and a few long words.
const WORDS = [
  'fatigue', 'balance', 'walking', 'équilibre', 'fatiga', 'caminar', 'señal', 'garçon', 'niño', 'año', '«calidad»', '¿dolor?',
  '¡sí!', '—', 'self-efficacy', 'randomized', 'quality', 'of', 'life', 'la', 'de', 'el', 'et', 'pain', 'spasticity', 'sueño',
  'Überweisung', 'interdisciplinary', 'counterproductive', 'électroencéphalographie', 'mood', 'sleep', 'MS', 'EM', 'SEP',
];
const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' ').replace(/^./, (c) => c.toUpperCase()));
const DESIGNS = ['randomized controlled trial', 'pilot', 'cohort study', 'qualitative study', 'systematic review', 'case series', 'n-of-1 trial'];

const result = fc.record(
  {
    outcome: words(1, 14),
    comparison: words(1, 6),
    direction: fc.constantFrom('improved', 'no change', 'mixed', 'worse'),
    figures: fc.boolean(),
    change: fc.integer({ min: 1, max: 99999 }).map((n) => n / 100),
    unit: words(1, 3),
    p: fc.integer({ min: 1, max: 999 }).map((n) => n / 1000),
    detail: words(3, 14),
    source: fc.constantFrom('seed', 'paper'),
  },
  { requiredKeys: ['outcome', 'direction', 'figures', 'change', 'unit', 'p', 'detail', 'source'] },
).map(({ figures, change, unit, p, detail, ...r }) => (figures ? { ...r, change, unit, p } : { ...r, detail }));

const study = (maxResults: number) =>
  fc.record({
    shortTitle: words(2, 7),
    title: words(5, 20),
    design: fc.uniqueArray(fc.constantFrom(...DESIGNS), { minLength: 1, maxLength: 3 }),
    participants: fc.option(fc.record({ count: fc.integer({ min: 1, max: 99999 }), text: words(3, 22), source: fc.constantFrom('seed', 'paper') }), { nil: undefined }),
    schedule: fc.option(fc.record({ text: words(3, 20), source: fc.constantFrom('seed', 'paper') }), { nil: undefined }),
    measured: words(3, 18),
    results: fc.array(result, { minLength: 1, maxLength: maxResults }),
    conclusion: words(4, 30),
    meaning: words(4, 30),
    caveat: words(4, 30),
    notes: words(4, 30),
    citation: fc.record({ authors: words(2, 12), journal: words(2, 8), year: fc.integer({ min: 1950, max: 2030 }) }),
  });

const talk = (s: { minStudies: number; maxStudies: number; maxResults: number }) =>
  fc.record({
    lang: fc.constantFrom(...LANGS),
    studies: fc.array(study(s.maxResults), { minLength: s.minStudies, maxLength: s.maxStudies }),
    helpers: fc.array(fc.record({ name: words(2, 12), about: fc.option(words(2, 10), { nil: undefined }), thanksFor: words(2, 14) }), { minLength: 1, maxLength: 8 }),
    tips: fc.array(words(3, 28), { minLength: 1, maxLength: 14 }),
    takeaways: fc.array(words(3, 28), { minLength: 1, maxLength: 14 }),
    resources: fc.array(fc.record({ name: words(2, 14), about: words(2, 10) }), { minLength: 1, maxLength: 12 }),
  });

type GeneratedTalk = ReturnType<typeof talk> extends fc.Arbitrary<infer T> ? T : never;

/** Writes a generated talk as a talk folder, exactly as a person would write its files. */
function writeTalk(dir: string, t: GeneratedTalk): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'slides'), { recursive: true });
  const put = (file: string, data: unknown) => writeFileSync(join(dir, file), stringify(data, { lineWidth: 0 }));
  const studies = t.studies.map((s, i) => ({ id: `study-${i + 1}`, ...s, results: s.results }));
  put('data/talk.yaml', {
    slug: 'generated', lang: t.lang, title: 'Generated talk', description: 'A talk made up by the layout test.',
    speaker: { role: 'Tester' }, event: { kind: 'Test', chapter: 'Test chapter', organisation: 'Test organisation' },
    lengthMinutes: 60, shareUrl: 'https://example.org/generated/',
  });
  put('data/people.yaml', {
    invitedBy: { organisation: 'Test organisation', people: [{ id: 'host', name: 'Ada Host' }] },
    team: { summary: 'Everyone who helped.', didWhat: ['helped'] },
    helpers: t.helpers.map((h, i) => ({ id: `helper-${i + 1}`, ...h })),
  });
  put('data/studies.yaml', { intro: 'Generated studies.', studies });
  put('data/quotes.yaml', { intro: 'Generated quotes.', quotes: [{ id: 'q', person: 'A person', credential: 'tester', text: 'A short quote.', notes: 'Notes.' }] });
  const point = (text: string, i: number) => ({ text, basis: [studies[i % studies.length]!.id] });
  put('data/takeaways.yaml', { tips: t.tips.map(point), tipsNotes: 'Tips.', takeaways: t.takeaways.map(point), takeawaysNotes: 'Takeaways.' });
  put('data/resources.yaml', { resources: t.resources.map((r, i) => ({ ...r, url: `https://example.org/${i}` })), notes: 'Resources.' });
  put('slides/order.yaml', { slides: ['title', 'acknowledgements', 'overview', 'studies', 'quotes', 'tips', 'takeaways', 'resources', 'references', 'questions'] });
}

// Every size but 1920×1080, which only scales the 1280×720 slide up.
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 576 },
];

let deck: TalkInDeck;
let work: string;
beforeAll(async () => {
  deck = await TalkInDeck.open();
  work = mkdtempSync(join(tmpdir(), 'generated-talk-'));
});
afterAll(async () => {
  await deck?.close();
  rmSync(work, { recursive: true, force: true });
});

async function problemsOf(t: GeneratedTalk): Promise<string[]> {
  const dir = join(work, 'talk');
  writeTalk(dir, t);
  return deck.problemsOf(dir, SIZES);
}

describe('generated talks at the extremes fit every slide', () => {
  it.each(LANGS)('the largest talk (20 studies of 12 results, long names everywhere) in %s', async (lang) => {
    const [biggest] = fc.sample(talk({ minStudies: 20, maxStudies: 20, maxResults: 12 }), { seed: SEED, numRuns: 1 });
    const t = { ...biggest!, lang, studies: biggest!.studies.map((s, i) => (i % 3 === 0 ? { ...s, results: [...s.results, ...s.results].slice(0, 12) } : s)) };
    expect(await problemsOf(t)).toEqual([]);
  }, 600_000);

  it('the smallest talk: one study with one result, one of everything', async () => {
    const [smallest] = fc.sample(talk({ minStudies: 1, maxStudies: 1, maxResults: 1 }), { seed: SEED, numRuns: 1 });
    const t = { ...smallest!, helpers: smallest!.helpers.slice(0, 1), tips: smallest!.tips.slice(0, 1), takeaways: smallest!.takeaways.slice(0, 1), resources: smallest!.resources.slice(0, 1) };
    expect(await problemsOf(t)).toEqual([]);
  }, 300_000);

  it(`${RUNS} random talks (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(talk({ minStudies: 1, maxStudies: 6, maxResults: 12 }), async (t) => {
        expect(await problemsOf(t)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
