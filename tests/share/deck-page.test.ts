// The deck page is filled where the parser finds its places: the <html> element's lang and the two comments.
import { describe, expect, it } from 'vitest';
import { buildTalk } from '../../src/deck/build-talk.ts';
import { fillPage, problemPage } from '../../src/share/deck-page.ts';
import { ROOT } from '../support/project.ts';

const deck = await buildTalk(ROOT);

describe('fillPage', () => {
  it('fills the places the template has and leaves everything else as written, marker-like text in a script too', () => {
    const template = `<!doctype html>\n<html class="x" lang="fr">\n<head>\n<!--deck:head-->\n<script>const place = "<!-- deck:slides -->";</script>\n</head>\n<body><div class="slides"><!-- deck:slides --></div></body>\n</html>`;
    const page = fillPage(template, deck);
    expect(page.startsWith(`<!doctype html>\n<html class="x" lang="${deck.model.talk.lang}">\n<head>\n<title>`)).toBe(true);
    expect(page).toContain('<script>const place = "<!-- deck:slides -->";</script>');
    expect(page).toContain(`<div class="slides"><section id="${deck.slides[0]!.id}"`);
    expect(page.match(/<section /g)).toHaveLength(deck.slides.length);
  });

  it('says which place a template lacks or holds twice', () => {
    expect(() => fillPage('<html><head></head><body><!-- deck:slides --></body></html>', deck)).toThrow('the page template must hold one <!-- deck:head --> comment, where the talk goes; it holds 0');
    expect(() => fillPage('<head><!-- deck:head --></head><!-- deck:slides --><!-- deck:slides -->', deck)).toThrow('one <!-- deck:slides --> comment, where the talk goes; it holds 2');
  });
});

describe('problemPage', () => {
  it('shows the problems on a slide, escaped, in an English page', () => {
    const page = problemPage('<html lang="x"><head><!-- deck:head --></head><body><!-- deck:slides --></body></html>', 'data/talk.yaml:3:1  <b>bad</b>');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain(
      '<section class="problems"><h2>There is no deck to show yet</h2><p>The talk\'s files have problems. The deck appears as soon as you save the fixes.</p><pre>data/talk.yaml:3:1  &lt;b&gt;bad&lt;/b&gt;</pre></section>',
    );
    expect(page).toContain('id="deck-words"');
  });
});
