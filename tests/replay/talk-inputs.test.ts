// The replay's files named in data/talk.yaml: found from the talk's folder, and each one that is not there (or is a
// folder, or a recording of a kind the replay cannot play) reported at its field in talk.yaml, nothing decoded.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/data-error.ts';
import { replayFileProblems, replayInputsYaml, talkReplayFiles } from '../../src/replay/talk-inputs.ts';
import type { Talk } from '../../src/schema/index.ts';

const root = mkdtempSync(join(tmpdir(), 'replay-named-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'recording'));
writeFileSync(join(root, 'recording', 'call.m4a'), 'not decoded');
writeFileSync(join(root, 'recording', 'talk.vtt'), 'WEBVTT\n');

/** Where each field is, as the loader says: a line a field. */
const where = (_: 'talk', path: readonly PropertyKey[]) => ({ file: 'data/talk.yaml', line: 20 + ['audio', 'chapters', 'captions'].indexOf(String(path[1])), column: 10, field: path.join('.') });
const problems = (replay: Talk['replay']) => replayFileProblems({ talk: { replay }, where }, root).map(formatProblem);

describe('the files a talk names for its replay', () => {
  it('are none for replay: true, false or absent', () => {
    expect(talkReplayFiles({ replay: true }, root)).toBeUndefined();
    expect(talkReplayFiles({ replay: false }, root)).toBeUndefined();
    expect(problems(true)).toEqual([]);
  });

  it("are read from the talk's folder, the offset 0 unless given", () => {
    const files = talkReplayFiles({ replay: { audio: 'recording/call.m4a', chapters: 'recording/talk.vtt' } }, root)!;
    expect(files.offset).toBe(0);
    expect(files.captions).toBeUndefined();
    expect(relative(root, files.audio)).toBe(join('recording', 'call.m4a'));
    expect(relative(root, files.chapters)).toBe(join('recording', 'talk.vtt'));
    expect(talkReplayFiles({ replay: { audio: 'a.ogg', chapters: 'b.vtt', offset: 2.5 } }, root)!.offset).toBe(2.5);
    expect(problems({ audio: 'recording/call.m4a', chapters: 'recording/talk.vtt' })).toEqual([]);
  });

  it('are each reported at their field when missing, a folder, or not a recording the replay can play', () => {
    expect(problems({ audio: 'recording/cal.m4a', chapters: 'recording', captions: 'zoom/transcript.vtt' })).toEqual([
      `data/talk.yaml:20:10  replay.audio  the call's recording is not there: there is no file recording/cal.m4a in the talk's folder (the one holding data/). Did you mean "recording/call.m4a"?`,
      'data/talk.yaml:21:10  replay.chapters  "recording" is a folder: name the timeline itself, a file in it',
      "data/talk.yaml:22:10  replay.captions  the transcript is not there: there is no folder zoom in the talk's folder (the one holding data/). Put the file there, or correct the path",
    ]);
    expect(problems({ audio: 'recording/talk.vtt', chapters: 'recording/other.vtt' })).toEqual([
      'data/talk.yaml:20:10  replay.audio  ".vtt" is not an audio type the replay can play everywhere: give the recording as .m4a (Zoom\'s audio file), .mp3 or .ogg (convert with, for example, ffmpeg -i recording/talk.vtt call.m4a)',
      `data/talk.yaml:21:10  replay.chapters  the timeline is not there: there is no file recording/other.vtt in the talk's folder (the one holding data/). Put the file there, or correct the path`,
    ]);
  });

  it('are written as talk.yaml lines for the command to print', () => {
    expect(replayInputsYaml({ audio: join(root, 'recording/call.m4a'), chapters: join(root, 'talk file.vtt'), offset: 0 }, root)).toBe(
      'replay:\n  audio: recording/call.m4a\n  chapters: "talk file.vtt"',
    );
    expect(replayInputsYaml({ audio: join(root, 'a.ogg'), chapters: join(root, 'b.vtt'), captions: join(root, 'c.vtt'), offset: -3 }, root)).toBe(
      'replay:\n  audio: a.ogg\n  chapters: b.vtt\n  captions: c.vtt\n  offset: -3',
    );
  });
});
