// A slide's blocks as what is written of it, in order: text blocks run together into paragraphs at the deck's sizes;
// tables and pictures stand apart.
import type { Block, Run } from './read-slide.ts';

/** A paragraph to write: runs at one size, perhaps a bullet. */
export interface Para {
  runs: Run[];
  px: number;
  bullet?: { number?: number };
  spaceAfter: number;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'right';
  /** Left indent in px (a quote's text sits right of its bar). */
  indent?: number;
}

export type Segment =
  | { kind: 'text'; paras: Para[]; bar?: boolean }
  | { kind: 'table'; block: Extract<Block, { type: 'table' }> }
  | { kind: 'image'; block: Extract<Block, { type: 'image' }> };

function baseSize(kind: string): number {
  if (kind === 'thanks') return 40;
  if (kind === 'points') return 34;
  if (kind === 'references') return 26;
  return 36;
}

function paraSize(cls: string, kind: string): number {
  const c = cls.split(' ');
  if (c.includes('subtitle')) return 40;
  if (c.includes('event')) return 32;
  if (c.includes('text-link')) return 28;
  if (c.includes('eyebrow')) return 28;
  if (c.includes('citation')) return 25;
  if (c.includes('meaning') || c.includes('caveat') || c.includes('lead')) return 30;
  if (c.includes('thanks')) return 40;
  return baseSize(kind);
}

export function toSegments(blocks: Block[], kind: string): Segment[] {
  const out: Segment[] = [];
  const text = (): Para[] => {
    const last = out[out.length - 1];
    if (last?.kind === 'text' && !last.bar) return last.paras;
    const seg: Segment = { kind: 'text', paras: [] };
    out.push(seg);
    return seg.paras;
  };
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        text().push({ runs: b.runs, px: 40, spaceAfter: 10, bold: true });
        break;
      case 'para': {
        const px = paraSize(b.cls, kind);
        text().push({ runs: b.runs, px, spaceAfter: px * 0.45, bold: b.cls.includes('lead') });
        break;
      }
      case 'list': {
        const px = b.cls.includes('references') ? 26 : baseSize(kind);
        const paras = text();
        b.items.forEach((item, i) =>
          paras.push({ runs: item.runs, px, spaceAfter: px * 0.4, bullet: b.ordered ? { number: b.start + i } : {} }),
        );
        break;
      }
      case 'facts': {
        const paras = text();
        for (const p of b.pairs) paras.push({ runs: [{ text: `${p.term} `, bold: true }, ...p.runs], px: 32, spaceAfter: 12 });
        break;
      }
      case 'quote': {
        const paras: Para[] = b.paragraphs.map((runs) => ({ runs, px: 38, spaceAfter: 14, indent: 36 }));
        if (b.attribution.length) paras.push({ runs: [{ text: '— ' }, ...b.attribution], px: 32, spaceAfter: 0, bold: true, indent: 36 });
        out.push({ kind: 'text', paras, bar: true });
        break;
      }
      case 'table':
        out.push({ kind: 'table', block: b });
        break;
      case 'image':
        out.push({ kind: 'image', block: b });
        break;
    }
  }
  return out.filter((g) => g.kind !== 'text' || g.paras.length);
}
