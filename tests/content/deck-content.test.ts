import { beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { renderTextPage } from '../../src/share/render-text-page.ts';
import { claimText } from '../../src/schema/common.ts';
import { Direction } from '../../src/schema/studies.ts';
import { directionMark } from '../../src/render/words.ts';
import type { BuiltDeck } from '../../src/deck/build-talk.ts';
import { builtPage, textOf } from './page-text.ts';
import { CARRIED, FIGURES, FROM_REFERENCES, NAMES, NOT_CLAIMED, QUOTES, READING, STUDY_TITLES } from './seed-strings.ts';

let deck: BuiltDeck;
let text: string;

beforeAll(async () => {
  const built = await builtPage();
  deck = built.deck;
  text = textOf(built.page);
});

describe('the built page holds the source text exactly', () => {
  it.each(FIGURES)('figure %s', (s) => expect(text).toContain(s));
  it.each(FROM_REFERENCES)('reference detail %s', (s) => expect(text).toContain(s));
  it.each(NAMES)('name %s', (s) => expect(text).toContain(s));
  it.each(STUDY_TITLES)('study title %s', (s) => expect(text).toContain(s));
  it.each(READING)("speaker's reading: %s", (s) => expect(text).toContain(s));

  for (const [who, paragraphs] of Object.entries(QUOTES)) {
    it(`the whole quote of ${who}, every paragraph, verbatim`, () => {
      for (const p of paragraphs) expect(text).toContain(p);
    });
  }

  it('shows every paragraph of a long quote on a slide, not only in the notes', () => {
    const onSlides = textOf(deck.slides.map((s) => unwrap(s.body)).join(' '));
    for (const paragraphs of Object.values(QUOTES)) {
      for (const p of paragraphs) for (const sentence of p.split(/(?<=[.?])\s+/)) expect(onSlides).toContain(sentence);
    }
  });
});

describe('the talk claims no more than its sources (issue 13)', () => {
  it.each(CARRIED)('carries %s', (s) => expect(text).toContain(s));
  it.each(NOT_CLAIMED)('never says %s', (s) => expect(text.toLowerCase()).not.toContain(s.toLowerCase()));

  it("keeps the speaker's own advice out of the takeaways and says whose it is", () => {
    const takeaways = deck.slides.find((s) => s.id === 'takeaways')!;
    expect(textOf(unwrap(takeaways.body))).not.toMatch(/health care team/i);
    expect(textOf(unwrap(takeaways.notes))).toContain('One piece of advice of my own, not a finding of these studies');
  });

  it('cites no self-efficacy study for less anxiety and depression, and reads no results sentence as a conclusion', () => {
    const feel = deck.model.takeaways.takeaways.find((t) => t.text.includes('anxiety and depression'))!;
    expect(feel.basis).not.toContain('finch-2014');
    const notes = textOf(unwrap(deck.slides.find((s) => s.id === 'study-hernandez-reif-1998-results')!.notes));
    expect(notes).not.toContain("The authors' conclusion");
    expect(notes).toContain('What the summary reports');
  });
});

describe('each study', () => {
  it('has a slide with its design, size where given, results and caveat', () => {
    for (const study of deck.model.studies.studies) {
      const slides = deck.slides.filter((s) => s.id.startsWith(`study-${study.id}`));
      expect(slides.length).toBeGreaterThanOrEqual(1);
      const t = textOf(slides.map((s) => unwrap(s.body)).join(' '));
      expect(t).toMatch(/randomized controlled trial|pilot|crossover|systematic review|feasibility study/i);
      if (study.participants) expect(t).toContain(study.participants.text.slice(0, 30));
      expect(t).toContain('How sure:');
      expect(t).toContain(textOf(claimText(study.caveat)).trim().slice(0, 20));
    }
  });

  it('shows every reference with its year, also where the details leave the year out', () => {
    const refs = textOf(deck.slides.filter((s) => s.kind === 'references').map((s) => unwrap(s.body)).join(' '));
    for (const study of deck.model.studies.studies) {
      if (study.citation.year) expect(refs, study.id).toMatch(new RegExp(`${study.citation.authors.split(' ')[0]}[^]*?\\. ${study.citation.year}[ ;]`));
    }
    // In the talk's citation style (Vancouver, the default): year, volume(issue):pages; an article number in place of pages.
    expect(refs).toContain('Evidence-Based Complementary and Alternative Medicine. 2014;640916.');
    expect(refs).toContain('Journal of Bodywork and Movement Therapies. 1998;2(3):168–74.');
    expect(refs).toContain('Clinical Rehabilitation. 2013 Dec;27(12):1126–36.');
  });

  it('opens each study in the speaker\'s own words, with its number and full title', () => {
    const total = deck.model.studies.studies.length;
    for (const [i, study] of deck.model.studies.studies.entries()) {
      const notes = textOf(unwrap(deck.slides.find((s) => s.id === `study-${study.id}`)!.notes));
      expect(notes).toContain(`Study ${i + 1} of ${total}: “${study.title}”`);
      expect(study.introNotes, study.id).toBeTruthy();
      expect(notes).toContain(textOf(study.introNotes!).trim().slice(0, 40));
      expect(notes).not.toMatch(/It is a /);
    }
  });

  it('names each finding that is not a measured improvement in words, with its own mark: a review\'s "seems", its verdict, a 2013 outcome not reported', () => {
    const overview = deck.slides.filter((s) => s.kind === 'overview').map((s) => unwrap(s.body)).join('');
    const lastCell = (study: string) => {
      const from = overview.slice(overview.indexOf(study));
      const cells = from.slice(0, from.indexOf('</tr>')).split('<td>');
      return cells[cells.length - 1]!;
    };
    const huntley = lastCell('A review of complementary therapies');
    expect(textOf(huntley)).toContain('Seems to improve: Depression, anxiety and self-esteem');
    expect(textOf(huntley)).toContain('Not compelling: Strength of the evidence');
    expect(huntley).toContain(unwrap(directionMark('seems improved')));
    expect(huntley).toContain(unwrap(directionMark('not compelling')));
    expect(huntley).not.toContain(unwrap(directionMark('mixed')));
    expect(textOf(lastCell('Walking and quality of life'))).toContain('Participants’ own report: How healthy people felt');
    expect(textOf(lastCell('Massage or exercise'))).toContain('Not reported: Fatigue, spasticity and quality of life');
    expect(overview).toContain('<th scope="col">Measured improvement</th>');
    expect(overview).toContain('<th scope="col">Other findings</th>');
    // Each mark is its own drawing.
    const drawings = new Set(Direction.options.map((d) => unwrap(directionMark(d))));
    expect(drawings.size).toBe(Direction.options.length);
  });

  it('explains every mark the overview uses in its notes', () => {
    const notes = textOf(unwrap(deck.slides.find((s) => s.id === 'overview')!.notes));
    for (const phrase of ['a solid triangle pointing up means a measured improvement', 'an outlined triangle means the source says it seems to improve', 'a speech bubble means what participants wrote', 'a cross means the source finds the evidence not compelling', 'a dash means it was measured but the source gives no result']) {
      expect(notes).toContain(phrase);
    }
  });

  it('labels figures that come from the paper rather than the talk', () => {
    const mcclurg = deck.slides.find((s) => s.id === 'study-mcclurg-2011-results')!;
    expect(textOf(unwrap(mcclurg.body))).toMatch(/P = 0\.003 \(from the paper\)/);
  });
});

describe('speaker notes and pacing', () => {
  it('every slide has speaker notes of some substance', () => {
    for (const s of deck.slides) expect(textOf(unwrap(s.notes)).trim().split(' ').length, s.id).toBeGreaterThan(15);
  });

  it('per-slide timings add up to the talk length exactly', () => {
    const total = deck.slides.reduce((sum, s) => sum + s.seconds, 0);
    expect(total).toBe(deck.model.talk.lengthMinutes * 60);
    for (const s of deck.slides) expect(s.seconds, s.id).toBeGreaterThan(10);
  });

  it('writes each timing as data-timing on its section', async () => {
    const { page } = await builtPage();
    const timings = [...page.matchAll(/<section id="([^"]+)"[^>]*data-timing="(\d+)"/g)];
    expect(timings.length).toBe(deck.slides.length);
    expect(timings.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(deck.model.talk.lengthMinutes * 60);
  });
});

describe('slides and ids', () => {
  it('gives every slide a unique id usable in the URL hash', () => {
    const ids = deck.slides.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(ids).toContain('study-negahban-2013');
  });

  it('follows the order file: title first, questions last, every study in between', () => {
    const ids = deck.slides.map((s) => s.id);
    expect(ids[0]).toBe('title');
    expect(ids.at(-1)).toBe('questions');
    for (const st of deck.model.studies.studies) expect(ids).toContain(`study-${st.id}`);
    for (const entry of deck.model.order.slides) {
      if (entry.endsWith('.md')) expect(ids).toContain(deck.model.markdown.get(entry)!.id);
    }
  });

  it('has the generated slides the talk needs', () => {
    const kinds = new Set(deck.slides.map((s) => s.kind));
    for (const k of ['title', 'thanks', 'overview', 'study', 'study-results', 'quote', 'clinic', 'points', 'resources', 'references', 'questions']) {
      expect(kinds, k).toContain(k);
    }
  });

  it('uses one h1 (the title) and h2 for every other slide heading', () => {
    const h1 = deck.slides.filter((s) => unwrap(s.body).includes('<h1'));
    expect(h1.map((s) => s.id)).toEqual(['title']);
    for (const s of deck.slides.slice(1)) expect(unwrap(s.body), s.id).toMatch(/<h2[ >]/);
  });
});

describe('the omissions a listener with MS would want (issue 23)', () => {
  it('the text version says massage is for symptoms and wellbeing, not a treatment of MS, and that the summaries rest on abstracts', () => {
    const text = textOf(renderTextPage(deck).source).replace(/\s+/g, ' ');
    expect(text).toContain('For symptoms and wellbeing: not a treatment of MS itself.');
    expect(text).toContain('MS has no known cure. One review places therapies like massage in managing symptoms, not in treating the disease itself.');
    expect(text).toContain('These summaries rest on the studies’ abstracts.');
    expect(text).toContain('the list I worked from “provides links to abstracts only”');
  });
});
