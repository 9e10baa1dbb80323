// The names of every file made from a talk, from its slug, and where they live once published: one module that the
// renderers (which link to the text version and the replay), the pages, the PDFs, the PowerPoint and the replay share.
import type { Talk } from '../schema/index.ts';

type Named = Pick<Talk, 'slug'>;

/** The text version, for screen readers and print. */
export const textVersionFile = (talk: Named) => `${talk.slug}-text.html`;
/** The whole deck as one file, to email or carry. */
export const singleFile = (talk: Named) => `${talk.slug}.html`;
/** The provenance page: each quote and figure beside the source passage it was checked against. */
export const provenanceFile = (talk: Named) => `${talk.slug}-sources.html`;
/** The handout's print page, written by the build beside index.html; the handout PDF is printed from it. */
export const handoutPageFile = (talk: Named) => `${talk.slug}-handout.html`;
export const slidesPdfFile = (talk: Named) => `${talk.slug}-slides.pdf`;
export const handoutPdfFile = (talk: Named) => `${talk.slug}-handout.pdf`;
/** The large-print handout (npm run pdf -- --large-print): its print page, written by the build, and its PDF. */
export const largePrintPageFile = (talk: Named) => `${talk.slug}-handout-large-print.html`;
export const largePrintPdfFile = (talk: Named) => `${talk.slug}-handout-large-print.pdf`;
/** The references, for a citation manager to import in one step: RIS and CSL-JSON. */
export const referencesRisFile = (talk: Named) => `${talk.slug}-references.ris`;
export const referencesJsonFile = (talk: Named) => `${talk.slug}-references.json`;
/** The PowerPoint, made from the same slides. */
export const pptxFile = (talk: Named) => `${talk.slug}.pptx`;
/** The recording of the call with the slides in step (npm run replay), beside the deck. */
export const replayFile = (talk: Named) => `${talk.slug}-replay.html`;

/** The link-preview image (Open Graph / Twitter card) of the title slide. */
export const previewImageFile = (talk: Named) => `${talk.slug}-preview.png`;
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** Paper sizes the handout can be printed on. */
export type Paper = 'letter' | 'a4';

/** Where a built file will live once dist/ is published at the talk's share link. */
export function sharedUrl(talk: Pick<Talk, 'shareUrl'>, file = ''): string {
  const base = talk.shareUrl.endsWith('/') ? talk.shareUrl : `${talk.shareUrl}/`;
  return new URL(file, base).href;
}
