// The replay reads the built deck's page through the parser: its slides, their titles, its styles and language.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuiltDeck } from '../../src/replay/build.ts';

const dist = mkdtempSync(join(tmpdir(), 'replay-deck-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('readBuiltDeck', () => {
  it('takes the slides as written, each with its title, and every style sheet, whatever its attributes', () => {
    writeFileSync(join(dist, 'a.css'), 'p { color: red }');
    writeFileSync(
      join(dist, 'index.html'),
      `<!doctype html><html data-x="1" lang="es"><head><style media="all">h2 { margin: 0 }</style><link href="a.css" rel="preload stylesheet">
<script>"<section id='fake'>"</script></head><body><div class="reveal"><div class="slides">
<section id="a" class="t"><h2>Pain &amp; <em>sleep</em></h2></section><section><section id="b"><h1>"B"</h1></section><section><p>x</p></section></section>
</div></div></body></html>`,
    );
    const deck = readBuiltDeck(dist);
    expect(deck.lang).toBe('es');
    expect(deck.slides.map((s) => [s.id, s.title])).toEqual([['a', 'Pain & sleep'], ['b', '"B"'], ['1/1', '3']]);
    expect(deck.slidesHtml).toBe(
      `\n<section id="a" data-replay-title="Pain &amp; sleep" class="t"><h2>Pain &amp; <em>sleep</em></h2></section><section><section id="b" data-replay-title="&quot;B&quot;"><h1>"B"</h1></section><section><p>x</p></section></section>\n`,
    );
    expect(deck.css).toBe('h2 { margin: 0 }\np { color: red }');
  });
});
