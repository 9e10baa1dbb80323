// HTML read through a parser: where each element and its tags are in the source, its text, and splicing edits in.
import { describe, expect, it } from 'vitest';
import { attribute, closeTag, elements, setAttribute, inner, openTag, outer, parseHtml, parseXml, removeAttribute, renamed, splice, tagName, textOf } from '../../src/html/dom.ts';

const SOURCE = '<h1 class="a">Hi &amp; <em>you</em></h1>\n<p>x<br>y<img src="a"/></p><script>if (a<b) "</p>"</script>';

describe('parseHtml', () => {
  const doc = parseHtml(SOURCE);
  const at = (range: [number, number] | undefined) => (range ? SOURCE.slice(...range) : undefined);

  it('knows where each element, its start tag, its content and its end tag are in the source', () => {
    const [h1] = elements(doc, 'h1');
    expect(at(outer(h1!))).toBe('<h1 class="a">Hi &amp; <em>you</em></h1>');
    expect(at(openTag(h1!))).toBe('<h1 class="a">');
    expect(at(inner(h1!))).toBe('Hi &amp; <em>you</em>');
    expect(at(closeTag(h1!))).toBe('</h1>');
    expect(at(tagName(h1!, 'close'))).toBe('h1');
  });

  it('gives void elements no end tag, and reads script content as text', () => {
    const [br, img] = elements(doc, ['br', 'img']);
    expect(at(outer(br!))).toBe('<br>');
    expect(at(outer(img!))).toBe('<img src="a"/>');
    expect(tagName(img!, 'close')).toBeUndefined();
    expect(elements(doc, 'p')).toHaveLength(1);
    expect(at(inner(elements(doc, 'script')[0]!))).toBe('if (a<b) "</p>"');
  });

  it('gives the text an element shows, entities decoded and white space collapsed', () => {
    expect(textOf(elements(doc, 'h1'))).toBe('Hi & you');
    expect(textOf(parseHtml(' Ann &amp;\n Bo&#39;s ')).trim()).toBe("Ann & Bo's");
  });
});

describe('splice', () => {
  it('makes edits in source order and leaves the rest byte for byte', () => {
    expect(splice('<p>a</p>', [{ start: 8, end: 8, text: '</div>' }, { start: 0, end: 0, text: '<div>' }, { start: 3, end: 4, text: 'b' }])).toBe(
      '<div><p>b</p></div>',
    );
  });

  it('refuses edits that overlap', () => {
    expect(() => splice('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }])).toThrow(/overlap/);
  });
});

describe('renamed', () => {
  it('renames the start and end tags of real elements only, attributes and content kept', () => {
    expect(renamed('<h1 id="a">A <code>&lt;h1&gt;</code></h1><h2>b</h2>', 'h1', 'h2')).toBe('<h2 id="a">A <code>&lt;h1&gt;</code></h2><h2>b</h2>');
  });
});

describe('attributes', () => {
  const source = `<a class=x href="p?a=1&amp;b=2" data-n='1' hidden>t</a><h2>h</h2>`;
  const [a, h2] = elements(parseHtml(source), ['a', 'h2']);

  it('knows where each attribute is written, whatever its quotes', () => {
    expect(source.slice(...attribute(a!, 'href')!)).toBe('href="p?a=1&amp;b=2"');
    expect(source.slice(...attribute(a!, 'class')!)).toBe('class=x');
    expect(source.slice(...attribute(a!, 'data-n')!)).toBe("data-n='1'");
    expect(source.slice(...attribute(a!, 'hidden')!)).toBe('hidden');
    expect(a!.attribs.href).toBe('p?a=1&b=2');
  });

  it('sets an attribute in place, or adds it after the name, its value escaped as everywhere else', () => {
    expect(splice(source, [setAttribute(a!, 'href', 'q?a="1"&b'), setAttribute(h2!, 'role', 'none')])).toBe(
      `<a class=x href="q?a=&quot;1&quot;&amp;b" data-n='1' hidden>t</a><h2 role="none">h</h2>`,
    );
  });
});

describe('elements without an end tag', () => {
  it('end with their last child when what follows closes them, or at the end of the text', () => {
    const source = '<ul><li>a<li>b</ul><p>x<div>y</div><head><title>t</title>';
    const doc = parseHtml(source);
    expect(elements(doc, 'li').map((li) => source.slice(...outer(li)))).toEqual(['<li>a', '<li>b']);
    const [p, head] = elements(doc, ['p', 'head']);
    expect(source.slice(...outer(p!))).toBe('<p>x');
    expect(closeTag(head!)[0]).toBe(closeTag(head!)[1]);
    expect(source.slice(...outer(head!))).toBe('<head><title>t</title>');
  });
});

describe('parseXml', () => {
  // As pptxgenjs writes a slide's parts: prefixed names, camel-case attributes, self-closed elements.
  const xml = '<?xml version="1.0"?>\n<p:sld><a:p><a:pPr algn="l"/><a:r><a:rPr lang="en-US" altLang="en-US"/><a:t>A &amp; B</a:t></a:r><a:pPr x="1"><a:buNone/></a:pPr></a:p></p:sld>';
  const doc = parseXml(xml);

  it('keeps names as written and knows where self-closed elements end', () => {
    expect(elements(doc, () => true).map((el) => el.name)).toEqual(['p:sld', 'a:p', 'a:pPr', 'a:r', 'a:rPr', 'a:t', 'a:pPr', 'a:buNone']);
    const [first, second] = elements(doc, 'a:pPr');
    expect(xml.slice(...outer(first!))).toBe('<a:pPr algn="l"/>');
    expect(xml.slice(...outer(second!))).toBe('<a:pPr x="1"><a:buNone/></a:pPr>');
    expect(textOf(elements(doc, 'a:t'))).toBe('A & B');
  });

  it('removes an attribute with the space before it, and nothing when it is not there', () => {
    const run = elements(doc, 'a:rPr')[0]!;
    expect(splice(xml, removeAttribute(run, 'altLang', xml))).toContain('<a:rPr lang="en-US"/>');
    expect(removeAttribute(run, 'dirty', xml)).toEqual([]);
  });
});
