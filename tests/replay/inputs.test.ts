// npm run replay's inputs: each mistake reported with the file and line, every one at once, a non-zero exit, and
// nothing written. The recording's length is read from the file itself, in each kind.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAudio } from '../../src/replay/audio.ts';
import { readCaptions, readChapters, ReplayInputError, type DeckSlide } from '../../src/replay/vtt.ts';
import { encode, makeRecording, type Recording } from './support.ts';

import { ROOT } from '../support/project.ts';
const SLIDES: DeckSlide[] = ['title', 'thanks', 'agenda', 'study-negahban-2013', 'questions'].map((id, h) => ({ id, h, v: 0, title: id }));

let dir: string;
let recording: Recording;
let ogg: string;

beforeAll(() => {
  dir = mkdtempSync(resolve(tmpdir(), 'replay-inputs-'));
  recording = makeRecording(resolve(dir, 'audio'), 2, 10);
  ogg = encode(recording.wav, resolve(dir, 'call.ogg'));
}, 60_000);

function file(name: string, text: string): string {
  const path = resolve(dir, name);
  writeFileSync(path, text);
  return path;
}

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ReplayInputError) return e.problems;
    throw e;
  }
  throw new Error('no problem reported');
}

const chapters = (path: string, audioSeconds = 20, offset = 0) => readChapters(path, SLIDES, { audioSeconds, offset });

describe('the chapters file', () => {
  it('reads cues naming slides by id, by #/id or by number, with an offset', () => {
    const path = file('good.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\ntitle\n\n00:00:04.000 --> 00:00:09.500\n#/thanks\n\nNOTE a comment\n\n00:00:09.500 --> 00:00:12.000\n2\n');
    expect(chapters(path, 20, 2)).toEqual([
      { slide: 'title', start: 2, end: 6, line: 3 },
      { slide: 'thanks', start: 6, end: 11.5, line: 6 },
      { slide: 'agenda', start: 11.5, end: 14, line: 11 },
    ]);
  });

  it('names a slide the deck lacks, with the line and the nearest id', () => {
    const path = file('typo.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\ntitle\n\n00:00:04.000 --> 00:00:08.000\nstudy-negahban-2031\n');
    expect(problems(() => chapters(path))).toEqual([`${path}:6  "study-negahban-2031" is not a slide of this deck: did you mean "study-negahban-2013"?`]);
  });

  it('reports cues out of order (the parser says so) and overlapping, each at its line', () => {
    const order = file('order.vtt', 'WEBVTT\n\n00:00:05.000 --> 00:00:08.000\ntitle\n\n00:00:01.000 --> 00:00:02.000\nthanks\n');
    expect(problems(() => chapters(order))).toEqual([
      `${order}:6:14  the chapters file is not valid WebVTT: Start timestamp is not greater than or equal to start timestamp of previous cue.`,
    ]);
    const overlap = file(
      'overlap.vtt',
      'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\ntitle\n\n00:00:02.000 --> 00:00:05.000\nthanks\n\n00:00:04.000 --> 00:00:06.000\nagenda\n',
    );
    expect(problems(() => chapters(overlap))).toEqual([
      `${overlap}:6  this cue starts at 00:00:02.000, before the cue above it (line 3) ends at 00:00:03.000: cues must not overlap`,
      `${overlap}:9  this cue starts at 00:00:04.000, before the cue above it (line 6) ends at 00:00:05.000: cues must not overlap`,
    ]);
  });

  it('reports chapters longer than the recording', () => {
    const path = file('long.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:10.000\ntitle\n\n00:00:10.000 --> 00:05:00.000\nthanks\n');
    expect(problems(() => chapters(path))).toEqual([`${path}:6  this cue ends at 00:05:00.000, after the recording ends (00:00:20.000): the chapters are longer than the recording`]);
  });

  it('reads the slide a killed recording left noted as a last cue to the end of the recording', () => {
    const path = file('crash.vtt', 'WEBVTT\n\nNOTE now showing from 00:00:00.000: title\n\n00:00:00.000 --> 00:00:03.000\ntitle\n\nNOTE now showing from 00:00:03.000: thanks\n\n');
    expect(chapters(path).map((c) => [c.slide, c.start, c.end])).toEqual([
      ['title', 0, 3],
      ['thanks', 3, 20],
    ]);
  });

  it('says a file that is not WebVTT (a Zoom .txt, an .srt) is not, and a missing file is missing', () => {
    const txt = file('zoom.txt', '[Jane Doe] 10:02:11\nWelcome everyone.\n');
    expect(problems(() => chapters(txt))[0]).toMatch(new RegExp(`^${txt}:1:1  the chapters file is not a WebVTT file: its first line must be "WEBVTT", not "\\[Jane Doe\\] 10:02:11"\\..*\\.vtt`));
    const srt = file('talk.srt', '1\n00:00:00,000 --> 00:00:04,000\ntitle\n');
    expect(problems(() => readCaptions(srt))[0]).toContain('It looks like SubRip (.srt)');
    expect(problems(() => chapters(resolve(dir, 'nowhere.vtt')))).toEqual([`${resolve(dir, 'nowhere.vtt')}: no such file (the chapters file)`]);
  });

  it('reports WebVTT the parser cannot read, at its line', () => {
    const path = file('broken.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\ntitle\n\n00:00:04.000 -> 00:00:08.000\nthanks\n');
    const found = problems(() => chapters(path));
    expect(found).toEqual([
      `${path}:6  "00:00:04.000 -> 00:00:08.000" is not a cue's time: write it as 00:01:02.500 --> 00:01:09.000 (hours optional, a dot before the milliseconds, and "-->")`,
    ]);
    const srtTimes = file('commas.vtt', 'WEBVTT\n\n00:00:00,000 --> 00:00:04,000\ntitle\n');
    expect(problems(() => chapters(srtTimes))[0]).toMatch(new RegExp(`^${srtTimes}:3  "00:00:00,000 --> 00:00:04,000" is not a cue's time`));
    const other = file('other.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000 line:0%\ntitle\n\nWhat\nis this\n');
    expect(problems(() => chapters(other))[0]).toMatch(new RegExp(`^${other}:\\d+(:\\d+)?  the chapters file is not valid WebVTT: `));
  });
});

describe('the transcript', () => {
  it('reads Zoom-style cues as plain text, tags and entities resolved', () => {
    const path = file('transcript.vtt', 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Jane>Jane Doe: Massage &amp; MS</v>\n\n2\n00:00:03.000 --> 00:00:05.000\nSecond\nline\n');
    expect(readCaptions(path)).toEqual([
      { start: 1, end: 3, text: 'Jane Doe: Massage & MS' },
      { start: 3, end: 5, text: 'Second line' },
    ]);
  });

  it('drops karaoke time tags, class tags and direction marks, and reads every kind of entity', () => {
    const cue = '<c.loud>Tight</c> <00:00:01.500>muscles&nbsp;&lt;3 &#233;&#xe9; &lrm;&quot;ok&quot;</c>';
    const path = file('karaoke.vtt', `WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n${cue}\n`);
    expect(readCaptions(path)).toEqual([{ start: 1, end: 3, text: 'Tight muscles <3 éé "ok"' }]);
  });
});

describe('the recording', () => {
  it('reads the length of ogg, m4a and mp3 from the file itself', () => {
    for (const ext of ['ogg', 'm4a', 'mp3']) {
      const audio = readAudio(encode(recording.wav, resolve(dir, `len.${ext}`)));
      expect(audio.seconds, ext).toBeGreaterThan(19.9);
      expect(audio.seconds, ext).toBeLessThan(20.2);
    }
  });

  it('refuses a kind the browser may not play, and a file whose contents do not match its name', () => {
    const wav = resolve(dir, 'call.wav');
    copyFileSync(recording.wav, wav);
    expect(problems(() => readAudio(wav))[0]).toMatch(new RegExp(`^${wav}: ".wav" is not an audio type the replay can play everywhere: give the recording as .m4a`));
    const fake = file('fake.m4a', 'WEBVTT\n\nnot audio at all, just text pretending');
    expect(problems(() => readAudio(fake))).toEqual([`${fake}: this is not a recording in M4A (AAC) that a browser can play (its contents do not match its name, or it is damaged)`]);
  });
});

describe('npm run replay', () => {
  let dist: string;
  beforeAll(() => {
    // A built deck is only read: its index.html is enough to find its slides.
    dist = resolve(dir, 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(resolve(dist, 'index.html'), `<!doctype html><html lang="en"><head><style>.reveal{}</style></head><body><div class="reveal"><div class="slides">${SLIDES.map((s) => `<section id="${s.id}"><h2>${s.id}</h2></section>`).join('')}</div></div></body></html>`);
  });

  function run(args: string[]) {
    return spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/replay.ts'), '--dist', dist, ...args], { cwd: ROOT, encoding: 'utf8' });
  }

  it('lists every problem of every input, exits non-zero and writes nothing', () => {
    const bad = file('bad.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\ntitel\n');
    const txt = file('transcript.txt', 'Jane: hello\n');
    const result = run(['--audio', ogg, '--chapters', bad, '--captions', txt]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${bad}:3  "titel" is not a slide of this deck: did you mean "title"?`);
    expect(result.stderr).toContain(`${txt}:1:1  the transcript is not a WebVTT file`);
    expect(result.stderr).toContain('Nothing was written.');
    expect(readdirSync(dist)).toEqual(['index.html']);
  });

  it('says what is missing from the command and what a bad offset is', () => {
    expect(run([]).stderr).toContain("--audio <file> is needed: the call's recording");
    expect(run(['--audio', ogg]).stderr).toContain('--chapters <file.vtt> is needed');
    const good = file('ok.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\ntitle\n');
    const offset = run(['--audio', ogg, '--chapters', good, '--offset', 'ten']);
    expect(offset.status).toBe(1);
    expect(offset.stderr).toContain('--offset must be a number of seconds, such as 12.5 or -3, not "ten"');
    expect(existsSync(resolve(dist, 'ms-massage-replay.html'))).toBe(false);
  });

  it("writes the page in the talk's language", () => {
    const good = file('es.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\ntitle\n');
    const spanish = resolve(dir, 'dist-es');
    mkdirSync(spanish, { recursive: true });
    writeFileSync(resolve(spanish, 'index.html'), readFileSync(resolve(dist, 'index.html'), 'utf8').replace('lang="en"', 'lang="es"'));
    const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/replay.ts'), '--dist', spanish, '--talk', 'examples/ejercicio-em', '--audio', ogg, '--chapters', good], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    const page = readdirSync(spanish).find((f) => f.endsWith('-replay.html'))!;
    const html = readFileSync(resolve(spanish, page), 'utf8');
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Reproducir la grabación');
    expect(html).toContain('Diapositivas de la grabación');
    expect(html).not.toContain('Play the recording');
    expect(html).toContain('1,25×');
  });

  it('builds the replay beside a copy of the recording when all is well', () => {
    const good = file('ok2.vtt', 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\ntitle\n\n00:00:04.000 --> 00:00:19.000\nthanks\n');
    const result = run(['--audio', ogg, '--chapters', good]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(dist).sort()).toEqual(['index.html', 'ms-massage-replay.html', 'ms-massage-replay.ogg']);
    expect(execFileSync('cmp', [ogg, resolve(dist, 'ms-massage-replay.ogg')]).length).toBe(0);
  });
});
