// Names and addresses of the files the share step writes, derived from the talk.
import type { Talk } from '../schema/index.ts';
import { singleFile, textVersionFile } from '../render/files.ts';

export { singleFile, textVersionFile };

/** The provenance page: each quote and figure beside the source passage it was checked against. */
export const provenanceFile = (talk: Talk) => `${talk.slug}-sources.html`;

/** The link-preview image (Open Graph / Twitter card) of the title slide. */
export const previewImageFile = (talk: Talk) => `${talk.slug}-preview.png`;
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** Where a built file will live once dist/ is published at the talk's share link. */
export function sharedUrl(talk: Talk, file = ''): string {
  const base = talk.shareUrl.endsWith('/') ? talk.shareUrl : `${talk.shareUrl}/`;
  return new URL(file, base).href;
}
