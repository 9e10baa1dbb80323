// `npm run present -- --record <file.vtt>`: the talk's timeline as a WebVTT chapters file, one cue per slide shown,
// its text the slide's id (as in its address, #/study-negahban-2013). The clock starts when the presenter presses
// "Start recording the timeline", so that its times line up with the call's recording. Each line is appended to
// the file as it happens (nothing is kept only in memory): a slide's cue is written when the next slide comes, and
// the slide on screen is noted at once in a NOTE line, so a crash loses nothing (npm run replay reads that note as a
// last cue that runs to the end of the recording).
import { vttHeaderTitle } from '../timeline/vtt-format.ts';
import { appendFileSync, existsSync, openSync, closeSync, statSync } from 'node:fs';
import { RECORD_SLIDE as SLIDE_ID } from './protocol.ts';
import { OPEN_CUE_NOTE, vttTime } from '../timeline/vtt-format.ts';

export { OPEN_CUE_NOTE, vttTime };

export type RecordingState = 'ready' | 'on';

export interface Recorder {
  readonly file: string;
  state(): RecordingState;
  /** The slide on screen now (its id); the first call starts the clock. */
  mark(slide: string): void;
  /** Ends the last cue at this moment (on a normal stop). */
  close(): void;
}

/**
 * Checks that the file can be written before the talk starts: it must not hold an earlier recording (each recording
 * has its own clock, so two cannot share a file). An empty file is fine.
 */
export function checkRecordFile(file: string): void {
  if (existsSync(file)) {
    if (!statSync(file).isFile()) throw new Error(`--record ${file}: not a file`);
    if (statSync(file).size > 0) {
      throw new Error(`--record ${file}: the file already holds a timeline. Give a new file name (each recording starts its own clock), or move the old one away.`);
    }
  }
  // Opens (and creates) it now, so that a folder that does not exist or cannot be written is said at once.
  try {
    closeSync(openSync(file, 'a'));
  } catch (e) {
    throw new Error(`--record ${file}: cannot write it (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function createRecorder(file: string, options: { now?: () => number; title?: string } = {}): Recorder {
  const now = options.now ?? (() => performance.now() / 1000);
  let started: number | null = null;
  let current: { slide: string; from: number } | null = null;
  let closed = false;
  const write = (text: string) => appendFileSync(file, text, 'utf8');

  function endCurrent(at: number) {
    if (!current) return;
    // A slide shown for less than a millisecond (two changes in one instant) is no chapter.
    if (at - current.from >= 0.001) write(`${vttTime(current.from)} --> ${vttTime(at)}\n${current.slide}\n\n`);
    current = null;
  }

  return {
    file,
    state: () => (started === null ? 'ready' : 'on'),
    mark(slide) {
      if (closed || !SLIDE_ID.test(slide)) return;
      // One reading of the clock per mark: the first slide starts at exactly 0, however long the header takes to write.
      const time = now();
      if (started === null) {
        started = time;
        const title = options.title && vttHeaderTitle(options.title) ? ` - ${vttHeaderTitle(options.title)}` : '';
        write(`WEBVTT${title}\n\nNOTE Recorded by npm run present on ${new Date().toISOString()}. Times count from the moment the presenter started recording the timeline.\n\n`);
      }
      if (current?.slide === slide) return;
      const at = time - started;
      endCurrent(at);
      current = { slide, from: at };
      write(`NOTE now showing from ${vttTime(at)}: ${slide}\n\n`);
    },
    close() {
      if (closed) return;
      closed = true;
      if (started !== null) endCurrent(now() - started);
    },
  };
}
