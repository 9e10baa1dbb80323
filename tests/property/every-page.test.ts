// Every page the build writes (the deck, the single file, the text version, the handout page, and any page added
// to EXTRA_PAGES later), for any talk the schemas accept: text stays text in HTML and in CSS. Issue 15, item 1:
// a talk title reached the handout's @page footer, a CSS string escaped only for `\`, `"` and newlines, so
// "</style><meta http-equiv=refresh …>" became markup in the published page.
//
// Each page is read back with htmlparser2, as a browser reads it, and checked against the same page built from
// the real talk: no element/attribute pair the real page does not have (beyond the Markdown and slide
// allow-list), no second http-equiv, exactly as many <style> and <script> elements, every inline style and script
// allowed by the page's own Content-Security-Policy (so the page keeps its look), only web, mail or own-page links,
// and the <title> exactly the talk's title.
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { TalkModel } from '../../src/data/load-data.ts';
import { DECK_ATTRIBUTES, DECK_TAGS } from '../../src/html/allowlist.ts';
import { cspHash, cspMeta, deckPolicy, replaceCspMeta } from '../../src/share/csp.ts';
import { inlineStylesheets } from '../../src/share/inline-styles.ts';
import { makeSingleFile } from '../../src/share/single-file.ts';
import { buildDeck } from '../../src/slides/build-deck.ts';
import { DataError } from '../../src/data/data-error.ts';
import { type BuiltDeck } from '../../src/deck/build-talk.ts';
import { fillPage } from '../../src/share/deck-page.ts';
import { EXTRA_PAGES } from '../../src/vite/extra-pages.ts';
import { AS_A_BROWSER, base, INDEX, RAW, setAt, textFields, throughSchemas } from './support/talk-data.ts';

/** The issue's own example: a redirect and a phishing link, if the text became markup. */
const ATTACK = `</style><meta http-equiv=refresh content='0;url=https://evil.example/'><a href='https://evil.example/login'>Sign in</a><style>`;

// ---------------------------------------------------------------------------------------------------------
// Every page, as the build writes it (the Vite bundle stood in for by one script and one style sheet).

/** The deck page as Vite's build leaves it: a script and a style sheet in assets/, and the deck's policy. */
function builtIndex(deck: BuiltDeck): string {
  return fillPage(INDEX, deck)
    .replace('src="/src/browser/main.ts"', 'src="./assets/index.js"')
    .replace('</head>', '<link rel="stylesheet" href="./assets/index.css">\n</head>')
    .replace(/<meta charset="utf-8">\n?/i, (m) => `${m}${cspMeta(deckPolicy())}\n`);
}
const ASSETS: Record<string, string> = { 'assets/index.js': 'document.documentElement.dataset.ready = "1";', 'assets/index.css': 'body{color:#000}' };
const readAsset = (path: string) => {
  const file = ASSETS[path];
  if (file === undefined) throw new Error(`no ${path} in the stand-in build`);
  return file;
};

async function everyPage(model: TalkModel): Promise<Map<string, string>> {
  const deck: BuiltDeck = { model, slides: await buildDeck(model) };
  const index = builtIndex(deck);
  const inlined = inlineStylesheets(index, readAsset);
  const pages = new Map<string, string>([
    ['index.html', replaceCspMeta(inlined.page, cspMeta(deckPolicy({ styles: inlined.styles })))],
    ['single file', await makeSingleFile(index, readAsset, model.talk)],
  ]);
  for (const make of EXTRA_PAGES) {
    const { fileName, source } = await make(deck);
    // The pages; the files for a citation manager (RIS, CSL-JSON) are data, held to their own test.
    if (typeof source === 'string' && fileName.endsWith('.html')) pages.set(fileName.replace(model.talk.slug, '<slug>'), source);
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------------------
// Reading a page back.

interface PageShape {
  pairs: Set<string>;
  httpEquiv: string[];
  styles: string[];
  scripts: string[];
  /** `<script type="application/json">`: data the page's code reads, never run, so no CSP source governs it. */
  dataBlocks: string[];
  badLinks: string[];
  title: string;
  csp: Map<string, string[]>;
}

function shapeOf(page: string): PageShape {
  const shape: PageShape = { pairs: new Set(), httpEquiv: [], styles: [], scripts: [], dataBlocks: [], badLinks: [], title: '', csp: new Map() };
  const open: string[] = [];
  let dataBlock = false;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        open.push(name);
        text = '';
        if (name === 'script') dataBlock = attrs.type === 'application/json';
        shape.pairs.add(name);
        for (const [attr, value] of Object.entries(attrs)) {
          shape.pairs.add(`${name} ${attr}`);
          if ((attr === 'href' || attr === 'src') && !/^(https?:\/\/|mailto:|#|data:)/i.test(value) && !/^(\.\/)?(assets\/)?[\w.-]+\.(html|js|css|ris|json)(#[\w-]*)?$/.test(value)) {
            shape.badLinks.push(`<${name} ${attr}="${value}">`);
          }
        }
        if (attrs['http-equiv'] !== undefined) {
          shape.httpEquiv.push(attrs['http-equiv']);
          if (/^content-security-policy$/i.test(attrs['http-equiv'])) {
            for (const d of (attrs.content ?? '').split(';')) {
              const [directive, ...sources] = d.trim().split(/\s+/);
              if (directive) shape.csp.set(directive, sources);
            }
          }
        }
      },
      ontext(t) {
        text += t;
      },
      onclosetag(name) {
        open.pop();
        if (name === 'style') shape.styles.push(text);
        if (name === 'script') (dataBlock ? shape.dataBlocks : shape.scripts).push(text);
        if (name === 'title' && !open.includes('svg') && !shape.title) shape.title = text;
        text = '';
      },
    },
    AS_A_BROWSER,
  );
  parser.write(page);
  parser.end();
  return shape;
}

/** Pairs any slide or Markdown may bring: the same allow-list the deck's own property test holds them to. */
const SLIDE_PAIRS = new Set<string>([
  ...DECK_TAGS,
  ...Object.entries(DECK_ATTRIBUTES).flatMap(([tag, attrs]) => (tag === '*' ? DECK_TAGS.flatMap((t) => attrs.map((a) => `${t} ${a}`)) : attrs.map((a) => `${tag} ${a}`))),
]);

function problems(page: string, reference: PageShape, title: string): string[] {
  const shape = shapeOf(page);
  const found: string[] = [];
  for (const pair of shape.pairs) if (!reference.pairs.has(pair) && !SLIDE_PAIRS.has(pair)) found.push(`new element or attribute: ${pair}`);
  if (shape.httpEquiv.length !== reference.httpEquiv.length || shape.httpEquiv.some((h) => !/^content-security-policy$/i.test(h))) {
    found.push(`http-equiv: ${shape.httpEquiv.join(', ')}`);
  }
  if (shape.styles.length !== reference.styles.length) found.push(`${shape.styles.length} <style> elements, not ${reference.styles.length}`);
  if (shape.scripts.length !== reference.scripts.length) found.push(`${shape.scripts.length} <script> elements, not ${reference.scripts.length}`);
  if (shape.dataBlocks.length !== reference.dataBlocks.length) found.push(`${shape.dataBlocks.length} JSON <script> elements, not ${reference.dataBlocks.length}`);
  for (const d of shape.dataBlocks) {
    try {
      JSON.parse(d);
    } catch {
      found.push('a JSON <script> that is not JSON (something in it ended or changed the element)');
    }
  }
  const allowed = (directive: string) => shape.csp.get(directive) ?? shape.csp.get('default-src') ?? [];
  for (const s of shape.styles) if (!allowed('style-src').includes(cspHash(s))) found.push('a <style> its policy does not allow');
  for (const s of shape.scripts.filter(Boolean)) if (!allowed('script-src').includes(cspHash(s))) found.push('a <script> its policy does not allow');
  found.push(...shape.badLinks.map((l) => `link: ${l}`));
  if (!shape.title.startsWith(title)) found.push(`title "${shape.title}" is not the talk's "${title}"`);
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Talks: the real one with text fields replaced, through the schemas.

const FIELDS = textFields('A probe <b>x</b> & y');
const TITLE = FIELDS.find((f) => f.file === 'talk' && f.path.join('.') === 'title');

function talkWith(values: Array<[(typeof FIELDS)[number], string]>): TalkModel | undefined {
  const raw = structuredClone(RAW);
  for (const [field, value] of values) setAt(raw[field.file], field.path, value);
  return throughSchemas(raw);
}

const REFERENCE = await everyPage(base);
const REFERENCE_SHAPES = new Map([...REFERENCE].map(([name, page]) => [name, shapeOf(page)]));

function check(pages: Map<string, string>, model: TalkModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, page] of pages) {
    const found = problems(page, REFERENCE_SHAPES.get(name)!, model.talk.title);
    if (found.length) out[name] = found;
  }
  return out;
}

const FRAGMENTS = [
  ATTACK, '</style>', '</script>', '<style>', '<!--', '-->', '<meta http-equiv=refresh content=0>', '"', "'", '\\', '\\"', '\\a', '*/', '/*', '}', '{',
  '@import url(https://e.example/x.css);', ';', 'url(https://e.example)', '<', '>', '&', '&lt;', '`', '${x}', '$&', '%DECK_LANG%', '—', 'é', '💆‍♀️', '東京', '\t',
];
const anyText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('Massage', 'MS')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(' '));

describe('every page the build writes, for any accepted talk', () => {
  it('builds every page of the real talk, and finds no problem in it (the reference)', async () => {
    expect([...REFERENCE.keys()]).toEqual(['index.html', 'single file', '<slug>-text.html', '<slug>-handout.html', '<slug>-handout-large-print.html', '<slug>-sources.html']);
    expect(check(REFERENCE, base)).toEqual({});
    expect(TITLE).toBeDefined();
  });

  it("keeps the issue's title as text on every page: no redirect, no link, every style still allowed", async () => {
    // Given straight to the pages: whatever the schema would say about it, no page may turn it into markup.
    const model = { ...base, talk: { ...base.talk, title: ATTACK, subtitle: ATTACK, description: ATTACK } } as TalkModel;
    expect(check(await everyPage(model), model)).toEqual({});
  });

  it('shows any text as text on every page', async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(
        anyText,
        fc.uniqueArray(fc.integer({ min: 0, max: FIELDS.length - 1 }), { maxLength: 8 }).chain((ix) => fc.tuple(...ix.map((i) => fc.tuple(fc.constant(FIELDS[i]!), anyText)))),
        async (title, others) => {
          const model = talkWith([[TITLE!, title], ...others]);
          fc.pre(model !== undefined);
          let pages: Map<string, string>;
          try {
            pages = await everyPage(model!);
          } catch (e) {
            // Text too long for any slide is refused with a message naming its line, like any other bad input.
            fc.pre(!(e instanceof DataError));
            throw e;
          }
          built++;
          expect(check(pages, model!)).toEqual({});
        },
      ),
      { numRuns: 40, seed: Number(process.env.FC_SEED ?? 20261206) }, // a fixed seed: CI never fails by chance
    );
    expect(built).toBeGreaterThan(20);
  }, 300_000);

  it('notices markup that got in (the check itself works)', () => {
    const handout = REFERENCE.get('<slug>-handout.html')!;
    const broken = handout.replace('</style>', `</style><meta http-equiv=refresh content='0;url=https://evil.example/'><style>`);
    expect(problems(broken, REFERENCE_SHAPES.get('<slug>-handout.html')!, base.talk.title)).toEqual([
      'http-equiv: Content-Security-Policy, refresh',
      '2 <style> elements, not 1',
      'a <style> its policy does not allow',
    ]);
  });
});
