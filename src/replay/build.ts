// npm run replay: the call's recording with the deck's slides in step, as one page beside a copy of the recording
// (dist/<slug>-replay.html and dist/<slug>-replay.<ext>). The page carries the built deck's slides and styles, its
// own script (src/replay/page.ts, bundled here with Reveal) and the chapters and captions as JSON; it asks no other
// site for anything and works from file://. With `edit` it is the timeline editor (dist/<slug>-timeline.html).
import { writeWhole } from '../serve/write-whole.ts';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { elements, inner, parseHtml, setAttribute, splice, type Edit } from '../html/dom.ts';
import { escapeHtml } from '../html/escape.ts';
import { browserMessage } from '../locale/browser-words.ts';
import type { Words } from '../locale/words.ts';
import type { Talk } from '../schema/index.ts';
import { cspHash, cspMeta, type Directives } from '../share/csp.ts';
import { textVersionFile, replayFile } from '../names/output-files.ts';
import { escapeScript, escapeStyle, inlineCssUrls } from '../share/single-file.ts';
import { dirOf, normalise } from '../share/asset-paths.ts';
import { readAudio } from './audio.ts';
import { ReplayInputError, readCaptions, readChapters, type Caption, type Chapter, type DeckSlide } from './vtt.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export const timelineFile = (talk: Talk) => `${talk.slug}-timeline.html`;
export const replayAudioFile = (talk: Talk, ext: string) => `${talk.slug}-replay${ext}`;

export interface ReplayOptions {
  talk: Talk;
  words: Words;
  /** The built deck (dist/). */
  dist: string;
  audio: string;
  chapters?: string;
  captions?: string;
  /** Seconds to add to every chapter's time (the recording started this long before the timeline). */
  offset?: number;
  /** The timeline editor instead of the replay. */
  edit?: boolean;
}

export interface BuiltDeckParts {
  lang: string;
  slidesHtml: string;
  slides: DeckSlide[];
  css: string;
}

/** The slides, their ids and headings, and the styles of the built deck in dist/. */
export function readBuiltDeck(dist: string): BuiltDeckParts {
  const index = resolve(dist, 'index.html');
  if (!existsSync(index)) throw new ReplayInputError([`${index}: there is no built deck: run "npm run build" first`]);
  const page = readFileSync(index, 'utf8');
  const doc = parseHtml(page);
  const [container] = elements(doc, (e) => e.name === 'div' && /(?:^|\s)slides(?:\s|$)/.test(e.attribs.class ?? ''));
  if (!container) throw new ReplayInputError([`${index}: no <div class="slides"> in the built deck`]);
  const slides: DeckSlide[] = [];
  // Each slide carries its heading for the timeline editor's list.
  const titled: Edit[] = [];
  const top = container.children.filter((c): c is Element => (c as Element).name === 'section');
  top.forEach((section, h) => {
    const nested = section.children.filter((c): c is Element => (c as Element).name === 'section');
    const list = nested.length ? nested : [section];
    list.forEach((s, v) => {
      const heading = DomUtils.findOne((e) => /^h[1-3]$/.test(e.name), s.children, true);
      const title = (heading ? DomUtils.textContent(heading) : '').replace(/\s+/g, ' ').trim();
      const slide = { id: s.attribs.id || (v ? `${h}/${v}` : String(h)), h, v: nested.length ? v : 0, title: title || String(slides.length + 1) };
      slides.push(slide);
      if (s.attribs.id) titled.push(setAttribute(s, 'data-replay-title', slide.title, 'id'));
    });
  });
  const [open, close] = inner(container);
  const slidesHtml = splice(page.slice(open, close), titled.map((e) => ({ ...e, start: e.start - open, end: e.end - open })));
  const read = (path: string) => readFileSync(resolve(dist, normalise(path)));
  const styles: string[] = [];
  for (const style of elements(doc, 'style')) styles.push(inlineCssUrls(page.slice(...inner(style)), '', read));
  for (const link of elements(doc, (e) => e.name === 'link' && (e.attribs.rel ?? '').split(/\s+/).includes('stylesheet'))) {
    const href = link.attribs.href;
    if (href) styles.push(inlineCssUrls(read(href).toString('utf8'), dirOf(normalise(href)), read));
  }
  const lang = elements(doc, 'html')[0]?.attribs.lang || 'en';
  return { lang, slidesHtml, slides, css: styles.join('\n') };
}

/** The page's script: src/replay/page.ts with Reveal, as one classic script. */
export async function bundlePageScript(): Promise<string> {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: { entry: resolve(ROOT, 'src/replay/page.ts'), formats: ['iife'], name: 'DeckReplay', fileName: () => 'replay.js' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.code);
  if (!chunk?.code) throw new Error('replay: bundling the page script gave no code');
  return chunk.code;
}

function replayWords(w: Words): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, message] of w.messages) if (key.startsWith('replay.')) out[key] = browserMessage(key, message, w.lang);
  return out;
}

/** 03:12 or 1:03:12. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h ? `${h}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${two(Math.floor(s / 60))}:${two(s % 60)}`;
}

export interface ReplayPageInput {
  talk: Talk;
  words: Words;
  deck: BuiltDeckParts;
  audioFile: string;
  audioMime: string;
  chapters: Chapter[];
  captions: Caption[];
  script: string;
  edit: boolean;
  saveAs: string;
}

export function renderReplayPage(input: ReplayPageInput): string {
  const { talk, words: w, deck, chapters, captions, edit } = input;
  const e = escapeHtml;
  const style = escapeStyle(`${deck.css}\n${readFileSync(resolve(import.meta.dirname, 'replay.css'), 'utf8')}`);
  const script = escapeScript(input.script);
  const data = JSON.stringify({
    mode: edit ? 'edit' : 'replay',
    chapters: chapters.map(({ slide, start, end }) => ({ slide, start, end })),
    captions,
    words: replayWords(w),
    saveAs: input.saveAs,
    title: talk.title,
  }).replace(/</g, '\\u003c');
  const policy: Directives = {
    'default-src': ["'none'"],
    'script-src': [cspHash(script)],
    'style-src': [cspHash(style)],
    'img-src': ['data:'],
    'font-src': ['data:'],
    // The recording, beside the page.
    'media-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  const title = w.text(edit ? 'replay.editTitle' : 'replay.title', { title: talk.title });
  const number = new Map(deck.slides.map((s, i) => [s.id, i + 1]));
  const titleOf = new Map(deck.slides.map((s) => [s.id, s.title]));
  const fmt = new Intl.NumberFormat(w.lang, { maximumFractionDigits: 2 });
  const speeds = [0.75, 1, 1.25, 1.5, 1.75, 2];
  const chapterItems = chapters
    .map(
      (c) =>
        `<li><a href="#t=${c.start.toFixed(2)}" data-start="${c.start}">${e(
          w.text('replay.chapter', { time: clock(c.start), number: number.get(c.slide) ?? 0, title: titleOf.get(c.slide) ?? c.slide }),
        )}</a></li>`,
    )
    .join('\n');
  const transcriptItems = captions
    .map((c) => `<li><a href="#t=${c.start.toFixed(2)}" data-start="${c.start}"><span class="replay-at">${clock(c.start)}</span> <span>${e(c.text)}</span></a></li>`)
    .join('\n');
  const below = edit
    ? `<section class="replay-edit" aria-labelledby="replay-edit-heading">
<h2 id="replay-edit-heading">${e(w.text('replay.editList'))}</h2>
<p><button type="button" id="replay-save">${e(w.text('replay.editSave'))}</button></p>
<ol id="replay-edit-list"></ol>
</section>`
    : `<nav class="replay-chapters" id="replay-chapters" aria-labelledby="replay-chapters-heading">
<h2 id="replay-chapters-heading">${e(w.text('replay.chapters'))}</h2>
<ol>
${chapterItems}
</ol>
</nav>
${
  captions.length
    ? `<section class="replay-transcript" aria-labelledby="replay-transcript-heading">
<h2 id="replay-transcript-heading">${e(w.text('replay.transcript'))}</h2>
<p><label for="replay-search">${e(w.text('replay.search'))}</label><br><input type="search" id="replay-search" autocomplete="off"></p>
<p id="replay-search-status" role="status"></p>
<ol id="replay-transcript">
${transcriptItems}
</ol>
</section>`
    : ''
}`;

  return `<!doctype html>
<html lang="${e(deck.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${cspMeta(policy)}
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${e(title)}</title>
<style>${style}</style>
<script type="application/json" id="replay-data">${data}</script>
</head>
<body class="replay-page">
<a class="skip" href="#${edit ? 'replay-edit-heading' : 'replay-chapters'}">${e(w.text('replay.skip'))}</a>
<header>
<h1>${e(title)}</h1>
<p>${e(w.text(edit ? 'replay.editIntro' : 'replay.intro'))} <a href="${e(textVersionFile(talk))}">${e(w.text('replay.textVersion'))}</a></p>
</header>
<main>
<section class="replay-stage" aria-label="${e(w.text('replay.slides'))}">
<div class="reveal" tabindex="-1"><div class="slides">${deck.slidesHtml}</div></div>
${captions.length && !edit ? `<p class="replay-caption" id="replay-caption"></p>` : ''}
<div class="replay-player" role="group" aria-label="${e(w.text('replay.player'))}">
<audio id="replay-audio" preload="auto"><source src="${e(input.audioFile)}" type="${e(input.audioMime)}"></audio>
<button type="button" id="replay-play">${e(w.text('replay.play'))}</button>
<button type="button" id="replay-back">${e(w.text('replay.back'))}</button>
<button type="button" id="replay-forward">${e(w.text('replay.forward'))}</button>
<span class="replay-seek"><label for="replay-seek">${e(w.text('replay.position'))}</label><input type="range" id="replay-seek" min="0" max="0" step="1" value="0"></span>
<span class="replay-time" id="replay-time" aria-hidden="true"></span>
<span class="replay-speed"><label for="replay-speed">${e(w.text('replay.speed'))}</label>
<select id="replay-speed">${speeds.map((s) => `<option value="${s}"${s === 1 ? ' selected' : ''}>${fmt.format(s)}×</option>`).join('')}</select></span>
${
  captions.length && !edit
    ? `<button type="button" id="replay-captions-toggle" aria-pressed="true" aria-keyshortcuts="C" aria-describedby="replay-captions-key">${e(w.text('replay.captions'))}<span class="replay-toggle-state" aria-hidden="true">${e(
        w.text('replay.on'),
      )}</span></button><span id="replay-captions-key" hidden>${e(w.text('replay.captionsKey'))}</span>`
    : ''
}
</div>
<p class="replay-status" id="replay-status" role="status"></p>
</section>
<div class="replay-below">
${below}
</div>
</main>
<script>${script}</script>
</body>
</html>
`;
}


export interface ReplayResult {
  page: string;
  audio: string;
  chapters: number;
  captions: number;
  seconds: number;
}

/** Reads and checks every input first (every problem at once), then writes the audio and the page. */
export async function buildReplay(options: ReplayOptions): Promise<ReplayResult> {
  const { talk, words, dist } = options;
  const problems: string[] = [];
  const attempt = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      if (error instanceof ReplayInputError) problems.push(...error.problems);
      else throw error;
      return undefined;
    }
  };
  const deck = attempt(() => readBuiltDeck(dist));
  const audio = attempt(() => readAudio(options.audio));
  const offset = options.offset ?? 0;
  const chapters =
    deck && audio && options.chapters ? attempt(() => readChapters(options.chapters!, deck.slides, { offset, audioSeconds: audio.seconds })) : [];
  const captions = options.captions ? attempt(() => readCaptions(options.captions!)) : [];
  if (problems.length || !deck || !audio || !chapters || !captions) throw new ReplayInputError(problems);

  const script = await bundlePageScript();
  const audioName = replayAudioFile(talk, audio.kind.ext);
  const pageName = options.edit ? timelineFile(talk) : replayFile(talk);
  const saveAs = options.chapters ? basename(options.chapters) : `${talk.slug}-chapters.vtt`;
  const page = renderReplayPage({ talk, words, deck, audioFile: audioName, audioMime: audio.kind.mime, chapters, captions, script, edit: !!options.edit, saveAs });
  // A copy of an earlier recording of another kind would only be left behind.
  for (const ext of ['.m4a', '.mp3', '.ogg', '.opus']) {
    const other = resolve(dist, replayAudioFile(talk, ext));
    if (ext !== audio.kind.ext && existsSync(other) && !options.edit) rmSync(other);
  }
  const audioOut = resolve(dist, audioName);
  const same = existsSync(audioOut) && readFileSync(audioOut).equals(audio.bytes);
  if (!same) writeWhole(audioOut, audio.bytes);
  const pageOut = resolve(dist, pageName);
  writeWhole(pageOut, page);
  return { page: pageOut, audio: audioOut, chapters: chapters.length, captions: captions.length, seconds: audio.seconds };
}

