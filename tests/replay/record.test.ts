// npm run present --record: the relay writes the timeline as the presenter's slides change, one cue per slide,
// timed from the first mark; a crash leaves the slide on screen noted; listeners cannot write to it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRecordFile, createRecorder, vttTime } from '../../src/present/record.ts';
import { parseClientMessage, parseServerMessage, recordMessage } from '../../src/present/protocol.ts';
import type { PresentServer } from '../../src/present/server.ts';
import { connect, presenter, startRelay, waitUntil } from '../present/support.ts';

const servers: PresentServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function tmpFile(name = 'talk.vtt'): string {
  return resolve(mkdtempSync(resolve(tmpdir(), 'record-')), name);
}

describe('the timeline recorder', () => {
  it('writes one cue per slide, timed from the first mark, as it goes', () => {
    const file = tmpFile();
    let clock = 100;
    const rec = createRecorder(file, { now: () => clock, title: 'A talk' });
    expect(rec.state()).toBe('ready');
    rec.mark('title');
    expect(rec.state()).toBe('on');
    expect(readFileSync(file, 'utf8')).toMatch(/^WEBVTT - A talk\n\nNOTE Recorded by npm run present on .*\n\nNOTE now showing from 00:00:00\.000: title\n\n$/);
    clock = 112.5;
    rec.mark('title'); // the same slide (a fragment): no new cue
    rec.mark('thanks');
    clock = 3825.25;
    rec.mark('study-negahban-2013');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('00:00:00.000 --> 00:00:12.500\ntitle\n\n');
    expect(text).toContain('00:00:12.500 --> 01:02:05.250\nthanks\n\n');
    expect(text.trimEnd().endsWith('NOTE now showing from 01:02:05.250: study-negahban-2013')).toBe(true);
    clock = 3900;
    rec.close();
    expect(readFileSync(file, 'utf8')).toContain('01:02:05.250 --> 01:03:20.000\nstudy-negahban-2013\n\n');
  });

  it('refuses a file that already holds a timeline, and a folder that does not exist', () => {
    const file = tmpFile();
    writeFileSync(file, 'WEBVTT\n');
    expect(() => checkRecordFile(file)).toThrow(/already holds a timeline/);
    expect(() => checkRecordFile('/nonexistent-folder/x.vtt')).toThrow(/cannot write it/);
    const empty = tmpFile();
    writeFileSync(empty, '');
    expect(() => checkRecordFile(empty)).not.toThrow();
  });

  it('writes times as WebVTT does', () => {
    expect(vttTime(0)).toBe('00:00:00.000');
    expect(vttTime(59.9996)).toBe('00:01:00.000');
    expect(vttTime(3 * 3600 + 61.5)).toBe('03:01:01.500');
  });

  it('takes only a slide id in a record message', () => {
    expect(parseClientMessage(recordMessage('study-negahban-2013'))).toEqual({ type: 'record', slide: 'study-negahban-2013' });
    expect(parseClientMessage(recordMessage('3/1'))).toEqual({ type: 'record', slide: '3/1' });
    expect(parseClientMessage('{"type":"record","slide":"<b>x</b>"}')).toBeNull();
    expect(parseClientMessage('{"type":"record","slide":"a\\n00:00:00.000 --> 00:00:01.000"}')).toBeNull();
    expect(parseClientMessage('{"type":"record","slide":"a","extra":1}')).toBeNull();
    expect(parseServerMessage('{"type":"recording","recording":"on"}')).toEqual({ type: 'recording', recording: 'on' });
  });
});

describe('the relay with a recorder', () => {
  it("records the presenter's slides, tells presenters it is on, and ignores listeners", async () => {
    const file = tmpFile();
    // A clock that moves a second at each reading: every slide lasts (a real one could read the same millisecond
    // at the last mark and at close on a busy machine, and a slide of no time is no chapter).
    let clock = 0;
    const recorder = createRecorder(file, { now: () => (clock += 1) });
    const server = await startRelay({ relay: { recorder } });
    servers.push(server);
    const listener = await connect(server.baseUrl);
    listener.send(recordMessage('thanks'));
    const p = await presenter(server.baseUrl, server.token);
    expect(recorder.state()).toBe('ready');
    p.send(recordMessage('title'));
    await waitUntil(() => p.messages.some((m) => m === '{"type":"recording","recording":"on"}'), 5000, 'recording on');
    p.send(recordMessage('thanks'));
    listener.send(recordMessage('agenda'));
    await waitUntil(() => readFileSync(file, 'utf8').includes('NOTE now showing from') && readFileSync(file, 'utf8').includes(': thanks'), 5000, 'the thanks slide');
    recorder.close();
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\ntitle\n/);
    expect(text).toMatch(/\nthanks\n/);
    expect(text).not.toContain('agenda');
    // A presenter who reconnects hears that recording is on.
    const again = await connect(server.baseUrl);
    again.send(JSON.stringify({ type: 'auth', token: server.token }));
    await waitUntil(() => again.messages.some((m) => m.includes('"welcome"')), 5000, 'welcome');
    expect(JSON.parse(again.messages.find((m) => m.includes('"welcome"'))!).recording).toBe('on');
  });
});
