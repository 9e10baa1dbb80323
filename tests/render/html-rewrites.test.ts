// The renderers that change HTML they made: through the parser, so only real tags change.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { elements, parseHtml } from '../../src/html/dom.ts';
import { renderMarkdownSlide } from '../../src/render/render-markdown-slide.ts';
import { qrSvg } from '../../src/render/render-questions.ts';
import { makeWords } from '../../src/locale/words.ts';

describe('a Markdown slide', () => {
  it('makes its "# heading" an h2, and leaves code that shows an <h1> as it is', () => {
    const slide = renderMarkdownSlide({ id: 'md', weight: 1, file: 'md.md', title: 'Hello', body: '# Hello\n\n`<h1>` is a tag\n\n## Under', notes: '' }, makeWords('en', new Map()));
    const body = unwrap(slide.body);
    expect(body).toContain('<h2>Hello</h2>');
    expect(body).toContain('<code>&lt;h1&gt;</code>');
    expect(body).toContain('<h2>Under</h2>');
    expect(body).not.toContain('<h1');
  });
});

describe('qrSvg', () => {
  it('is an image with its label escaped, no XML declaration, and the code unchanged', async () => {
    const svg = await qrSvg('https://example.org/?a=1&b=2', 'Slides at "example.org" & more');
    expect(svg.startsWith('<svg role="img" aria-label="Slides at &quot;example.org&quot; &amp; more" class="qr-code" xmlns=')).toBe(true);
    expect(svg).not.toContain('<?xml');
    const [root] = elements(parseHtml(svg), 'svg');
    expect(root!.attribs['aria-label']).toBe('Slides at "example.org" & more');
    expect(elements(root!, 'path').length).toBeGreaterThan(0);
  });
});
