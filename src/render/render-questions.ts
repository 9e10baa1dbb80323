// The last slide: questions, the share link in large type, its QR code, and the text version.
import QRCode from 'qrcode';
import type { TalkModel } from '../data/load-data.ts';
import { html, raw } from '../html/escape.ts';
import { markdownBlock } from '../markdown/render-markdown.ts';
import type { Slide } from '../slides/slide.ts';
import { textVersionFile } from './files.ts';

export async function renderQuestions({ talk }: TalkModel): Promise<Slide[]> {
  const qr = await qrSvg(talk.shareUrl);
  const shown = talk.shareUrl.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return [
    {
      id: 'questions',
      title: 'Questions?',
      kind: 'questions',
      weight: 3,
      body: raw(html`<h2>Questions?</h2>
<p class="thanks">Thank you for listening.</p>
<div class="share">
<div class="share-text">
<p>Slides and notes:<br><a class="share-link" href="${talk.shareUrl}" rel="noopener noreferrer" target="_blank">${shown}</a></p>
<p>Text version for screen readers: <a href="${textVersionFile(talk)}">${textVersionFile(talk)}</a></p>
</div>
<figure class="qr">${raw(qr)}<figcaption>Scan to open the slides</figcaption></figure>
</div>`),
      notes: markdownBlock(
        `Thank you for listening. I am happy to take questions. The slides, with my notes and the references, ` +
          `will be at ${talk.shareUrl}: I will read that out slowly for anyone on the phone. There is also a text version ` +
          `that works with a screen reader.`,
      ),
    },
  ];
}

/** A QR code as inline SVG, made at build time, with a text alternative. */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  return svg.replace('<svg ', `<svg role="img" aria-label="QR code for ${url.replace(/"/g, '')}" class="qr-code" `).replace(/<\?xml[^>]*>/, '');
}
