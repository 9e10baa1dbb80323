// Names of the handout's files: the print page the build writes, and the two PDFs `npm run pdf` makes from it.
import type { Talk } from '../schema/index.ts';
import { handoutPdfFile, slidesPdfFile } from '../render/files.ts';

export { handoutPdfFile, slidesPdfFile };

/** The print page the handout PDF is made from, written by the build beside index.html. */
export const handoutPageFile = (talk: Talk) => `${talk.slug}-handout.html`;

/** Paper sizes the handout can be printed on. */
export type Paper = 'letter' | 'a4';

/** Page size in PDF points (1/72 inch), portrait. */
export const PAPER_POINTS: Record<Paper, { width: number; height: number }> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
};
