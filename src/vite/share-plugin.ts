// Vite steps for sharing. Build: the deck's Content-Security-Policy and the single-file copy, dist/<slug>.html.
// Dev server: the text version, so the deck's links to it work while editing.
import type { Plugin } from 'vite';
import { loadTalk } from '../data/load-data.ts';
import { buildTalk } from '../deck/build-talk.ts';
import { afterCharset, cspMeta, deckPolicy, replaceCspMeta } from '../share/csp.ts';
import { singleFile, textVersionFile } from '../names/output-files.ts';
import { renderTextPage } from '../share/render-text-page.ts';
import { inlineStylesheets } from '../share/inline-styles.ts';
import { makeSingleFile } from '../share/single-file.ts';
import type { DeckPluginApi } from './deck-plugin.ts';
import { talkFolder } from '../names/talk-folder.ts';

export interface SharePluginOptions {
  /** Folder holding data/ and slides/, as for the deck plugin. */
  talk?: string;
}

export function sharePlugin(options: SharePluginOptions = {}): Plugin[] {
  const root = talkFolder(options.talk);
  return [buildSteps(root), devTextPage(root)];
}

function buildSteps(talkRoot: string): Plugin {
  let deckApi: DeckPluginApi | undefined;
  return {
    name: 'share',
    apply: 'build',
    configResolved(config) {
      // The talk as the deck plugin read it for this build: read once, not again here.
      deckApi = config.plugins.find((p) => p.name === 'deck')?.api as DeckPluginApi | undefined;
    },
    transformIndexHtml: {
      order: 'post',
      handler(page) {
        // First in <head>, so it covers every script and style that follows.
        return afterCharset(page, `${cspMeta(deckPolicy())}\n`);
      },
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset') throw new Error('share: the build wrote no index.html');
        const read = (path: string) => {
          const item = bundle[path];
          if (!item) throw new Error(`share: ${path} is not part of the build`);
          return item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : Buffer.from(item.source);
        };
        const page = typeof index.source === 'string' ? index.source : Buffer.from(index.source).toString('utf8');
        const reading = deckApi?.built();
        const { talk } = reading ? (await reading).model : loadTalk({ root: talkRoot });
        this.emitFile({ type: 'asset', fileName: singleFile(talk), source: await makeSingleFile(page, read, talk) });
        // The served page carries its style sheet itself (the sheet stays in assets/ for the other pages).
        const text = (path: string) => {
          const v = read(path);
          return typeof v === 'string' ? v : v.toString('utf8');
        };
        const inlined = inlineStylesheets(page, text);
        index.source = replaceCspMeta(inlined.page, cspMeta(deckPolicy({ styles: inlined.styles })));
      },
    },
  };
}

/** `npm start` serves the text version too, made afresh on each request. */
function devTextPage(root: string): Plugin {
  return {
    name: 'share:dev-text-page',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split(/[?#]/)[0] ?? '';
        if (!path.endsWith('-text.html')) return next();
        buildTalk(root)
          .then((deck) => {
            if (path.slice(path.lastIndexOf('/') + 1) !== textVersionFile(deck.model.talk)) return next();
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.end(renderTextPage(deck).source);
          })
          .catch(next);
      });
    },
  };
}
