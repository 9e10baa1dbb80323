// A link to another site: opened in a new tab, telling that site nothing of the deck.
import { html, type Raw } from '../html/escape.ts';

export function externalLink(href: string, label: string | Raw): Raw {
  return html`<a href="${href}" rel="noopener noreferrer" target="_blank">${label}</a>`;
}
