// The PowerPoint file's name in dist/, from the talk's slug.
import type { Talk } from '../schema/index.ts';

export const pptxFile = (talk: Pick<Talk, 'slug'>) => `${talk.slug}.pptx`;
