// Peer 1: the same talk as Marp Markdown, built to HTML by Marp CLI with its stock theme and bespoke template.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { BuiltDeck } from '../../src/deck/build-talk.ts';
import { slidesAsMarkdown } from './slides-markdown.ts';

/** Marp Markdown: front matter, then the slides between `---` lines, speaker notes as HTML comments. */
export function toMarp(deck: BuiltDeck): string {
  const { talk } = deck.model;
  const front = ['---', 'marp: true', 'theme: default', 'size: 16:9', 'paginate: true', `lang: ${talk.lang}`, `title: ${JSON.stringify(talk.title)}`, '---'];
  const slides = slidesAsMarkdown(deck).map(
    (s) => `${s.body}\n\n<!--\n${s.notes.replace(/--+>?/g, (m) => m.replace(/-/g, '‐'))}\n-->`,
  );
  return `${front.join('\n')}\n\n${slides.join('\n\n---\n\n')}\n`;
}

export function marpCli(): string {
  // The benchmark's peers live in a package of their own, installed on demand (scripts/ensure-bench-peers.mjs).
  const require = createRequire(new URL('../peer-tools/package.json', import.meta.url));
  return join(dirname(require.resolve('@marp-team/marp-cli/package.json')), 'marp-cli.js');
}

/** Writes talk.md into `dir` and builds index.html from it; resolves when Marp CLI is done. */
export async function buildMarp(deck: BuiltDeck, dir: string): Promise<{ markdown: string; html: string }> {
  mkdirSync(dir, { recursive: true });
  const markdown = resolve(dir, 'talk.md');
  const html = resolve(dir, 'index.html');
  writeFileSync(markdown, toMarp(deck));
  await run(process.execPath, [marpCli(), '--no-config-file', '--html=false', markdown, '-o', html]);
  return { markdown, html };
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    // Marp CLI needs no browser for HTML; PUPPETEER_SKIP_DOWNLOAD keeps it from ever fetching one.
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`marp exited with ${code}: ${err}`))));
  });
}
