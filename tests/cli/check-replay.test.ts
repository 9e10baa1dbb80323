// npm run check holds the replay's files that data/talk.yaml names to being there, each problem at its field's line
// (the build makes the replay from them); it does not decode them.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTalk, ROOT, type TalkCopy } from '../data/talk-copy.ts';

let talk: TalkCopy;
let line: number;
beforeAll(() => {
  talk = copyTalk();
  const before = talk.read('data/talk.yaml').trimEnd();
  line = before.split('\n').length + 1;
  talk.write('data/talk.yaml', `${before}\nreplay:\n  audio: recording/call.m4a\n  chapters: recording/talk.vtt\n  captions: recording/transcript.vtt\n`);
  mkdirSync(resolve(talk.root, 'recording'));
  talk.write('recording/talk.vtt', 'WEBVTT\n');
});
afterAll(() => talk.remove());

const check = () =>
  spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), ['src/cli/check.ts', '--talk', talk.root], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });

describe('npm run check on a talk that names its replay files', () => {
  it('reports each file that is not there at its line in talk.yaml, and exits with 1', () => {
    const run = check();
    expect(run.status).toBe(1);
    const problems = run.stderr.split('\n').filter((l) => /talk\.yaml:\d+:\d+ {2}/.test(l));
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`data/talk\\.yaml:${line + 1}:10  replay\\.audio  the call's recording is not there: there is no file recording/call\\.m4a in the talk's folder`)),
      expect.stringMatching(new RegExp(`data/talk\\.yaml:${line + 3}:13  replay\\.captions  the transcript is not there: there is no file recording/transcript\\.vtt`)),
    ]);
    expect(run.stderr).toContain(`2 problems found. Nothing was changed; fix them and run "npm run check -- --talk ${talk.root}" again.`);
  });

  it('is content once they are there, without reading the recording', () => {
    talk.write('recording/call.m4a', 'not a recording: the check does not decode it');
    talk.write('recording/transcript.vtt', 'WEBVTT\n');
    const run = check();
    // Only the warning every copy of the talk gets: its share link is still the example address.
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/data\/talk\.yaml:\d+:\d+ {2}https:\/\/example\.org\/talks\/ms-massage\/ is a placeholder address/)]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/is fine: \d+ files checked\./);
  });
});
