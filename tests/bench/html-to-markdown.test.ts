// The benchmark's peers get the talk as Markdown made from each slide's finished HTML (bench/peers/html-to-markdown.ts,
// Turndown with rules of ours): each kind of element our renderers write, on a small snippet.
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../bench/peers/html-to-markdown.ts';

describe('htmlToMarkdown', () => {
  it('writes headings as ATX headings and paragraphs apart', () => {
    expect(htmlToMarkdown('<h1>Massage and MS</h1>\n<p class="subtitle">What the  research\n says</p><h2>Why</h2><p>One.</p>')).toBe(
      '# Massage and MS\n\nWhat the research says\n\n## Why\n\nOne.',
    );
  });

  it('writes emphasis, a cited title as emphasis too, and keeps white space outside the markers', () => {
    expect(htmlToMarkdown('<p><strong>Who:</strong> 48 people <em> in groups </em>; <cite>Clin Rehab</cite>, <b>b</b><i>i</i></p>')).toBe(
      '**Who:** 48 people *in groups* ; *Clin Rehab*, **b***i*',
    );
  });

  it('writes links inline, white space in an address percent-encoded', () => {
    expect(htmlToMarkdown('<p>See <a href="https://doi.org/10.1016/S1360-8592(98)80009-0" rel="noopener" target="_blank"> the paper </a> or <a>no link</a>.</p>')).toBe(
      'See [the paper](https://doi.org/10.1016/S1360-8592(98)80009-0) or no link.',
    );
    expect(htmlToMarkdown('<p><a href="notes/my talk.html">notes</a></p>')).toBe('[notes](notes/my%20talk.html)');
  });

  it('keeps a line break as <br>, the text around it on one line', () => {
    expect(htmlToMarkdown('<p class="event">Conference call <br>\nNational MS Society</p>')).toBe('Conference call<br>National MS Society');
  });

  it('writes bulleted and numbered lists, numbered from the list\'s start', () => {
    expect(htmlToMarkdown('<ul class="points">\n<li>One</li><li>Two <strong>bold</strong></li>\n</ul>')).toBe('- One\n- Two **bold**');
    expect(htmlToMarkdown('<ol class="references" start="9"><li>Ninth</li><li><p>Tenth</p><p>more</p></li></ol>')).toBe(
      '9. Ninth\n10. Tenth\n    \n    more',
    );
  });

  it('writes a definition list as one bullet per description, its term in bold', () => {
    expect(htmlToMarkdown('<dl class="facts">\n<dt>Who</dt><dd>48 patients</dd>\n<dt>How</dt><dd>15 sessions, <em>Swedish</em> massage</dd></dl>')).toBe(
      '- **Who:** 48 patients\n- **How:** 15 sessions, *Swedish* massage',
    );
  });

  it('writes a table with pipes, its first row as the head, without its caption', () => {
    const table =
      '<table class="evidence"><caption class="visually-hidden">Studies</caption><thead><tr><th scope="col">Study</th><th scope="col">Size</th></tr></thead>' +
      '<tbody><tr><th scope="row">A | B</th><td>24 <span>people</span></td></tr>\n<tr><td></td><td>—</td></tr></tbody></table>';
    expect(htmlToMarkdown(table)).toBe('| Study | Size |\n| --- | --- |\n| A \\| B | 24 people |\n|   | — |');
  });

  it('writes a quote with its caption under it, each paragraph of the quote quoted', () => {
    const quote =
      '<h2 class="quote-heading">What therapists see</h2><figure class="quote"><blockquote><p>I have treated a number of clients.</p>' +
      '<p>It helps for 3 to 7 days.</p></blockquote><figcaption>Bert Davich, LMT <span class="part">(1 of 3)</span></figcaption></figure>';
    expect(htmlToMarkdown(quote)).toBe(
      '## What therapists see\n\n> I have treated a number of clients.\n>\n> It helps for 3 to 7 days.\n\n— Bert Davich, LMT (1 of 3)',
    );
  });

  it('turns the inline SVG QR code into an image whose data: address holds the SVG as written', () => {
    const svg =
      '<svg role="img" aria-label="QR code for https://example.org/talk/" class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 33 33">' +
      '<path fill="#ffffff" d="M0 0h33v33H0z"/><path stroke="#000000" d="M2 2.5h7"/></svg>';
    const markdown = htmlToMarkdown(`<figure class="qr">${svg}<figcaption>Scan me</figcaption></figure>`);
    const [, alt, data] = /^!\[(.*)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)\n\n— Scan me$/.exec(markdown) ?? [];
    expect(alt).toBe('QR code for https://example.org/talk/');
    expect(Buffer.from(data!, 'base64').toString()).toBe(svg);
    // A decorative mark has no label: it is an image all the same, inline with its text.
    expect(htmlToMarkdown('<p><span class="direction"><svg class="mark" aria-hidden="true"><path d="M6 1Z"/></svg> Improved</span></p>')).toMatch(
      /^!\[image\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\) Improved$/,
    );
  });

  it('leaves out what is only for screen readers', () => {
    expect(htmlToMarkdown('<div class="visually-hidden"><p>Hidden</p></div><p>Shown</p>')).toBe('Shown');
  });

  it('escapes what Markdown would read as markup: emphasis, links, HTML, entities and block markers', () => {
    expect(htmlToMarkdown('<p>a*b_c [d] `e` \\ &lt;script&gt; &amp;copy; don&#39;t</p>')).toBe(
      'a\\*b\\_c \\[d\\] \\`e\\` \\\\ &lt;script&gt; &amp;copy; don\'t',
    );
    expect(htmlToMarkdown('<p>- not a list</p><p># not a heading</p><p>12. not numbered</p><ul><li>+ plus</li></ul>')).toBe(
      '\\- not a list\n\n\\# not a heading\n\n12\\. not numbered\n\n- \\+ plus',
    );
  });

  it('gives nothing for nothing', () => {
    expect(htmlToMarkdown('')).toBe('');
    expect(htmlToMarkdown('<p> </p>')).toBe('');
  });
});
