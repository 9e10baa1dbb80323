// The allow-list is enforced by the build: what it names passes, anything else is named back, and a slide or head
// holding it stops the build with the slide and part.
import { describe, expect, it } from 'vitest';
import { DECK_ATTRIBUTES, DECK_TAGS, HEAD_ATTRIBUTES, HEAD_TAGS } from '../../src/html/allowlist.ts';
import { outsideAllowList } from '../../src/html/check-allowlist.ts';
import { raw } from '../../src/html/escape.ts';
import { holdToAllowList } from '../../src/slides/build-deck.ts';
import type { Slide } from '../../src/layout/slide.ts';

describe('outsideAllowList', () => {
  it('names elements, attributes and links outside the list', () => {
    const html = '<section id="a"><script>x</script><p onclick="y">z</p><a href="javascript:x">l</a><a href="../x.html">m</a><a href="a.html">n</a></section>';
    expect(outsideAllowList(html, DECK_TAGS, DECK_ATTRIBUTES)).toEqual(['<script>', '<p onclick>', 'href=javascript:x', 'href=../x.html']);
    expect(outsideAllowList('<title>t</title><meta http-equiv="refresh" content="0"><base href="https://e.example">', HEAD_TAGS, HEAD_ATTRIBUTES)).toEqual([
      '<meta http-equiv>',
      '<base>',
      '<base href>',
    ]);
  });

  it('passes what the generator writes: SVG in any case, web, mail and own-page links, escaped markup as text', () => {
    const ok =
      '<figure class="qr"><svg viewBox="0 0 10 10" focusable="false" aria-hidden="true"><path d="M0 0h1" fill="#000"/></svg></figure>' +
      '<p><a href="https://doi.org/10.1/x" rel="noopener noreferrer" target="_blank">doi</a> <a href="mailto:a@b.example">mail</a> ' +
      '<a href="talk-text.html#s1">text</a> &lt;script&gt;alert(1)&lt;/script&gt;</p><table><tr><th scope="col">A</th><td colspan="2">b</td></tr></table>';
    expect(outsideAllowList(ok, DECK_TAGS, DECK_ATTRIBUTES)).toEqual([]);
  });
});

describe('the build holds every slide to it', () => {
  const slide = (over: Partial<Slide>): Slide => ({ id: 'ok', title: 'Ok', kind: 'plain', body: raw('<h2>Ok</h2>'), notes: raw('<p>n</p>'), weight: 1, ...over });

  it('lets allowed slides through', () => {
    expect(() => holdToAllowList([slide({}), slide({ id: 'two', privateNotes: raw('<p><strong>mine</strong></p>') })])).not.toThrow();
  });

  it('stops at a slide body, notes or private notes with anything else, naming each', () => {
    const bad = [
      slide({ id: 'a', body: raw('<h2>A</h2><img src="x.png">') }),
      slide({ id: 'b', notes: raw('<p style="color:red">n</p>') }),
      slide({ id: 'c', privateNotes: raw('<iframe src="https://e.example"></iframe>') }),
    ];
    expect(() => holdToAllowList(bad)).toThrow(/slide "a" \(body\): <img>, <img src>\nslide "b" \(notes\): <p style>\nslide "c" \(privateNotes\): <iframe>, <iframe src>\n/);
    expect(() => holdToAllowList(bad)).toThrow(/a fault in the code, not in the talk's files/);
  });
});
