// The talk's timeline as WebVTT, as `npm run present --record` writes it and `npm run replay` reads it: one place
// for the two sides of the format, so the writer and the reader cannot drift apart.

/** The NOTE line written when a slide comes on screen: its start and its id. */
export const OPEN_CUE_NOTE = /^NOTE now showing from (\d{2,}:\d{2}:\d{2}\.\d{3}): (\S+)$/;

/** 00:01:02.345 */
export function vttTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const rest = ms % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(rest).padStart(3, '0')}`;
}

/**
 * A title as the header line of a WebVTT file ("WEBVTT - <title>"): on one line (a line break would end the header,
 * and a blank line start a NOTE or a cue), without "-->" (which makes a line a cue's timing), without control
 * characters.
 */
export function vttHeaderTitle(title: string): string {
  return title
    .replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ')
    .replace(/-->/g, '→')
    .replace(/\s+/g, ' ')
    .trim();
}
