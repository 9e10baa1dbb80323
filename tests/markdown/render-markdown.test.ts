import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { markdownBlock, markdownInline } from '../../src/markdown/render-markdown.ts';

const inline = (md: string) => unwrap(markdownInline(md));
const block = (md: string) => unwrap(markdownBlock(md));

describe('Markdown written in a data file', () => {
  it('keeps emphasis, lists and web links', () => {
    expect(inline('**strong** and *soft*')).toBe('<strong>strong</strong> and <em>soft</em>');
    expect(block('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(inline('[PubMed](https://pubmed.ncbi.nlm.nih.gov/)')).toBe(
      '<a href="https://pubmed.ncbi.nlm.nih.gov/" rel="noopener noreferrer" target="_blank">PubMed</a>',
    );
    expect(inline('[write](mailto:chapter@example.org)')).toContain('href="mailto:chapter@example.org"');
  });

  it('shows raw HTML as text instead of running it', () => {
    expect(inline('<b>bold</b>')).toBe('&lt;b&gt;bold&lt;/b&gt;');
    expect(block('<script>alert(1)</script>')).not.toMatch(/<script/i);
    expect(block('<script>alert(1)</script>')).toContain('&lt;script&gt;');
    expect(inline('<img src=x onerror="alert(1)">')).not.toMatch(/<img/i);
    expect(block('<iframe src="https://evil.example"></iframe>')).not.toMatch(/<iframe/i);
  });

  it('drops links that are not web or mail links, keeping their words', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd']) {
      const html = inline(`[click me](${href})`);
      expect(html, href).not.toMatch(/href=/);
      expect(html, href).toContain('click me');
    }
  });

  it('makes images plain words, so no picture is fetched from another site', () => {
    expect(inline('![a tracking pixel](https://tracker.example/p.gif)')).toBe('a tracking pixel');
  });

  it('keeps accents, curly quotes, dashes and emoji exactly', () => {
    const text = 'Café “naïve” — déjà vu ’s 💆‍♀️ 東京';
    expect(inline(text)).toBe(text);
  });

  it('escapes ampersands and angle brackets in ordinary text', () => {
    expect(inline('P < 0.05 & more > less')).toBe('P &lt; 0.05 &amp; more &gt; less');
  });
});
