// Escaping text for HTML, and the html`` template that escapes whatever is not already safe.
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, unwrap } from '../../src/html/escape.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that can start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves everything else exactly as it was', () => {
    const text = 'Café — “naïve” ’s 💆‍♀️ 東京 $1 $` \\ \u00a0 %DECK_LANG%';
    expect(escapeHtml(text)).toBe(text);
  });

  it('escapes an entity that is already written, so it shows as typed', () => {
    expect(escapeHtml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });
});

describe('html``', () => {
  it('escapes interpolated text, but not Raw values made by the generator', () => {
    const name = '<script>x</script>';
    expect(unwrap(html`<p title="${name}">${name} ${raw('<em>safe</em>')}</p>`)).toBe(
      '<p title="&lt;script&gt;x&lt;/script&gt;">&lt;script&gt;x&lt;/script&gt; <em>safe</em></p>',
    );
  });

  it('joins lists, and writes nothing for undefined, null and false', () => {
    expect(unwrap(html`${['<a>', raw('<b>')]}${undefined}${null}${false}${0}`)).toBe('&lt;a&gt;<b>0');
  });

  it('nests: a template inside a template is not escaped twice', () => {
    const inner = html`<em>${'a & b'}</em>`;
    expect(unwrap(html`<p>${inner}</p>`)).toBe('<p><em>a &amp; b</em></p>');
  });
});
