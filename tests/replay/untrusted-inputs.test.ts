// The replay's inputs come from a talk folder, which is untrusted: every crafted file gets a file:line message (or a
// file message for a recording), never a stack trace, a crash or a long wait.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudio } from '../../src/replay/audio.ts';
import { readCaptions, ReplayInputError } from '../../src/replay/vtt.ts';
import { streamedText } from '../../src/html/dom.ts';
import { nearest } from '../../src/data/describe-value.ts';
import { vttHeaderTitle } from '../../src/timeline/vtt-format.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replay-inputs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ReplayInputError) return e.problems;
    throw e;
  }
  return [];
}

describe('a transcript', () => {
  it('with 200,000 nested <c> tags in a cue: a message at its line, no stack overflow', () => {
    const file = join(dir, 'deep.vtt');
    writeFileSync(file, `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${'<c>'.repeat(200_000)}hello${'</c>'.repeat(200_000)}\n`);
    expect(problemsOf(() => readCaptions(file))).toEqual([expect.stringMatching(new RegExp(`^${file}:3 {2}this caption is [\\d,]+ characters long`))]);
    // And the markup's text is read without walking a tree, however deep.
    expect(streamedText(`${'<c>'.repeat(200_000)}hello${'</c>'.repeat(200_000)}`)).toBe('hello');
  });
});

describe('a recording', () => {
  it('whose MP4 header promises more than the file holds: said as damaged, not a RangeError', () => {
    const file = join(dir, 'call.m4a');
    const box = (type: string, body: Buffer, size = 8 + body.length) => Buffer.concat([Buffer.from([size >>> 24, (size >>> 16) & 255, (size >>> 8) & 255, size & 255]), Buffer.from(type, 'latin1'), body]);
    // moov → mvhd of 8 bytes: the duration and timescale it should hold lie past the end of the file.
    writeFileSync(file, Buffer.concat([box('ftyp', Buffer.from('M4A \0\0\0\0', 'latin1')), box('moov', box('mvhd', Buffer.alloc(0)))]));
    expect(problemsOf(() => readAudio(file))).toEqual([`${file}: this is not a recording in M4A (AAC) that a browser can play (its contents do not match its name, or it is damaged)`]);
  });

  it('an Ogg file cut short: said as damaged', () => {
    const file = join(dir, 'call.ogg');
    writeFileSync(file, Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.alloc(60), Buffer.from('\x01vorbis', 'latin1')]));
    expect(problemsOf(() => readAudio(file))[0]).toMatch(/is not a recording in .* that a browser can play/);
  });
});

describe('a chapter id of 20,000 characters', () => {
  it('gets its "did you mean" answered at once (no distance is worked out for lengths that far apart)', () => {
    expect(nearest('x'.repeat(20_000), ['title', 'thanks', 'study-negahban-2013'])).toBeUndefined();
    expect(nearest('thnaks', ['title', 'thanks'])).toBe('thanks');
  });
});

describe('a title in a WebVTT header', () => {
  it('stays on one line: no line break (a blank line would start a NOTE), no "-->", no control character', () => {
    expect(vttHeaderTitle('Yoga\n\nNOTE injected --> 00:00\u0001 end')).toBe('Yoga NOTE injected → 00:00 end');
  });
});
