// Pictures for the PowerPoint: the deck's inline SVG drawings (the QR code, the direction marks) rendered to PNG at
// build time with resvg, so they show in every program that opens a .pptx.
import { Resvg } from '@resvg/resvg-js';
import { unwrap } from '../html/escape.ts';
import { directionMark } from '../render/words.ts';
import type { Direction } from './read-slide.ts';

/** A PNG as the data URL pptxgenjs takes, `widthPx` wide. */
export function svgToPng(svg: string, widthPx: number, color = '#111111'): string {
  // The deck sizes marks in em and colours them with the text's colour: a picture needs both fixed.
  let source = svg.replace(/currentColor/g, color).replace(/\s(width|height)="[^"]*em"/g, '');
  if (!/xmlns=/.test(source)) source = source.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  const png = new Resvg(source, { fitTo: { mode: 'width', value: widthPx }, font: { loadSystemFonts: false } }).render().asPng();
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

const marks = new Map<string, string>();

/** A direction's mark as a PNG data URL (the same drawing as the deck's), in the deck's text colour. */
export function markPng(direction: Direction, color = '#111111'): string {
  const key = `${direction} ${color}`;
  if (!marks.has(key)) marks.set(key, svgToPng(unwrap(directionMark(direction)), 96, color));
  return marks.get(key)!;
}
