// The provenance page: each quote and figure beside the source passage it was checked against, linked from the
// text version, loading nothing, running nothing, and showing pasted HTML as text. Read back with htmlparser2.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Parser } from 'htmlparser2';
import { renderProvenancePage } from '../../src/share/render-provenance-page.ts';
import { renderTextPage } from '../../src/share/render-text-page.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { copyTalk, ROOT, type TalkCopy } from '../data/talk-copy.ts';

interface Read {
  tags: string[];
  links: string[];
  csp: string;
  /** Text of each check: the talk's side and the source's side. */
  checks: { where: string; said: string; source: string }[];
  text: string;
}

/** The page as a browser would read it: elements, links, the policy, and the text of each check. */
function read(page: string): Read {
  const out: Read = { tags: [], links: [], csp: '', checks: [], text: '' };
  let part: 'where' | 'said' | 'source' | undefined;
  let check: Read['checks'][number] | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      out.tags.push(name);
      if (name === 'a' && attrs.href) out.links.push(attrs.href);
      if (name === 'meta' && attrs['http-equiv'] === 'Content-Security-Policy') out.csp = attrs.content ?? '';
      if (name === 'article') out.checks.push((check = { where: '', said: '', source: '' }));
      if (name === 'h3' && check) part = 'where';
      if (name === 'div' && check) part = attrs.class === 'said' ? 'said' : attrs.class === 'source' ? 'source' : part;
    },
    ontext(text) {
      out.text += text;
      if (check && part) check[part] += text;
    },
    onclosetag(name) {
      if (name === 'h3' || name === 'div') part = undefined;
      if (name === 'article') check = undefined;
    },
  });
  parser.write(page);
  parser.end();
  return out;
}

const source = (deck: Awaited<ReturnType<typeof buildTalk>>) => renderProvenancePage(deck).source;

let talk: TalkCopy | undefined;
afterEach(() => {
  talk?.remove();
  talk = undefined;
});

describe('the provenance page of the real talk', () => {
  it('shows every quote and result figure beside the source passage it was checked against', async () => {
    const deck = await buildTalk(ROOT);
    const { fileName, source } = renderProvenancePage(deck);
    expect(fileName).toBe('ms-massage-sources.html');
    const page = read(source);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const pain = page.checks.find((c) => c.where.includes('studies[0].results[0]'))!;
    expect(squash(pain.said)).toContain('Pain (massage vs exercise): 2.75 points, P = 0.001');
    expect(squash(pain.source)).toMatch(/^The source: sources\/blog-post\.txt, line \d+ ?RESULTS: Massage therapy resulted in significantly larger improvement in pain reduction \(mean change 2\.75 points, P = 0\.001\)/);
    for (const who of ['quotes[0]', 'quotes[1]', 'quotes[2]', 'quotes[3]', 'clinic.description']) {
      const quote = page.checks.find((c) => c.where.includes(who))!;
      expect(quote, who).toBeDefined();
      // The talk's words are found, word for word, in the passage beside them.
      expect(squash(quote.source)).toContain(squash(quote.said).replace(/^The talk ?/, '').slice(0, 60));
    }
    expect(page.checks.some((c) => c.where.includes('studies[3].conclusion') && c.said.includes('…'))).toBe(true);
    expect(page.tags).not.toContain('script');
    expect(page.csp).toContain("default-src 'none'");
    expect(page.csp).toContain("script-src 'none'");
    expect(page.links.every((l) => !/^[a-z]+:/i.test(l))).toBe(true);
  });

  it('lists every takeaway and tip beside each passage it rests on, and the speaker\'s own views as such, first', async () => {
    const deck = await buildTalk(ROOT);
    const page = read(renderProvenancePage(deck).source);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const { takeaways, tips } = deck.model.takeaways;
    for (const point of [...takeaways, ...tips]) {
      const check = page.checks.find((c) => squash(c.said).includes(squash(point.text)));
      expect(check, point.text).toBeDefined();
      if (point.own) expect(squash(check!.source)).toMatch(/^The source: sources\/blog-post\.txt, line \d+|^The speaker’s own view/);
      // Each passage, with its file and line, word for word in what the page shows.
      for (const passage of point.passages ?? []) expect(squash(check!.source), passage).toContain(squash(passage).replace(/ ….*$/, '').slice(0, 40));
      expect(check!.source.match(/The source: /g)?.length ?? 0, point.text).toBe(point.passages?.length ?? 0);
    }
    const headings = [...source(deck).matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1]);
    expect(headings.slice(0, 2)).toEqual(['claim', 'own-view']);
    // A study's meaning and caveat are there too.
    expect(page.checks.some((c) => c.where.includes('studies[4].meaning') && squash(c.source).includes('seem to improve depression, anxiety and self-esteem'))).toBe(true);
  });

  it('is linked from the text version', async () => {
    const deck = await buildTalk(ROOT);
    expect(read(renderTextPage(deck).source).links).toContain('ms-massage-sources.html');
  });
});

describe('text from the talk and its sources', () => {
  it('is shown as text, never as markup', async () => {
    talk = copyTalk();
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    talk.edit('data/quotes.yaml', (t) => t.replace('I hope that helps.', `I hope that helps. ${attack}`));
    talk.edit('sources/blog-post.txt', (t) => t.replace('I hope that helps.', `I hope that helps. ${attack}`));
    const page = read(renderProvenancePage(await buildTalk(talk.root)).source);
    expect(page.tags).not.toContain('script');
    expect(page.tags).not.toContain('img');
    const bert = page.checks.find((c) => c.where.includes('quotes[0].text'))!;
    expect(bert.said).toContain(attack);
    expect(bert.source).toContain(attack.slice(0, -2)); // the passage ends with the quote's last word
  });

  it('says so, and is not linked, for a talk with no sources', async () => {
    talk = copyTalk(`${ROOT}/examples/library-hours`);
    rmSync(`${talk.root}/sources`, { recursive: true });
    for (const f of ['data/quotes.yaml', 'data/studies.yaml']) talk.edit(f, (t) => t.replace(/^ +from: branch-report\n/gm, ''));
    const deck = await buildTalk(talk.root);
    const page = read(renderProvenancePage(deck).source);
    expect(page.checks).toEqual([]);
    expect(page.text).toContain('This talk holds no source texts');
    expect(read(renderTextPage(deck).source).links.some((l) => l.endsWith('-sources.html'))).toBe(false);
  });
});

describe('another talk', () => {
  it('has its own provenance page, in its own language', async () => {
    const deck = await buildTalk(`${ROOT}/examples/library-hours`);
    const page = read(renderProvenancePage(deck).source);
    expect(page.checks.map((c) => c.where.replace(/^.*?data\//, 'data/'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^data\/quotes\.yaml:\d+ {2}quotes\[0\]\.text$/), expect.stringMatching(/^data\/studies\.yaml:\d+ {2}studies\[0\]\.results\[0\]$/)]),
    );
    const visits = page.checks.find((c) => c.where.endsWith('studies[0].results[0]'))!;
    expect(visits.source).toContain('mean change 38 visits a week, p = 0.04');
  });
});
