// Builds the deck's page the way the Vite plugin does, and reads its text back.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildTalk, type BuiltDeck } from '../../src/deck/build-talk.ts';
import { fillPage } from '../../src/share/deck-page.ts';

export { ROOT } from '../support/project.ts';
import { ROOT } from '../support/project.ts';

export async function builtPage(root = ROOT): Promise<{ deck: BuiltDeck; page: string }> {
  const deck = await buildTalk(root);
  return { deck, page: fillPage(readFileSync(resolve(ROOT, 'index.html'), 'utf8'), deck) };
}

/** Visible text of some HTML, entities decoded and whitespace collapsed. */
export function textOf(html: string): string {
  return html
    // Inline elements join their text to the words around them, as a browser shows it.
    .replace(/<\/?(?:span|strong|em|a|cite|abbr|small|code|q)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
