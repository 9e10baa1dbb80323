// What must not go out unnoticed: a placeholder of the new-talk template left in (the marker word of the talk's
// language, such as REPLACE), a placeholder web address (example.org, example.com: the questions slide's QR code
// would lead nowhere), and a talk with no sources/ (then no quote or figure is checked). Warnings, each at its file
// and line: the deck still builds, and npm run check and npm run build both say them.
import type { Problem } from './data-error.ts';

export interface TalkText {
  /** The file as messages show it. */
  file: string;
  text: string;
}

/** Hosts kept for examples (RFC 2606): no real talk is shared there. */
const PLACEHOLDER_HOST = /^(?:[\w-]+\.)*example(?:\.(?:org|com|net))?$|\.example$|\.invalid$|\.test$/i;

export function placeholderWarnings(files: readonly TalkText[], marker: string): Problem[] {
  const out: Problem[] = [];
  for (const { file, text } of files) {
    const yaml = /\.ya?ml$/.test(file);
    text.split('\n').forEach((line, i) => {
      // A YAML comment explains; it is never shown.
      if (yaml && /^\s*#/.test(line)) return;
      const at = marker ? line.indexOf(marker) : -1;
      if (at >= 0) {
        const shown = line.slice(at).replace(/["']\s*$/, '');
        out.push({ file, line: i + 1, column: at + 1, field: '', message: `placeholder left: "${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}": put the talk's own words here` });
      }
      for (const m of line.matchAll(/\bhttps?:\/\/[^\s"'<>)\]]+/g)) {
        let host: string;
        try {
          host = new URL(m[0]).hostname;
        } catch {
          continue;
        }
        if (PLACEHOLDER_HOST.test(host)) {
          out.push({ file, line: i + 1, column: (m.index ?? 0) + 1, field: '', message: `${m[0]} is a placeholder address (${host}): put the real address here before the talk is shared` });
        }
      }
    });
  }
  return out;
}

export function noSourcesWarning(talkFile: string): Problem {
  return {
    file: talkFile,
    line: 1,
    column: 1,
    field: '',
    message: "the talk has no sources/ folder, so no quote or figure is checked against the text it comes from: put those texts in sources/ (see the README, \"Held to its sources\")",
  };
}
