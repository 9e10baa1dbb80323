// What a page says about itself when its link is pasted into email, chat or social media.
import type { Talk } from '../schema/index.ts';
import { html, type Raw } from '../html/escape.ts';
import type { Words } from '../locale/words.ts';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH, previewImageFile, sharedUrl } from '../names/output-files.ts';

export interface PreviewOptions {
  /** The page's own file in the published folder; '' for the deck. */
  file?: string;
  /** Title shown in the preview, if not the talk's. */
  title?: string;
}

/**
 * Title, description, Open Graph and Twitter card meta, with absolute addresses under the talk's share link.
 * Also asks the browser not to send this page's address to any site a reader goes on to (no-referrer), and
 * gives an empty icon so the browser does not ask the server for /favicon.ico.
 */
export function linkPreviewMeta(talk: Talk, w: Words, options: PreviewOptions = {}): Raw {
  const url = sharedUrl(talk, options.file ?? '');
  const title = options.title ?? talk.title;
  const image = sharedUrl(talk, previewImageFile(talk));
  const imageAlt = talk.subtitle
    ? w.text('linkPreview.imageAltSubtitle', { title: talk.title, subtitle: talk.subtitle })
    : w.text('linkPreview.imageAlt', { title: talk.title });
  return html`<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<link rel="canonical" href="${url}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${talk.event.chapter}, ${talk.event.organisation}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${talk.description}">
<meta property="og:url" content="${url}">
${talk.lang.includes('-') ? html`<meta property="og:locale" content="${talk.lang.replace('-', '_')}">\n` : ''}<meta property="og:image" content="${image}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${PREVIEW_WIDTH}">
<meta property="og:image:height" content="${PREVIEW_HEIGHT}">
<meta property="og:image:alt" content="${imageAlt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${title}">
<meta name="twitter:description" content="${talk.description}">
<meta name="twitter:image" content="${image}">
<meta name="twitter:image:alt" content="${imageAlt}">`;
}
