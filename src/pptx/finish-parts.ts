// The .pptx's XML parts edited after pptxgenjs has written them, for what it leaves out or writes in English or
// invalid: the document's language and author, each title where its heading fits, its sample words, one set of
// paragraph properties a paragraph.
import JSZip from 'jszip';
import { escapeHtml } from '../html/escape.ts';
import { closeTag, elements, isTag, outer, parseXml, removeAttribute, setAttribute, splice, textOf, type Document, type Edit, type Element } from '../html/dom.ts';
import type { Box } from './look.ts';

/** What pptxgenjs leaves out or writes in English: the document's language, and the talk's language on every run. */
export async function finish(
  buffer: Buffer,
  { lang, author, titleBoxes, blankLayout }: { lang: string; author: string; titleBoxes: Box[]; blankLayout: string },
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  // Each part is read with the XML parser and changed at the places it found, so the rest stays as pptxgenjs wrote it.
  const edit = async (name: string, change: (doc: Document, xml: string) => Edit[], required = false) => {
    const file = zip.file(name);
    if (!file) {
      if (required) throw new Error(`${name} was not written`);
      return;
    }
    const xml = await file.async('string');
    zip.file(name, splice(xml, change(parseXml(xml), xml)));
  };
  const replaceWith = (el: Element, text: string): Edit => {
    const [start, end] = outer(el);
    return { start, end, text };
  };
  await edit('docProps/core.xml', (doc) => {
    const root = elements(doc, 'cp:coreProperties')[0];
    if (!root) throw new Error('docProps/core.xml has no cp:coreProperties');
    const end = closeTag(root)[0];
    return [
      ...elements(doc, 'cp:lastModifiedBy').map((el) => replaceWith(el, `<cp:lastModifiedBy>${escapeHtml(author)}</cp:lastModifiedBy>`)),
      { start: end, end, text: `<dc:language>${escapeHtml(lang)}</dc:language>` },
    ];
  });
  // pptxgenjs puts a title where the layout has it; each slide's goes where its heading fits (below an eyebrow, two lines).
  const emu = (px: number) => Math.round((px / 96) * 914400);
  for (const [i, b] of titleBoxes.entries()) {
    await edit(
      `ppt/slides/slide${i + 1}.xml`,
      (doc) => {
        const placeholder = elements(doc, (el) => el.name === 'p:ph' && el.attribs.type === 'title')[0];
        let shape = placeholder?.parent;
        while (shape && !(isTag(shape) && shape.name === 'p:sp')) shape = shape.parent;
        const xfrm = shape ? elements(shape, 'a:xfrm')[0] : undefined;
        if (!xfrm) throw new Error(`slide ${i + 1}: no title placeholder written`);
        return [replaceWith(xfrm, `<a:xfrm><a:off x="${emu(b.x)}" y="${emu(b.y)}"/><a:ext cx="${emu(b.w)}" cy="${emu(b.h)}"/></a:xfrm>`)];
      },
      true,
    );
  }
  // pptxgenjs's own words: its spare layout's name, and the notes master's English sample text and date.
  await edit('ppt/slideLayouts/slideLayout1.xml', (doc) =>
    elements(doc, (el) => el.name === 'p:cSld' && el.attribs.name === 'DEFAULT').map((el) => setAttribute(el, 'name', blankLayout)),
  );
  const samples = new Set(['Click to edit Master text styles', 'Second level', 'Third level', 'Fourth level', 'Fifth level', '7/23/19']);
  await edit('ppt/notesMasters/notesMaster1.xml', (doc) => elements(doc, (el) => el.name === 'a:t' && samples.has(textOf(el))).map((el) => replaceWith(el, '<a:t></a:t>')));
  // The master's slide number shows the number field's usual stand-in, not "null".
  await edit('ppt/slideMasters/slideMaster1.xml', (doc) => elements(doc, (el) => el.name === 'a:t' && textOf(el) === 'null').map((el) => replaceWith(el, '<a:t>‹#›</a:t>')));
  for (const name of Object.keys(zip.files)) {
    if (/^ppt\/(slides|notesSlides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name) || name === 'ppt/notesMasters/notesMaster1.xml') {
      await edit(name, (doc, xml) =>
        elements(doc, () => true).flatMap((el) => [
          ...(el.attribs.lang === 'en-US' ? [setAttribute(el, 'lang', lang)] : []),
          ...(el.attribs.altLang === 'en-US' ? removeAttribute(el, 'altLang', xml) : []),
        ]),
      );
      await edit(name, onePPrPerParagraph);
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * pptxgenjs writes paragraph properties before every run of a paragraph, the later ones without the first one's bullet
 * (`<a:buNone/>`), which is not valid DrawingML and makes LibreOffice drop the bullet or number of a list item that
 * holds bold or linked words. A paragraph keeps its first properties only.
 */
function onePPrPerParagraph(doc: Document): Edit[] {
  return elements(doc, 'a:p').flatMap((p) =>
    p.children
      .filter((c): c is Element => isTag(c) && c.name === 'a:pPr')
      .slice(1)
      .map((pPr) => {
        const [start, end] = outer(pPr);
        return { start, end, text: '' };
      }),
  );
}
