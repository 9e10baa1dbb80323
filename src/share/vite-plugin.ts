// Build-only steps for sharing: the deck's Content-Security-Policy, and the single-file copy of the deck.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadTalk } from '../data/load-data.ts';
import { cspMeta, deckPolicy } from './csp.ts';
import { singleFile } from './files.ts';
import { makeSingleFile } from './single-file.ts';

export interface SharePluginOptions {
  /** Folder holding data/ and slides/, as for the deck plugin. */
  talk?: string;
}

export function sharePlugin(options: SharePluginOptions = {}): Plugin {
  let talkRoot = '';
  return {
    name: 'share',
    apply: 'build',
    configResolved(config) {
      talkRoot = resolve(config.root, options.talk ?? process.env.DECK_TALK ?? '.');
    },
    transformIndexHtml: {
      order: 'post',
      handler(page) {
        // First in <head>, so it covers every script and style that follows.
        return page.replace(/<meta charset="utf-8">\n?/i, (m) => `${m}${cspMeta(deckPolicy())}\n`);
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset') throw new Error('share: the build wrote no index.html');
        const read = (path: string) => {
          const item = bundle[path];
          if (!item) throw new Error(`share: ${path} is not part of the build`);
          return item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : Buffer.from(item.source);
        };
        const { talk } = loadTalk({ root: talkRoot });
        const source = makeSingleFile(typeof index.source === 'string' ? index.source : Buffer.from(index.source).toString('utf8'), read, talk);
        this.emitFile({ type: 'asset', fileName: singleFile(talk), source });
      },
    },
  };
}
