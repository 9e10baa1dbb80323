// The replay's two WebVTT inputs, read with webvtt-parser and checked: the chapters (one cue per slide, the cue's text
// the slide's id, as npm run present --record writes them) and the call's transcript (captions). Every problem is
// reported with the file and line, and nothing is built until all are fixed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import webvtt from 'webvtt-parser';

// webvtt-parser is CommonJS that sets its exports one by one: Node sees them only on the default import.
const { WebVTTParser } = webvtt;
import { OPEN_CUE_NOTE, vttTime } from '../timeline/vtt-format.ts';
import { streamedText } from '../html/dom.ts';
import { nearest } from '../data/describe-value.ts';

export class ReplayInputError extends Error {
  override name = 'ReplayInputError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export interface Chapter {
  /** The slide's id in the deck. */
  slide: string;
  /** Seconds into the recording (the offset applied). */
  start: number;
  end: number;
  /** Where the cue is written, for messages. */
  line: number;
}

export interface Caption {
  start: number;
  end: number;
  text: string;
}

/** The file's text, or a problem naming it. */
export function readText(file: string, what: string): string {
  if (!existsSync(file)) throw new ReplayInputError([`${file}: no such file (the ${what})`]);
  if (!statSync(file).isFile()) throw new ReplayInputError([`${file}: not a file (the ${what})`]);
  const bytes = readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.replace(/^\uFEFF/, '');
}

/** Problems if the text is not WebVTT at all (a Zoom transcript saved as .txt, an .srt file). */
function notWebVtt(file: string, text: string, what: string): string[] {
  if (/^WEBVTT(?:[ \t][^\r\n]*)?(?:\r?\n|$)/.test(text)) return [];
  const first = text.split(/\r?\n/, 1)[0]!.slice(0, 60);
  const srt = /^\d+\s*\r?\n\d{2}:\d{2}:\d{2},\d{3} -->/.test(text) ? ' It looks like SubRip (.srt): convert it to WebVTT.' : '';
  return [
    `${file}:1:1  the ${what} is not a WebVTT file: its first line must be "WEBVTT", not "${first}".${srt} From Zoom, download the transcript as .vtt (the "Audio transcript" file), not the .txt.`,
  ];
}

interface ParsedCue {
  start: number;
  end: number;
  text: string;
  line: number;
}

/** The longest caption read, in characters, and the most tags one may hold. */
const MAX_CUE = 5000;
const MAX_TAGS = 200;

/** The file's blocks (separated by blank lines), each with the line it starts on: a cue's text is in one. */
function cueBlocks(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let start = -1;
  let lines: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((l, i) => {
    if (l.trim() === '') {
      if (lines.length) out.push({ line: start + 1, text: lines.join('\n') });
      lines = [];
      start = -1;
    } else {
      if (start < 0) start = i;
      lines.push(l);
    }
  });
  if (lines.length) out.push({ line: start + 1, text: lines.join('\n') });
  return out;
}

function parseVtt(file: string, text: string, what: string): ParsedCue[] {
  const problems = notWebVtt(file, text, what);
  if (problems.length) throw new ReplayInputError(problems);
  // A time line written almost right ("->", "—>", commas): said plainly, at its own line (the parser would take it
  // for a cue's name and complain about the next line).
  const near = text.split(/\r\n|\r|\n/).flatMap((l, i) =>
    /^\s*(?:\d+:)?\d{1,2}:\d\d[\d:.,]*\s*(?:-+|–|—)>?\s*(?:\d+:)?\d{1,2}:\d\d/.test(l) && !/^(?:\d+:)?\d\d:\d\d\.\d\d\d[ \t]+-->[ \t]+(?:\d+:)?\d\d:\d\d\.\d\d\d(?:[ \t]|$)/.test(l.trim())
      ? [`${file}:${i + 1}  "${l.trim().slice(0, 60)}" is not a cue's time: write it as 00:01:02.500 --> 00:01:09.000 (hours optional, a dot before the milliseconds, and "-->")`]
      : [],
  );
  if (near.length) throw new ReplayInputError(near);
  // Bounds before the parser, which builds each cue's markup as a tree and walks it by recursion: a cue of
  // thousands of characters or hundreds of tags (200,000 nested <c>) would overflow its stack.
  const oversized = cueBlocks(text).flatMap(({ line, text: block }) => {
    const tags = block.split('<').length - 1;
    return block.length > MAX_CUE
      ? [`${file}:${line}  this caption is ${block.length.toLocaleString('en')} characters long: a caption holds a sentence or two (at most ${MAX_CUE.toLocaleString('en')} characters); split it into several cues`]
      : tags > MAX_TAGS
        ? [`${file}:${line}  this cue holds ${tags.toLocaleString('en')} tags (<…>): a cue holds a few at most; is this a WebVTT ${what}?`]
        : [];
  });
  if (oversized.length) throw new ReplayInputError(oversized);
  const result = new WebVTTParser().parse(text, 'metadata');
  if (result.errors.length) {
    throw new ReplayInputError(
      result.errors.map((e) => `${file}:${e.line}${Number.isFinite(e.col) ? `:${e.col + 1}` : ''}  the ${what} is not valid WebVTT: ${e.message}`),
    );
  }
  // The parser does not say where each cue is: its timing line ("… --> …") is, in order.
  const lines = text.split(/\r\n|\r|\n/);
  const timingLines: number[] = [];
  lines.forEach((l, i) => {
    if (l.includes('-->') && !/^NOTE\b/.test(l)) timingLines.push(i + 1);
  });
  return result.cues.map((c, i) => ({ start: c.startTime, end: c.endTime, text: c.text, line: timingLines[i] ?? 1 }));
}

export interface DeckSlide {
  id: string;
  /** Its place in the deck, as Reveal counts it. */
  h: number;
  v: number;
  title: string;
}

/**
 * The chapters: each cue's text names a slide of the deck (its id, "#/id", or Reveal's "h" or "h/v"); cues in order,
 * not overlapping, and within the recording. A last slide noted as "now showing" by a recording that never ended
 * (the program was killed) becomes a cue to the end of the recording.
 */
export function readChapters(file: string, slides: readonly DeckSlide[], options: { offset: number; audioSeconds: number }): Chapter[] {
  const text = readText(file, 'chapters file');
  const cues = parseVtt(file, text, 'chapters file');
  const problems: string[] = [];
  const byId = new Map(slides.map((s) => [s.id, s]));
  const byPlace = new Map(slides.map((s) => [s.v ? `${s.h}/${s.v}` : String(s.h), s]));

  // The last "now showing" note, if its slide has no cue yet.
  const lines = text.split(/\r\n|\r|\n/);
  let open: ParsedCue | null = null;
  lines.forEach((l, i) => {
    const m = OPEN_CUE_NOTE.exec(l.trim());
    if (m) open = { start: parseTime(m[1]!), end: Infinity, text: m[2]!, line: i + 1 };
  });
  const last = cues.at(-1);
  const pending = open as ParsedCue | null;
  if (pending && (!last || pending.start >= last.end - 0.0005)) cues.push(pending);

  const chapters: Chapter[] = [];
  const duration = options.audioSeconds;
  for (const [i, cue] of cues.entries()) {
    const name = cue.text.trim().replace(/^#\/?/, '');
    const slide = byId.get(name) ?? byPlace.get(name);
    if (!name) problems.push(`${file}:${cue.line}  the cue has no slide id: write the slide's id under its time, such as study-negahban-2013`);
    else if (!slide) problems.push(`${file}:${cue.line}  "${name}" is not a slide of this deck${suggest(name, slides.map((s) => s.id))}`);
    const prev = cues[i - 1];
    if (prev && cue.start < prev.end - 0.0005) {
      problems.push(
        prev.start > cue.start
          ? `${file}:${cue.line}  this cue starts at ${vttTime(cue.start)}, before the cue above it (line ${prev.line}, at ${vttTime(prev.start)}): the cues must be in the order of the talk`
          : `${file}:${cue.line}  this cue starts at ${vttTime(cue.start)}, before the cue above it (line ${prev.line}) ends at ${vttTime(prev.end)}: cues must not overlap`,
      );
    }
    const start = Math.max(0, cue.start + options.offset);
    const end = cue.end === Infinity ? duration : cue.end + options.offset;
    if (start >= duration) {
      problems.push(`${file}:${cue.line}  this cue starts at ${vttTime(start)}${options.offset ? ` (with the offset of ${options.offset} s)` : ''}, after the recording ends (${vttTime(duration)}): is this the right recording, or is --offset too large?`);
    } else if (end > duration + 1) {
      problems.push(`${file}:${cue.line}  this cue ends at ${vttTime(end)}${options.offset ? ` (with the offset of ${options.offset} s)` : ''}, after the recording ends (${vttTime(duration)}): the chapters are longer than the recording`);
    }
    if (slide) chapters.push({ slide: slide.id, start, end: Math.min(end, duration), line: cue.line });
  }
  if (cues.length === 0) problems.push(`${file}:1  the chapters file has no cues: record one with npm run present -- --record ${file}, or make one with the timeline editor (npm run replay -- --edit)`);
  if (problems.length) throw new ReplayInputError(problems);
  return chapters;
}

/** The transcript's cues as plain text: tags dropped, entities read. */

export function readCaptions(file: string): Caption[] {
  const text = readText(file, 'transcript');
  const cues = parseVtt(file, text, 'transcript');
  if (cues.length === 0) throw new ReplayInputError([`${file}:1  the transcript has no cues`]);
  return cues
    .map((c) => ({ start: c.start, end: c.end, text: plain(c.text) }))
    .filter((c) => c.text.length > 0);
}

/**
 * A cue's words without its markup. Cue text is read with the HTML parser: its tags (<v Jane>, <c.loud>, <i>) are
 * elements and its entities are HTML's. A karaoke time tag (<00:01.500>) is not a tag to HTML, so it is dropped from
 * the text, and the direction marks (&lrm; &rlm;) have nothing to show in a transcript.
 */
function plain(text: string): string {
  return streamedText(text)
    .replace(/<(?:\d+:)?\d{2}:\d{2}\.\d{3}>/g, '')
    .replace(/[\u200e\u200f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseTime(text: string): number {
  const [h, m, s] = text.split(':');
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/** ": did you mean …?" for a slide id a letter or two off a real one. */
function suggest(name: string, ids: readonly string[]): string {
  const best = nearest(name, ids, (w) => Math.max(2, Math.floor(w.length / 4)));
  return best ? `: did you mean "${best}"?` : ` (its slides are ${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''})`;
}
