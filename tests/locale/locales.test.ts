// Every locale says everything English says, with the same slots; a talk's language reaches every page the project
// writes; an unknown language or label is reported, not shown to the audience.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadTalk } from '../../src/data/load-data.ts';
import { availableLocales, BASE_LANG, loadWords, localeKeys, LOCALES_DIR, LocaleSchema } from '../../src/data/load-locale.ts';
import { renderHandoutPage } from '../../src/handout/render-handout-page.ts';
import { DECK_WORDS_ID } from '../../src/locale/browser-keys.ts';
import { formatNumber } from '../../src/locale/numbers.ts';
import { cspHash } from '../../src/share/csp.ts';
import { renderTextPage, TOGGLE_SCRIPT } from '../../src/share/render-text-page.ts';
import { buildDeck } from '../../src/slides/build-deck.ts';
import { type BuiltDeck } from '../../src/deck/build-talk.ts';
import { fillPage } from '../../src/share/deck-page.ts';
import { copyTalk, problemsOf, ROOT, type TalkCopy } from '../data/talk-copy.ts';

const readLocale = (lang: string) => LocaleSchema.parse(parseYaml(readFileSync(join(LOCALES_DIR, `${lang}.yaml`), 'utf8')));
const messagesOf = (lang: string) => {
  const file = readLocale(lang);
  return new Map(localeKeys(file).map((key) => {
    const [section, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    return [key, file[section]![name]!] as const;
  }));
};
const english = messagesOf(BASE_LANG);
const talkFile = { file: 'data/talk.yaml', locate: () => ({ line: 3, column: 7 }) };

/** What a message's words hang on: each placeholder with its kind (plain, plural, select, number), and its tags. */
function slots(message: string): string[] {
  const out: string[] = [];
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.tag) {
        out.push(`<${el.value}>`);
        visit(el.children);
      } else if (el.type === TYPE.plural || el.type === TYPE.select) {
        out.push(`{${el.value}, ${el.type === TYPE.plural ? 'plural' : 'select'}}`);
        for (const option of Object.values(el.options)) visit(option.value);
      } else if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) {
        out.push(`{${el.value}}`);
      }
    }
  };
  visit(parse(message));
  return [...new Set(out)].sort();
}

/** The plural choices of a message, as `name: choice` (the forms a language has may differ; "other" never does). */
function pluralChoices(message: string): string[] {
  const out: string[] = [];
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        for (const [choice, option] of Object.entries(el.options)) {
          out.push(`${el.value}: ${choice}`);
          visit(option.value);
        }
      } else if (el.type === TYPE.tag) visit(el.children);
    }
  };
  visit(parse(message));
  return out;
}

describe('locale files', () => {
  const others = availableLocales().filter((l) => l !== BASE_LANG);

  it('ships Spanish and French beside English', () => {
    expect(availableLocales()).toEqual(expect.arrayContaining(['en', 'es', 'fr']));
  });

  it.each(availableLocales())('%s parses: every message is a valid ICU message', (lang) => {
    for (const [key, message] of messagesOf(lang)) expect(() => parse(message), `${lang} ${key}`).not.toThrow();
  });

  it.each(others)('%s has exactly the keys of en.yaml', (lang) => {
    expect([...messagesOf(lang).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(others)('%s: each message has the placeholders, plural and select choices and tags of the English one', (lang) => {
    for (const [key, message] of messagesOf(lang)) {
      const en = english.get(key)!;
      expect(slots(message), `${lang} ${key}: ${message}`).toEqual(slots(en));
      // Selects choose by the deck's own values ("none"), so their choices must match; plurals must keep "other".
      const choices = pluralChoices(message);
      for (const choice of pluralChoices(en)) {
        if (!/: (one|two|few|many|zero)$/.test(choice)) expect(choices, `${lang} ${key}`).toContain(choice);
      }
    }
  });

  it.each(others)('%s loads with no problem and no warning', (lang) => {
    const loaded = loadWords(lang, undefined, talkFile);
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings).toEqual([]);
  });

  it.each(others)('%s translates the words people read (only names, symbols and codes may stay as in English)', (lang) => {
    // A word in lower case marks words to translate; "DOI: {link}" and "PubMed, PMID {pmid}: {link}" are names and codes.
    const same = [...messagesOf(lang)].filter(([key, message]) => message === english.get(key) && /[a-z]{3}/.test(message.replace(/\{[^}]*\}/g, '')));
    expect(same.map(([key]) => key)).toEqual([]);
  });
});

describe('a language with no locale', () => {
  it('falls back to English with one warning at the talk file\'s lang line', () => {
    const loaded = loadWords('xx', undefined, talkFile);
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toMatchObject({ file: 'data/talk.yaml', line: 3, column: 7, field: 'lang' });
    expect(loaded.warnings[0]!.message).toContain('"xx"');
    expect(loaded.words.text('thanks.title')).toBe('Thank you');
    expect(loaded.words.lang).toBe('xx');
  });

  it('uses the base language\'s words for a regional variant (es-MX reads es.yaml)', () => {
    const loaded = loadWords('es-MX', undefined, talkFile);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.words.text('questions.thanks')).toBe('Gracias por escuchar.');
  });
});

describe('numbers in the talk\'s language', () => {
  it.each([
    ['es', '2,75', 'p = 0,002'],
    ['fr', '2,75', 'p\u00a0=\u00a00,002'],
    ['en', '2.75', 'P = 0.002'],
  ])('%s writes 2.75 as %s and a P value as %s', (lang, figure, p) => {
    expect(formatNumber(2.75, lang)).toBe(figure);
    const { words } = loadWords(lang, undefined, talkFile);
    expect(words.number(2.75)).toBe(figure);
    expect(words.text('result.p', { p: 0.002 })).toBe(p);
    expect(words.text('result.meanChange', { change: -2.75, unit: 'x' })).toContain(formatNumber(-2.75, lang));
  });
});

describe('a talk\'s own labels', () => {
  let copy: TalkCopy;
  beforeAll(() => {
    copy = copyTalk();
  });
  afterAll(() => copy.remove());

  const withLabels = (labels: string) => copy.edit('data/talk.yaml', (t) => t.replace(/^lang: en$/m, `lang: es\nlabels:\n${labels}`));
  const restore = (original: string) => copy.write('data/talk.yaml', original);

  it('override the locale\'s words, in the text version and the handout too', async () => {
    const original = copy.read('data/talk.yaml');
    withLabels('  thanks:\n    title: Gracias\n  handout:\n    kicker: Para llevar\n');
    try {
      const model = loadTalk({ root: copy.root, cwd: copy.root });
      expect(model.words.text('thanks.title')).toBe('Gracias');
      // Everything not overridden still comes from es.yaml.
      expect(model.words.text('thanks.specialTitle')).toBe('Agradecimientos especiales');
      const deck: BuiltDeck = { model, slides: await buildDeck(model) };
      expect(textOf(renderHandoutPage(deck).source)).toContain('Para llevar');
    } finally {
      restore(original);
    }
  });

  it('report an unknown key at its file:line with a "did you mean"', () => {
    const original = copy.read('data/talk.yaml');
    withLabels('  thanks:\n    titel: Gracias\n');
    try {
      const line = copy.read('data/talk.yaml').split('\n').findIndex((l) => l.includes('titel:')) + 1;
      const problems = problemsOf(copy.root);
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^data/talk\\.yaml:${line}:\\d+  labels\\.thanks\\.titel  unknown label "thanks\\.titel": did you mean "thanks\\.title"\\?`))]);
    } finally {
      restore(original);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A Spanish talk: the pages the project writes hold none of the English it would write for an English talk.

/** A page's text as a reader meets it: text, plus the attributes that are read out or shown (alt, aria-label, title, data-show/-hide). */
function textOf(page: string): string {
  const parts: string[] = [];
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'style' || (name === 'script' && attrs.type !== 'application/json')) skip++;
        for (const a of ['alt', 'aria-label', 'title', 'data-show', 'data-hide', 'content']) if (attrs[a]) parts.push(attrs[a]);
      },
      ontext(t) {
        if (!skip) parts.push(t);
      },
      onclosetag(name) {
        if (skip && (name === 'style' || name === 'script')) skip--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(page);
  parser.end();
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** The deck-words JSON the build writes into index.html, read back through a parser. */
function deckWordsOf(page: string): Record<string, string | Record<string, string>> {
  let inside = false;
  let json = '';
  const parser = new Parser({
    onopentag(name, attrs) {
      inside = name === 'script' && attrs.id === DECK_WORDS_ID;
    },
    ontext(t) {
      if (inside) json += t;
    },
    onclosetag() {
      inside = false;
    },
  });
  parser.write(page);
  parser.end();
  return JSON.parse(json) as Record<string, string | Record<string, string>>;
}

/** The literal words of a message, between its placeholders and tags, each plural choice's words apart. */
function fragments(message: string): string[] {
  const out: string[] = [];
  const visit = (elements: MessageFormatElement[]) => {
    let run = '';
    const flush = () => {
      if (run.trim()) out.push(run.trim());
      run = '';
    };
    for (const el of elements) {
      if (el.type === TYPE.literal) run += el.value;
      else {
        flush();
        if (el.type === TYPE.tag) visit(el.children);
        if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) visit(o.value);
      }
    }
    flush();
  };
  visit(parse(message));
  return out;
}

describe('a talk with lang: es', () => {
  let copy: TalkCopy;
  let deck: BuiltDeck;
  let english: BuiltDeck;
  let pages: Record<string, string>;
  /** Every word of the talk's own files: English fragments found there cannot tell the project's words from the talk's. */
  let talkText: string;
  const index = readFileSync(join(ROOT, 'index.html'), 'utf8');

  beforeAll(async () => {
    copy = copyTalk();
    copy.edit('data/talk.yaml', (t) => t.replace(/^lang: en$/m, 'lang: es'));
    const model = loadTalk({ root: copy.root, cwd: copy.root });
    deck = { model, slides: await buildDeck(model) };
    const enModel = loadTalk({ root: ROOT, cwd: ROOT });
    english = { model: enModel, slides: await buildDeck(enModel) };
    const snapshot = copy.snapshot();
    talkText = Object.values(snapshot).join('\n').toLowerCase().replace(/\s+/g, ' ');
    pages = {
      'text version': renderTextPage(deck).source,
      handout: renderHandoutPage(deck).source,
      'deck page': fillPage(index, deck),
    };
  });
  afterAll(() => copy?.remove());

  /** English the project writes on these pages, long enough to be telling, and not also in the talk's own files. */
  const projectEnglish = (sections: string[]) =>
    [...new Set([...english_messages()].filter(([key]) => sections.includes(key.split('.')[0]!)).flatMap(([, m]) => fragments(m)))]
      .map((f) => f.replace(/^[\s.,:;()“”"'’]+|[\s.,:;()“”"'’]+$/g, ''))
      // Words in lower case: "PubMed, PMID" and "DOI" are names, the same in every language.
      .filter((f) => f.length >= 5 && /[a-z]{3}/.test(f))
      .filter((f) => !talkText.includes(f.toLowerCase()));
  const english_messages = () => messagesOf(BASE_LANG);

  const PAGE_SECTIONS = ['textPage', 'handout', 'linkPreview'];
  const BROWSER_SECTIONS = ['follow', 'speakerView', 'controls', 'keys'];

  it('the text version and the handout hold none of the English the project writes for them', () => {
    const list = projectEnglish(PAGE_SECTIONS);
    // The check means something only if there is plenty to look for.
    expect(list.length).toBeGreaterThan(15);
    for (const [name, page] of Object.entries(pages)) {
      const text = textOf(page);
      expect(list.filter((f) => text.includes(f)), name).toEqual([]);
    }
  });

  it('the slides inside those pages hold none of the English the locale has for slides either', () => {
    const list = projectEnglish([...english_messages().keys()].map((k) => k.split('.')[0]!).filter((s) => s !== 'designs' && !PAGE_SECTIONS.includes(s) && !BROWSER_SECTIONS.includes(s)));
    expect(list.length).toBeGreaterThan(30);
    for (const [name, page] of Object.entries(pages)) {
      const text = textOf(page);
      expect(list.filter((f) => text.includes(f)), name).toEqual([]);
    }
  });

  it('the English pages do hold those words, so the list above is the one the pages use', () => {
    const text = textOf(renderTextPage(english).source) + textOf(renderHandoutPage(english).source);
    for (const f of ['Skip to the slides', 'What the speaker says', 'Speaker notes', 'Show all speaker notes', 'Hide all speaker notes', 'Where to read more', 'Made from the same data as the slides', 'Title slide']) {
      expect(text).toContain(f);
    }
  });

  it('the text version and the handout are in Spanish, numbers included', () => {
    const total = deck.slides.length;
    const text = textOf(pages['text version']!);
    for (const s of ['Ir a las diapositivas', `Diapositiva 1 de ${total}`, 'Notas de quien presenta', 'Mostrar todas las notas', 'Ocultar todas las notas', 'versión de texto', 'Abrir las diapositivas', 'Hecho con los mismos datos', 'Diapositiva de título']) {
      expect(text).toContain(s);
    }
    const handout = textOf(pages.handout!);
    for (const s of ['Folleto', 'Lo que dice quien presenta', 'Diapositiva 2', 'Referencias', 'Dónde leer más', 'Agradecimientos', 'por invitar a esta charla', 'Los profesionales cuyas palabras se citan']) {
      expect(handout).toContain(s);
    }
    expect(handout).toMatch(/Diapositivas? \d+( y \d+)?\./);
    // The page footer the PDF prints is the Spanish title, hex-escaped into the style sheet.
    expect(pages.handout).toContain('folleto');
    expect(pages.handout).not.toMatch(/\\3a \\20 handout|: handout/);
  });

  it('the text version\'s toggle script is the same for every language, and its CSP hash still matches it', () => {
    for (const source of [pages['text version']!, renderTextPage(english).source]) {
      const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(source)![1]!;
      expect(csp).toContain(cspHash(TOGGLE_SCRIPT));
      expect(source).toContain(`<script>${TOGGLE_SCRIPT}</script>`);
    }
  });

  it('the follow-along bar, the key help and the arrow buttons get Spanish words from the deck page', () => {
    const words = deckWordsOf(pages['deck page']!);
    const shown = Object.values(words).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
    const list = projectEnglish(BROWSER_SECTIONS);
    expect(list.length).toBeGreaterThan(15);
    expect(list.filter((f) => shown.some((s) => s.includes(f)))).toEqual([]);
    expect(words['follow.toggle']).toBe('Seguir a quien presenta');
    expect(words['follow.browsing']).toBe('Se mueve libremente. Pulse {key} o el botón para volver a seguir a quien presenta.');
    expect(words['follow.listeners']).toMatchObject({ one: '{count} persona sigue', other: '{count} personas siguen' });
    expect(words['controls.next']).toBe('diapositiva siguiente');
    expect(words['speakerView.keyHelp']).toBe('Vista de notas de quien presenta');
  });
});

describe('a talk with lang: fr', () => {
  it('writes none of the project\'s English in its text version, handout and deck page (browser words included)', async () => {
    const copy = copyTalk();
    try {
      copy.edit('data/talk.yaml', (t) => t.replace(/^lang: en$/m, 'lang: fr'));
      const model = loadTalk({ root: copy.root, cwd: copy.root });
      const deck: BuiltDeck = { model, slides: await buildDeck(model) };
      const talkText = Object.values(copy.snapshot()).join('\n').toLowerCase().replace(/\s+/g, ' ');
      const list = [...new Set([...messagesOf(BASE_LANG)].filter(([key]) => !key.startsWith('designs.')).flatMap(([, m]) => fragments(m)))]
        .map((f) => f.replace(/^[\s.,:;()“”"'’]+|[\s.,:;()“”"'’]+$/g, ''))
        .filter((f) => f.length >= 5 && /[a-z]{3}/.test(f) && !talkText.includes(f.toLowerCase()));
      expect(list.length).toBeGreaterThan(100);
      const deckPage = fillPage(readFileSync(join(ROOT, 'index.html'), 'utf8'), deck);
      const browser = Object.values(deckWordsOf(deckPage)).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v))).join(' ');
      const pages = { 'text version': textOf(renderTextPage(deck).source), handout: textOf(renderHandoutPage(deck).source), 'deck page': textOf(deckPage), browser };
      for (const [name, text] of Object.entries(pages)) expect(list.filter((f) => text.includes(f)), name).toEqual([]);
      expect(pages.handout).toContain('Ce que dit l’intervenant');
      expect(pages['text version']).toContain('Notes de l’intervenant');
      expect(browser).toContain('Suivre l’intervenant');
    } finally {
      copy.remove();
    }
  });
});
