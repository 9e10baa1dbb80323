// One scheme for generated slides' ids: the renderers make them with it, and a hand-written slide that would take one
// of them is reported, including the ids of slides that continue (tips-2, study-x-results-2, quote-y-3).
import { describe, expect, it } from 'vitest';
import { DataError, formatProblem } from '../../src/data/data-error.ts';
import { loadTalk } from '../../src/data/load-data.ts';
import { continuedId, generatedOwner } from '../../src/layout/slide-ids.ts';
import { buildDeck } from '../../src/slides/build-deck.ts';
import { copyTalk, ROOT } from '../data/talk-copy.ts';

const owners = { studies: ['finch-2014'], quotes: ['bert-davich'], clinic: 'sutherland-chan-clinic' };

describe('slide ids', () => {
  it('continue as base, base-2, base-3', () => {
    expect([0, 1, 2].map((p) => continuedId('tips', p))).toEqual(['tips', 'tips-2', 'tips-3']);
  });

  it('name the generated slides an id belongs to, continued pages included', () => {
    expect(generatedOwner('tips-2', owners)).toBe('a generated slide');
    expect(generatedOwner('special-thanks', owners)).toBe('a generated slide');
    expect(generatedOwner('study-finch-2014-results-2', owners)).toBe('the slides of the study "finch-2014"');
    expect(generatedOwner('quote-bert-davich-3', owners)).toBe('the slides of the quote "bert-davich"');
    expect(generatedOwner('clinic-sutherland-chan-clinic', owners)).toBe('the slides of "sutherland-chan-clinic"');
    expect(generatedOwner('tips-for-you', owners)).toBeUndefined();
    expect(generatedOwner('study-finch-2014-extra', owners)).toBeUndefined();
  });

  it('every generated slide of the real talk is foreseen by the scheme', async () => {
    const model = loadTalk({ root: ROOT });
    const slides = await buildDeck(model);
    const generated = slides.filter((s) => ![...model.markdown.values()].some((md) => md.id === s.id));
    const talkOwners = {
      studies: model.studies.studies.map((s) => s.id),
      quotes: model.quotes.quotes.map((q) => q.id),
      clinic: model.quotes.clinic?.id,
    };
    expect(generated.filter((s) => generatedOwner(s.id, talkOwners) === undefined).map((s) => s.id)).toEqual([]);
  });

  it('a hand-written slide that takes a continued page\'s id is reported by the check', () => {
    const talk = copyTalk();
    try {
      talk.edit('slides/agenda.md', (t) => t.replace('id: agenda', 'id: tips-2'));
      expect(() => loadTalk({ root: talk.root, cwd: talk.root })).toThrow(/slide id "tips-2" in agenda\.md is also used by a generated slide/);
    } finally {
      talk.remove();
    }
  });

  it('and if ever a clash slips past the check, making the slides reports it at the running order\'s line', async () => {
    const model = loadTalk({ root: ROOT });
    const md = model.markdown.get('agenda.md')!;
    model.markdown.set('agenda.md', { ...md, id: 'why-this-talk' });
    const problems = await buildDeck(model).then(
      () => [],
      (e: unknown) => (e instanceof DataError ? e.problems.map(formatProblem) : [String(e)]),
    );
    expect(problems).toEqual([expect.stringMatching(/^slides\/order\.yaml:\d+:\d+ {2}slides\[\d\] {2}slide id "why-this-talk" in agenda\.md is also used by why-this-talk\.md/)]);
  });
});
