// For any talk the schema accepts, the deck builds, text shows as text, and only allow-listed HTML comes out.
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { loadTalk, type TalkModel } from '../../src/data/load-data.ts';
import { DECK_ATTRIBUTES, DECK_TAGS } from '../../src/html/allowlist.ts';
import { escapeHtml } from '../../src/html/escape.ts';
import { renderSections } from '../../src/html/render-sections.ts';
import { COLLECTIONS } from '../../src/schema/index.ts';
import { buildDeck } from '../../src/slides/build-deck.ts';
import { ROOT } from '../data/talk-copy.ts';

const base = loadTalk({ root: ROOT });

/** Text a person might paste: words, punctuation, HTML-ish fragments, Markdown marks, non-ASCII. */
const pasted = fc
  .array(
    fc.oneof(
      fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><b>', "'", '&amp;', '&', '<', '>', '[x](javascript:alert(1))', '![i](https://t.example/p.gif)', '**', '_', '`', '# ', '- ', '1. ', '<!-- c -->', 'javascript:', '<svg onload=x>', '<a href="https://e.example">e</a>', '—', '“', '’', 'é', '💆‍♀️', '\u00a0'),
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom('massage', 'MS', 'study', 'pain', 'P = 0.05', '3 to 7 days'),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(' ').trim())
  .filter((s) => s.length > 0);

interface Injected {
  model: TalkModel;
  /** Plain-text values, shown verbatim, that must appear escaped in the output. */
  verbatim: string[];
}

function inject(quote: string, meaning: string, takeaway: string, resource: string, subtitle: string): Injected {
  const model = structuredClone(base) as TalkModel;
  model.quotes.quotes[0]!.text = quote;
  model.studies.studies[0]!.meaning = meaning;
  model.takeaways.takeaways[0]!.text = takeaway;
  model.resources.resources[0]!.name = resource;
  model.talk.subtitle = subtitle;
  return { model, verbatim: [quote, subtitle] };
}

/** Only data the schemas accept counts: the property is about valid talks. */
function accepted(model: TalkModel): boolean {
  return (Object.keys(COLLECTIONS) as (keyof typeof COLLECTIONS)[]).every((name) => COLLECTIONS[name].schema.safeParse(model[name]).success);
}

function disallowed(html: string): string[] {
  const tags = new Set<string>(DECK_TAGS);
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!tags.has(name)) found.push(`<${name}>`);
        for (const attr of Object.keys(attributes)) {
          const ok = DECK_ATTRIBUTES['*']!.includes(attr) || (DECK_ATTRIBUTES[name] ?? []).includes(attr);
          if (!ok) found.push(`<${name} ${attr}>`);
          if (attr === 'href' && !/^(https?:|mailto:|[\w-]+\.html$)/i.test(attributes[attr] ?? '')) found.push(`href=${attributes[attr]}`);
        }
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: false, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

describe('the deck for any accepted talk', () => {
  it('builds the real talk with only allow-listed elements and attributes', async () => {
    expect(disallowed(renderSections(await buildDeck(base)))).toEqual([]);
  });

  it('builds, escapes every pasted text and lets nothing outside the allow-list through', async () => {
    await fc.assert(
      fc.asyncProperty(pasted, pasted, pasted, pasted, pasted, async (quote, meaning, takeaway, resource, subtitle) => {
        const { model, verbatim } = inject(quote, meaning, takeaway, resource, subtitle);
        fc.pre(accepted(model));
        const html = renderSections(await buildDeck(model));
        expect(disallowed(html)).toEqual([]);
        const flat = html.replace(/\s+/g, ' ');
        for (const v of verbatim) {
          for (const paragraph of v.split(/\n\s*\n/)) expect(flat).toContain(escapeHtml(paragraph.trim()).replace(/\s+/g, ' '));
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('notices an element outside the allow-list (the check itself works)', () => {
    expect(disallowed('<section id="a"><script>x</script><p onclick="y">z</p><a href="javascript:x">l</a></section>')).toEqual([
      '<script>',
      '<p onclick>',
      'href=javascript:x',
    ]);
  });
});
