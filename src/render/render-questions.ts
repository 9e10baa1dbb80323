// The last slide: questions, the share link in large type, its QR code, and the text version.
import QRCode from 'qrcode';
import type { TalkModel } from '../data/load-data.ts';
import { escapeHtml, html, raw } from '../html/escape.ts';
import { elements, outer, parseHtml, splice, tagName, type Edit } from '../html/dom.ts';
import { markdownBlock } from '../markdown/render-markdown.ts';
import type { Slide } from '../layout/slide.ts';
import { replayFile, textVersionFile } from '../names/output-files.ts';

export async function renderQuestions({ talk, words: w }: TalkModel): Promise<Slide[]> {
  const qr = await qrSvg(talk.shareUrl, w.text('questions.qrLabel', { url: talk.shareUrl }));
  const shown = talk.shareUrl.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return [
    {
      id: 'questions',
      title: w.text('questions.title'),
      kind: 'questions',
      weight: 3,
      body: html`<h2>${w.text('questions.title')}</h2>
<p class="thanks">${w.text('questions.thanks')}</p>
<div class="share">
<div class="share-text">
<p>${w.text('questions.slidesAt')}<br><a class="share-link" href="${talk.shareUrl}" rel="noopener noreferrer" target="_blank">${shown}</a></p>
<p>${w.text('questions.textVersion')} <a href="${textVersionFile(talk)}">${textVersionFile(talk)}</a></p>
${talk.replay ? html`<p>${w.text('questions.replay')} <a href="${replayFile(talk)}">${replayFile(talk)}</a></p>` : ''}
</div>
<figure class="qr">${raw(qr)}<figcaption>${w.text('questions.qrCaption')}</figcaption></figure>
</div>`,
      notes: markdownBlock(w.text('questions.notes', { url: talk.shareUrl })),
    },
  ];
}

/** A QR code as inline SVG, made at build time, with a text alternative. */
export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  const doc = parseHtml(svg);
  // An XML declaration (`<?xml …?>`, which HTML reads as a comment) has no place inside a page.
  const xml = doc.children.filter((n) => n.type === 'comment' && /^\?xml\b/.test(n.data));
  const edits: Edit[] = xml.map((n) => ({ start: outer(n)[0], end: outer(n)[1], text: '' }));
  const [root] = elements(doc, 'svg');
  if (!root) throw new Error(`the QR code for ${url} is not an <svg>`);
  const at = tagName(root)![1];
  edits.push({ start: at, end: at, text: ` role="img" aria-label="${escapeHtml(label)}" class="qr-code"` });
  return splice(svg, edits);
}
