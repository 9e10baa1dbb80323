// Vite plugin: at build time, loads and validates the talk and writes finished slides into index.html.
import { dirname, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { DataError, formatProblem } from '../data/data-error.ts';
import { LOCALES_DIR } from '../data/load-locale.ts';
import { renderSections, slideNotesModule } from '../deck/render-sections.ts';
import { fillPage, problemPage } from '../share/deck-page.ts';
import { buildTalk, buildTalkFor, type BuiltDeck } from '../deck/build-talk.ts';
import { speakerNotesFile, speakerOnlyNotes } from '../slides/audience.ts';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { EXTRA_PAGES } from './extra-pages.ts';
import { buildClosing, devClosing, problemReport, runByViteCommand, type Closing } from '../cli/report.ts';
import { againCommand } from '../cli/chosen-talk.ts';
import { chooseTalk, type ChosenTalk } from '../names/talk-folder.ts';
import { otherTalkIn, writeBuiltFrom } from '../names/built-from.ts';
import { shownPath } from '../names/shown-path.ts';
import { QUESTION_WORDS_ID } from '../locale/browser-keys.ts';
import { questionWordsModule } from '../locale/browser-words.ts';

export interface DeckPluginOptions {
  /** Folder holding data/ and slides/; defaults to the DECK_TALK environment variable, then the project root. */
  talk?: string;
}


/** The id the deck's script imports the speaker notes by (src/browser/slide-notes.ts). */
export const NOTES_ID = 'virtual:deck-notes';
const NOTES_MODULE = '\0deck-notes.js';
const QUESTION_WORDS_MODULE = '\0question-words.js';

/** What the deck plugin lends other plugins (the typeface is cut from the same talk, read once). */
export interface DeckPluginApi {
  /** The talk as the build read it in buildStart; undefined on the dev server. */
  built(): Promise<BuiltDeck> | undefined;
}

export function deckPlugin(options: DeckPluginOptions = {}): Plugin<DeckPluginApi> {
  let talkRoot = '';
  let chosen: ChosenTalk | undefined;
  let outDir = '';
  /** What a failed build says to do: the exact command for this talk. */
  const closing = (): Closing => buildClosing(shownPath(outDir), againCommand(chosen!, 'build'));
  let reading: Promise<BuiltDeck> | undefined;
  /** A build reads the talk once (buildStart) and makes both its audiences' slides from that one reading. */
  let both: Promise<Record<'public' | 'speaker', BuiltDeck>> | undefined;
  let server: ViteDevServer | undefined;
  let lastGood: string | undefined;
  let built: BuiltDeck | undefined;
  /** The problems the dev page shows (src/browser/dev-problems.ts), until the talk is fixed. */
  let problems: { message: string } | undefined;

  return {
    name: 'deck',
    api: { built: () => reading },
    configResolved(config) {
      chosen = chooseTalk(options.talk);
      talkRoot = chosen.root;
      outDir = resolve(config.root, config.build?.outDir ?? 'dist');
    },
    configureServer(s) {
      server = s;
      // sources/ too: a quote is checked against its source, so editing either shows the result. And the locales, so a
      // translator sees a changed word at once.
      const folders = [...['data', 'slides', 'sources'].map((f) => resolve(talkRoot, f)), LOCALES_DIR];
      const watched = (file: string) => folders.some((f) => file.startsWith(f));
      s.watcher.add(folders);
      // A file saved, added (a missing slide written) or deleted: the talk is read again and the open pages get the
      // new slides to put in place of the old ones (src/browser/dev-refresh.ts), on the slide they were showing, with
      // no reload of the page, its script and its typeface; or the problems, over the deck they keep.
      let refreshing: Promise<void> = Promise.resolve();
      const refresh = () => {
        refreshing = refreshing.then(async () => {
          try {
            const deck = await buildTalk(talkRoot, 'speaker');
            problems = undefined;
            s.ws.send('deck:slides', { slides: renderSections(deck.slides, { notes: true }), title: deck.model.talk.title, lang: deck.model.talk.lang });
          } catch (e) {
            if (!(e instanceof DataError)) {
              s.ws.send({ type: 'full-reload' });
              return;
            }
            const message = problemReport(e.problems, devClosing(true));
            s.config.logger.error(message);
            problems = { message };
            s.ws.send('deck:problems', problems);
          }
        });
      };
      s.watcher.on('all', (event, file) => {
        if (['add', 'change', 'unlink'].includes(event) && watched(file)) refresh();
      });
      // A page that connects while the talk has problems (after the reload, or a second window) is told too.
      // (It asks once it listens: a message sent as it connects would come before its listener.)
      s.ws.on('deck:ask-problems', (_data, client) => {
        if (problems) client.send('deck:problems', problems);
      });
    },
    async buildStart() {
      if (server) return;
      // Another talk's deck, PDFs and PowerPoint are never emptied away by this build (emptyOutDir): refused first.
      const other = otherTalkIn(outDir, talkRoot);
      if (other) {
        const message =
          `${shownPath(outDir)}/ holds the outputs of another talk, “${other.title}” (${shownPath(other.talk)}); building ` +
          `this talk there would delete them, so nothing was built. Each talk builds into its own folder: ${againCommand(chosen!, 'build')}`;
        if (runByViteCommand()) {
          this.environment.logger.error(message);
          process.exit(1);
        }
        const err = new Error(message);
        err.stack = '';
        throw err;
      }
      // Checked before anything is written, so a failed build leaves the last good dist/ as it was.
      try {
        both = buildTalkFor(talkRoot);
        reading = both.then((b) => b.public);
        reading.catch(() => undefined);
        built = await reading;
        for (const warning of built.model.warnings) this.environment.logger.warn(`${formatProblem(warning)}  (a warning: the deck still builds)`);
      } catch (e) {
        if (e instanceof DataError && runByViteCommand()) {
          // From the command line: the report alone, as `npm run check` prints it, without Vite's stack trace.
          this.environment.logger.error(`\n${problemReport(e.problems, closing())}`);
          process.exit(1);
        }
        throw e instanceof DataError ? plainError(e, closing()) : e;
      }
    },
    async generateBundle() {
      // Pages made from the same slides (text version, handout): written beside index.html.
      const deck = built ?? (await buildTalk(talkRoot));
      for (const page of EXTRA_PAGES) {
        const { fileName, source } = await page(deck);
        this.emitFile({ type: 'asset', fileName, source });
      }
      // What only the speaker may read goes beside dist/, for `npm run present` to give its presenter alone.
      const held = speakerOnlyNotes((await (both ?? buildTalkFor(talkRoot))).speaker.slides, deck.slides);
      const file = speakerNotesFile(outDir);
      if (Object.keys(held).length) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(held), { mode: 0o600 });
      } else rmSync(file, { force: true });
      writeBuiltFrom(outDir, talkRoot, deck.model.talk.title);
    },
    // The speaker notes, apart from the page: the speaker view and the print view load them (src/browser/slide-notes.ts).
    // The dev server's page keeps its notes (the speaker's private ones too), so its module is empty.
    resolveId(id) {
      if (id === QUESTION_WORDS_ID) return QUESTION_WORDS_MODULE;
      return id === NOTES_ID ? NOTES_MODULE : null;
    },
    async load(id) {
      // The words of questions on the live link, for the chunk that shows them (never in the page itself).
      if (id === QUESTION_WORDS_MODULE) return questionWordsModule((built ?? (await (reading ?? buildTalk(talkRoot)))).model.words);
      if (id !== NOTES_MODULE) return null;
      if (server) return 'export default null;\n';
      return slideNotesModule((built ?? (await (reading ?? buildTalk(talkRoot)))).slides);
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(page) {
        try {
          // The dev server is the speaker's own: its speaker view shows the private notes too, and it reads the talk
          // afresh for every page load (files change). A build never shows them, and uses the one reading of buildStart.
          const deck = server ? await buildTalk(talkRoot, 'speaker') : (built ?? (await (reading ?? buildTalk(talkRoot))));
          if (!server) built = deck;
          lastGood = fillPage(page, deck, { notes: Boolean(server) });
          problems = undefined;
          return lastGood;
        } catch (e) {
          if (!server) throw e instanceof DataError ? plainError(e, closing()) : e;
          // The dev server keeps showing the last good deck and reports the problems in its overlay.
          const message = e instanceof DataError ? problemReport(e.problems, devClosing(lastGood !== undefined)) : String(e);
          server.config.logger.error(message);
          problems = { message };
          server.ws.send('deck:problems', problems);
          return lastGood ?? problemPage(page, message);
        }
      },
    },
  };
}

/** The problems alone, without a stack trace: the person reading them edits data files, not code. */
function plainError(e: DataError, closing: Closing): Error {
  const err = new Error(problemReport(e.problems, closing));
  err.stack = '';
  return err;
}
