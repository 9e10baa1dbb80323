// The talk as an editable PowerPoint file, made from the same slide descriptions as the deck (never from pictures of
// it): one 16:9 slide per deck slide, its heading in the layout's title placeholder, lists as lists, the overview and
// results as tables, quotes with their attribution, the direction marks and the QR code as pictures with alternative
// text, working links, the slide number in the footer, and the speaker notes in the notes pane.
// Sizes are the deck's (src/styles/deck.css) at 96 px to the inch on a 13.33 × 7.5 in slide, so the deck's own split
// of long lists holds; text that would still not fit is made smaller, never below 24 px (18 pt).
import PptxGenJS from 'pptxgenjs';
import type { TalkModel } from '../data/load-data.ts';
import { unwrap } from '../html/escape.ts';
import type { Slide } from '../layout/slide.ts';
import { finish } from './finish-parts.ts';
import { BODY_BOTTOM, COLORS, CONTENT_W, FONT, GAP, MARGIN, MIN_FONT_PX, SLIDE_H, SLIDE_W, box, inch, pt, scaled, type Box } from './look.ts';
import { notesText } from './notes-text.ts';
import { readSlide, type Block, type Run } from './read-slide.ts';
import { directionWord } from '../render/words.ts';
import { toSegments, type Para, type Segment } from './segments.ts';
import { svgToPng } from './svg-png.ts';
import { addTable, tableFont, tableLayout } from './tables.ts';
import { addTextSegment, estimate, textProps, type Ctx, type PptxSlide } from './text.ts';

export interface PptxResult {
  buffer: Buffer;
  slides: number;
}

export async function makePptx({ model, slides }: { model: TalkModel; slides: readonly Slide[] }): Promise<PptxResult> {
  const { talk, words: w } = model;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = talk.title;
  pptx.subject = talk.description;
  pptx.author = talk.speaker.name ?? '';
  pptx.company = '';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const lang = talk.lang;
  const layoutName = w.text('pptx.layout');

  pptx.defineSlideMaster({
    title: layoutName,
    background: { color: COLORS.bg },
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: inch(MARGIN),
            y: inch(24),
            w: inch(CONTENT_W),
            h: inch(76),
            fontFace: FONT,
            fontSize: pt(56),
            bold: true,
            color: COLORS.text,
            valign: 'top',
            align: 'left',
            margin: 0,
          },
          text: '',
        },
      },
    ],
    slideNumber: {
      x: inch(SLIDE_W - MARGIN - 160),
      y: inch(SLIDE_H - 50),
      w: inch(160),
      h: inch(40),
      fontFace: FONT,
      fontSize: pt(26),
      color: COLORS.text,
      align: 'right',
    },
  });

  const link = (href: string) => {
    try {
      return new URL(href, talk.shareUrl).href;
    } catch {
      return href;
    }
  };
  const ctx: Ctx = { lang, link, markAlt: (d) => w.text('pptx.markAlt', { direction: directionWord(d, w) }) };

  const titleBoxes: Box[] = [];
  for (const slide of slides) {
    const s = pptx.addSlide({ masterName: layoutName });
    titleBoxes.push(layOut(s, slide, readSlide(unwrap(slide.body)), ctx));
    const notes = notesText(unwrap(slide.notes));
    if (notes) s.addNotes(notes);
  }

  const written = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer;
  return { buffer: await finish(written, { lang, author: talk.speaker.name ?? '', titleBoxes, blankLayout: w.text('pptx.blankLayout') }), slides: slides.length };
}

/** Lays out one slide; returns where its title goes (in px), which pptxgenjs would otherwise take from the layout. */
function layOut(s: PptxSlide, slide: Slide, blocks: Block[], ctx: Ctx): Box {
  let top = 24;
  // The eyebrow ("Study 1 of 6 · design") above the heading, as in the deck.
  const eyebrowAt = blocks.findIndex((b) => b.type === 'para' && b.cls.split(' ').includes('eyebrow'));
  const headingAt = blocks.findIndex((b) => b.type === 'heading');
  if (eyebrowAt >= 0 && (headingAt < 0 || eyebrowAt < headingAt)) {
    const eb = blocks.splice(eyebrowAt, 1)[0] as Extract<Block, { type: 'para' }>;
    const h = estimate([{ runs: eb.runs, px: 28, spaceAfter: 0 }], CONTENT_W);
    s.addText(textProps([{ runs: eb.runs, px: 28, spaceAfter: 0, color: COLORS.link, bold: true }], ctx), {
      ...box(MARGIN, top, CONTENT_W, h),
      margin: 0,
      valign: 'top',
      fontFace: FONT,
    });
    top += h + 4;
  }

  // The title placeholder: the slide's heading, so outline view and screen readers find it.
  const heading = blocks.find((b) => b.type === 'heading') as Extract<Block, { type: 'heading' }> | undefined;
  if (heading) blocks.splice(blocks.indexOf(heading), 1);
  const headPx = heading?.level === 1 ? 64 : slide.kind === 'study-results' ? 48 : slide.kind === 'quote' || slide.kind === 'clinic' ? 44 : 56;
  const titleRuns: Run[] = heading?.runs.length ? heading.runs : [{ text: slide.title }];
  const titleH = estimate([{ runs: titleRuns, px: headPx, spaceAfter: 0, bold: true }], CONTENT_W) + 4;
  s.addText(
    titleRuns.map((r) => ({
      text: r.text,
      options: { fontSize: pt(r.small ? 28 : headPx), bold: !r.small, italic: r.small, color: r.small ? COLORS.link : COLORS.text, lang: ctx.lang },
    })),
    { placeholder: 'title', ...box(MARGIN, top, CONTENT_W, titleH), margin: 0, valign: 'top', align: 'left', fontFace: FONT },
  );
  const titleBox = { x: MARGIN, y: top, w: CONTENT_W, h: titleH };
  top += titleH + 6;
  if (heading?.level !== 1) {
    s.addShape('rect', { ...box(MARGIN, top, CONTENT_W, 6), fill: { color: COLORS.accent }, line: { color: COLORS.accent, width: 0 } });
    top += 6;
  }
  top += GAP + 6;

  // The rest, in order: text blocks run together into one text box; tables and pictures stand apart.
  const segments = toSegments(blocks, slide.kind);
  const image = segments.find((g) => g.kind === 'image') as Extract<Segment, { kind: 'image' }> | undefined;
  const imageW = image ? 300 : 0;
  const width = image ? CONTENT_W - imageW - 48 : CONTENT_W;
  const flow = segments.filter((g) => g !== image);

  const room = BODY_BOTTOM - top;
  let scale = 1;
  const heightAt = (k: number) => flow.reduce((h, g, i) => h + segmentHeight(g, width, k) + (i ? GAP : 0), 0);
  while (heightAt(scale) > room && flow.some((g) => smallestFont(g, scale) > MIN_FONT_PX)) scale -= 0.02;

  let y = top;
  for (const g of flow) {
    const h = segmentHeight(g, width, scale);
    if (g.kind === 'text') addTextSegment(s, g, MARGIN, y, width, h, scale, ctx);
    else if (g.kind === 'table') addTable(s, g.block, MARGIN, y, width, scale, ctx);
    y += h + GAP;
  }
  if (image) {
    const x = SLIDE_W - MARGIN - imageW;
    s.addImage({ data: svgToPng(image.block.svg, 600), ...box(x, top, imageW, imageW), altText: image.block.alt });
    if (image.block.caption.length) {
      const paras: Para[] = [{ runs: image.block.caption, px: 25, spaceAfter: 0, align: 'left' }];
      s.addText(textProps(paras, ctx), { ...box(x, top + imageW + 8, imageW, estimate(paras, imageW)), margin: 0, valign: 'top', fontFace: FONT });
    }
  }
  return titleBox;
}

function smallestFont(g: Segment, scale: number): number {
  if (g.kind === 'text') return Math.min(...g.paras.map((p) => scaled(p.px, scale)));
  if (g.kind === 'table') return scaled(tableFont(g.block), scale);
  return Infinity;
}

function segmentHeight(g: Segment, width: number, scale: number): number {
  if (g.kind === 'text') return estimate(g.paras, width, scale);
  if (g.kind === 'table') return tableLayout(g.block, width, scale).rowH.reduce((a, b) => a + b, 0);
  return 0;
}
