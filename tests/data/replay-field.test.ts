// data/talk.yaml's `replay`: true or false as before, or the files the build makes the replay from; a mistake in
// either form is reported at its line and field, like any other field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTalk } from '../../src/data/load-data.ts';
import { copyTalk, problemsOf, type TalkCopy } from './talk-copy.ts';

let talk: TalkCopy;
let original: string;
beforeAll(() => {
  talk = copyTalk();
  original = talk.read('data/talk.yaml');
});
afterAll(() => talk.remove());

/** The talk with these lines at its end; the line the first of them is on. */
function withReplay(lines: string): number {
  talk.write('data/talk.yaml', `${original.trimEnd()}\n${lines}\n`);
  return original.trimEnd().split('\n').length + 1;
}

describe('replay in data/talk.yaml', () => {
  it('may be absent, true, or the files, with captions and offset optional', () => {
    withReplay('');
    expect(loadTalk({ root: talk.root }).talk.replay).toBe(false);
    withReplay('replay: true');
    expect(loadTalk({ root: talk.root }).talk.replay).toBe(true);
    withReplay('replay:\n  audio: recording/call.m4a\n  chapters: recording/talk.vtt');
    expect(loadTalk({ root: talk.root }).talk.replay).toEqual({ audio: 'recording/call.m4a', chapters: 'recording/talk.vtt' });
    withReplay('replay: { audio: call.ogg, chapters: talk.vtt, captions: transcript.vtt, offset: -3 }');
    expect(loadTalk({ root: talk.root }).talk.replay).toEqual({ audio: 'call.ogg', chapters: 'talk.vtt', captions: 'transcript.vtt', offset: -3 });
  });

  it('reports an offset that is not a number, at its line and field', () => {
    const line = withReplay('replay:\n  audio: recording/call.m4a\n  chapters: recording/talk.vtt\n  offset: soon');
    expect(problemsOf(talk.root)).toEqual([`data/talk.yaml:${line + 3}:11  replay.offset  expected a number of seconds, such as 12.5 or -3, found "soon"`]);
  });

  it('reports a recording that is not a path', () => {
    const line = withReplay('replay:\n  audio: 3\n  chapters: recording/talk.vtt');
    expect(problemsOf(talk.root)).toEqual([
      `data/talk.yaml:${line + 1}:10  replay.audio  expected the path of the call's recording (.m4a, .mp3 or .ogg) from the talk's folder, such as recording/call.m4a, found the number 3: to use it as text, put it in quotes, such as "3"`,
    ]);
  });

  it('reports a missing or misspelt field inside, and a value of neither form', () => {
    const line = withReplay('replay:\n  audio: recording/call.m4a\n  chapter: recording/talk.vtt');
    expect(problemsOf(talk.root)).toEqual([`data/talk.yaml:${line + 2}:3  replay.chapter  unknown field "chapter": did you mean "chapters"?`]);
    const only = withReplay('replay:\n  audio: recording/call.m4a');
    expect(problemsOf(talk.root)).toEqual([`data/talk.yaml:${only + 1}:3  replay.chapters  missing: a piece of text is required here`]);
    const yes = withReplay('replay: yes');
    expect(problemsOf(talk.root)).toEqual([
      `data/talk.yaml:${yes}:9  replay  expected true or false, or the files of the call's recording as a group of fields (audio:, chapters:, and if you have them captions: and offset:), found "yes"`,
    ]);
  });
});
