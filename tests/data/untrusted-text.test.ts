// Text pasted from the web into the data files: it shows as text, it never runs, and it is kept exactly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { countWords } from '../../src/layout/split-text.ts';
import { QUOTE_WORDS_PER_SLIDE } from '../../src/render/render-quotes.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { copyTalk, problemsOf, type TalkCopy } from './talk-copy.ts';

let talk: TalkCopy;
beforeEach(() => {
  talk = copyTalk();
});
afterEach(() => talk.remove());

const deckHtml = async () => (await buildTalk(talk.root)).slides.map((s) => unwrap(s.body) + unwrap(s.notes)).join('\n');

/** A quote changed on purpose is changed in its source too, so the check against the source still passes. */
function inSource(from: string | RegExp, to: string) {
  talk.edit('sources/blog-post.txt', (t) => t.replace(from, () => to));
}

describe('HTML and script in text fields', () => {
  it('escapes a script in a quote, on the slide and in the notes', async () => {
    talk.edit('data/quotes.yaml', (t) => t.replace('I hope that helps.', 'I hope that helps. <script>alert("x")</script>'));
    inSource('I hope that helps.', 'I hope that helps. <script>alert("x")</script>');
    const html = await deckHtml();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('escapes an image with an onerror handler in a study field', async () => {
    talk.edit('data/studies.yaml', (t) => t.replace('Tummy (abdominal) massage for constipation', 'Tummy massage <img src=x onerror=alert(1)>'));
    const html = await deckHtml();
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('Tummy massage &lt;img src=x onerror=alert(1)&gt;');
  });

  it('reports a javascript: link written as Markdown in a takeaway, and the renderer would drop it anyway', async () => {
    talk.edit('data/takeaways.yaml', (t) => t.replace("One study’s gain in confidence lasted 4 weeks after massage stopped;", "One study's gain [lasted](javascript:alert(1)) 4 weeks after massage stopped;"));
    expect(problemsOf(talk.root)).toEqual([
      expect.stringMatching(/^data\/takeaways\.yaml:\d+:\d+ {2}takeaways\[\d\]\.text {2}expected links to start with https:\/\/, http:\/\/ or mailto:, found a link to "javascript:alert\(1\)"$/),
    ]);
    const { markdownInline } = await import('../../src/markdown/render-markdown.ts');
    expect(unwrap(markdownInline("One study's gain [lasted](javascript:alert(1)) 4 weeks after massage stopped;"))).toBe("One study's gain lasted 4 weeks after massage stopped;");
  });

  it('escapes HTML in a hand-written slide', async () => {
    talk.edit('slides/agenda.md', (t) => t.replace('1. How to read small studies', '1. How to read <b onclick="x()">small</b> studies'));
    const html = await deckHtml();
    expect(html).not.toMatch(/<b onclick/);
    expect(html).toContain('How to read &lt;b onclick="x()"&gt;small&lt;/b&gt; studies');
  });

  it('escapes quotes that would break out of an attribute', async () => {
    talk.edit('data/talk.yaml', (t) => t.replace('description: >-', 'description: >-\n  "><script>x</script>'));
    const { fillPage } = await import('../../src/share/deck-page.ts');
    const page = fillPage('<head><!-- deck:head --></head><!-- deck:slides -->', await buildTalk(talk.root));
    expect(page).not.toMatch(/<script>x/);
    expect(page).toContain('&quot;&gt;&lt;script&gt;x&lt;/script&gt;');
  });
});

describe('text kept exactly', () => {
  it('writes "$&" and "$\'" as they are, not as patterns that copy parts of the page', async () => {
    talk.edit('data/talk.yaml', (t) => t.replace('role: Massage therapist', () => `role: "Massage therapist ($& $' $\` $$)"`));
    const { fillPage } = await import('../../src/share/deck-page.ts');
    const page = fillPage('<html lang="%DECK_LANG%"><head><!-- deck:head --></head><body><!-- deck:slides --></body></html>', await buildTalk(talk.root));
    expect(page).toContain("Massage therapist ($&amp; $&#39; $` $$)");
    expect(page.match(/<body>/g)).toHaveLength(1);
  });


  it('keeps accents, curly quotes, em dashes and emoji', async () => {
    const words = 'Café crème — “naïve” clients’ feet 💆‍♀️ 東京';
    talk.edit('data/quotes.yaml', (t) => t.replace('I hope that helps.', `I hope that helps. ${words}`));
    inSource('I hope that helps.', `I hope that helps. ${words}`);
    const html = await deckHtml();
    expect(html).toContain('Café crème — “naïve” clients’ feet 💆‍♀️ 東京');
  });

  it('reads files with Windows line endings and a byte-order mark as the same talk', async () => {
    const plain = await deckHtml();
    for (const f of ['data/quotes.yaml', 'data/studies.yaml', 'slides/agenda.md', 'slides/order.yaml']) {
      talk.edit(f, (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    }
    expect(problemsOf(talk.root)).toEqual([]);
    expect(await deckHtml()).toBe(plain);
  });
});

describe('quotes too long for one slide', () => {
  it('splits a very long quote over slides without losing or changing a word', async () => {
    const sentence = (i: number) => `Sentence number ${i} tells the reader something about the client and the session.`;
    const long = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    talk.edit('data/quotes.yaml', (t) => t.replace(/(  - id: rhonda-henry[\s\S]*?text: \|-\n)[^\n]*\n/, `$1      ${long}\n`));
    inSource(/I spent early five years[^”]*/, long);
    const deck = await buildTalk(talk.root);
    const parts = deck.slides.filter((s) => s.id.startsWith('quote-rhonda-henry'));
    expect(parts.length).toBeGreaterThan(5);
    const shown = parts.map((p) => unwrap(p.body).match(/<blockquote>([\s\S]*?)<\/blockquote>/)![1]!.replace(/<\/?p>/g, ' '));
    for (const text of shown) expect(countWords(text)).toBeLessThanOrEqual(QUOTE_WORDS_PER_SLIDE);
    expect(shown.join(' ').replace(/\s+/g, ' ').trim()).toBe(long);
    expect(unwrap(parts.at(-1)!.body)).toContain('continued');
    // The notes of every part hold the whole quote.
    for (const p of parts) expect(unwrap(p.notes)).toContain(sentence(39));
  });

  it('splits one enormous sentence between words', async () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    talk.edit('data/quotes.yaml', (t) => t.replace(/(  - id: rhonda-henry[\s\S]*?text: \|-\n)[^\n]*\n/, `$1      ${words}\n`));
    inSource(/I spent early five years[^”]*/, words);
    const deck = await buildTalk(talk.root);
    const parts = deck.slides.filter((s) => s.id.startsWith('quote-rhonda-henry'));
    const shown = parts.map((p) => unwrap(p.body).match(/<blockquote>([\s\S]*?)<\/blockquote>/)![1]!.replace(/<\/?p>/g, ' ').trim());
    for (const text of shown) expect(countWords(text)).toBeLessThanOrEqual(QUOTE_WORDS_PER_SLIDE);
    expect(shown.join(' ')).toBe(words);
  });
});
