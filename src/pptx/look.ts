// The PowerPoint file's look in one place, shared by every part that writes a slide: its size, the deck's pixels in
// inches and points, the colours, the typeface, and the smallest size text may be made.

/** Slide size in the deck's pixels; a pixel is 1/96 in, so 1280 × 720 is 13.33 × 7.5 in. */
export const SLIDE_W = 1280;
export const SLIDE_H = 720;
export const MARGIN = 64;
export const CONTENT_W = SLIDE_W - 2 * MARGIN;
/** Nothing is written smaller than this (in px; 18 pt). */
export const MIN_FONT_PX = 24;
/** The body stops here: the slide number sits below, at the bottom right. */
export const BODY_BOTTOM = SLIDE_H - 58;
export const GAP = 18;
/** Line height used to estimate, a little above what PowerPoint and LibreOffice draw at the spacing we set. */
export const LINE = 1.22;
export const SPACING = 1.0;
/** Widths are estimated in Atkinson Hyperlegible; a fallback typeface may be wider. */
export const WIDTH_SLACK = 0.9;

export const COLORS = { text: '111111', bg: 'FFFDF7', link: '0A3A6E', accent: '1F5FA8', mutedBg: 'EEF2F7' };
/** Named on every run and in the theme; each run also says it is a sans-serif (pitch family 34), so a computer without
 * it picks a sans-serif such as Verdana, the deck's own fallback. Widths are estimated pessimistically for that. */
export const FONT = 'Atkinson Hyperlegible';

export const inch = (px: number) => px / 96;
export const pt = (px: number) => Math.round(px * 0.75 * 2) / 2;

/** A text size made smaller by a slide's scale, never below the smallest. */
export const scaled = (px: number, scale: number) => Math.max(MIN_FONT_PX, Math.min(px, px * scale));

/** A place on a slide, in the deck's pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function box(x: number, y: number, w: number, h: number) {
  return { x: inch(x), y: inch(y), w: inch(w), h: inch(h) };
}
