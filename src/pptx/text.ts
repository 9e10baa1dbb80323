// A slide's text as PowerPoint paragraphs: their estimated height, their runs (sizes, bullets, links, the talk's
// language) and the text box they are written in.
import type PptxGenJS from 'pptxgenjs';
import { lines } from '../layout/fit.ts';
import { COLORS, FONT, LINE, MIN_FONT_PX, SPACING, WIDTH_SLACK, box, pt, scaled } from './look.ts';
import { runsText, type Direction } from './read-slide.ts';
import type { Para, Segment } from './segments.ts';

export type PptxSlide = ReturnType<PptxGenJS['addSlide']>;
export type TextProps = PptxGenJS.TextProps;

/** What writing a run needs from the talk: its language, links made whole, the words for a direction's mark. */
export interface Ctx {
  lang: string;
  link: (href: string) => string;
  markAlt: (d: Direction) => string;
}

/** Estimated height in px of paragraphs in a column. */
export function estimate(paras: Para[], width: number, scale = 1): number {
  return paras.reduce((h, p, i) => {
    const px = scaled(p.px, scale);
    const inner = width - (p.indent ?? 0) - (p.bullet ? px * 1.2 : 0);
    const text = runsText(p.runs);
    const n = text.split('\n').reduce((k, line) => k + lines(line || ' ', px, inner * WIDTH_SLACK, p.bold || p.runs.every((r) => r.bold)), 0);
    return h + n * px * LINE + (i < paras.length - 1 ? p.spaceAfter * Math.min(1, scale) : 0);
  }, 0);
}

export function textProps(paras: Para[], ctx: Ctx, scale = 1): TextProps[] {
  const out: TextProps[] = [];
  paras.forEach((p, pi) => {
    const px = scaled(p.px, scale);
    const runs = p.runs.length ? p.runs : [{ text: ' ' }];
    runs.forEach((r, ri) => {
      const options: TextProps['options'] = {
        fontSize: pt(r.small ? Math.max(MIN_FONT_PX, px * 0.8) : px),
        bold: p.bold || r.bold || false,
        italic: p.italic || r.italic || false,
        color: r.href ? COLORS.link : (p.color ?? COLORS.text),
        lang: ctx.lang,
      };
      if (r.href) options.hyperlink = { url: ctx.link(r.href) };
      if (ri === 0) {
        if (p.bullet) {
          options.bullet = p.bullet.number !== undefined ? { type: 'number', numberType: 'arabicPeriod', startAt: p.bullet.number, indent: pt(px * 1.2) } : { indent: pt(px * 1.2) };
        }
        options.paraSpaceAfter = pi < paras.length - 1 ? pt(p.spaceAfter * Math.min(1, scale)) : 0;
        options.lineSpacingMultiple = SPACING;
        if (p.align) options.align = p.align;
      }
      if (ri > 0 && runs[ri - 1]!.br) options.softBreakBefore = true;
      if (ri === runs.length - 1 && pi < paras.length - 1) options.breakLine = true;
      out.push({ text: r.text, options });
    });
  });
  return out;
}

export function addTextSegment(s: PptxSlide, g: Extract<Segment, { kind: 'text' }>, x: number, y: number, w: number, h: number, scale: number, ctx: Ctx) {
  if (g.bar) {
    s.addShape('rect', { ...box(x, y, 8, h), fill: { color: COLORS.accent }, line: { color: COLORS.accent, width: 0 } });
    const indent = g.paras[0]?.indent ?? 0;
    s.addText(textProps(g.paras, ctx, scale), { ...box(x + indent, y, w - indent, h + 4), margin: 0, valign: 'top', fontFace: FONT });
    return;
  }
  s.addText(textProps(g.paras, ctx, scale), { ...box(x, y, w, h + 4), margin: 0, valign: 'top', fontFace: FONT });
}
