// Helpers for the replay tests: recordings made here with Debian's espeak-ng, sox and ffmpeg (scripts/ensure-audio-
// tools.mjs installs them before the tests; a missing one fails the test with the command that installs it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const INSTALL_AUDIO_TOOLS = 'apt-get update && apt-get install -y --no-install-recommends espeak-ng sox ffmpeg (or: node scripts/ensure-audio-tools.mjs)';

function run(cmd: string, args: string[]) {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT') throw new Error(`${cmd} is not installed; the replay tests make their own audio with it. Install with: ${INSTALL_AUDIO_TOOLS}`);
    throw new Error(`${cmd} ${args.join(' ')} failed: ${err.stderr?.toString() ?? err.message}`);
  }
}

export interface Recording {
  wav: string;
  /** What is said in each segment, and when (seconds). */
  segments: { start: number; end: number; text: string }[];
  seconds: number;
}

/**
 * A recording of `count` segments of `length` seconds each: a sentence spoken at the start of each (espeak-ng),
 * then silence to the segment's end (sox), so each sentence's time is known exactly.
 */
export function makeRecording(dir: string, count: number, length: number): Recording {
  mkdirSync(dir, { recursive: true });
  const segments: Recording['segments'] = [];
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = `Part ${i + 1}. Massage and multiple sclerosis, slide ${i + 1}.`;
    const spoken = resolve(dir, `said-${i}.wav`);
    const part = resolve(dir, `part-${i}.wav`);
    run('espeak-ng', ['-s', '190', '-w', spoken, text]);
    // Every part the same format (mono, 22 050 Hz), exactly `length` seconds: the speech, then silence.
    run('sox', [spoken, '-r', '22050', '-c', '1', part, 'pad', '0', String(length), 'trim', '0', String(length)]);
    segments.push({ start: i * length, end: i * length + 3, text });
    parts.push(part);
  }
  const wav = resolve(dir, 'call.wav');
  run('sox', [...parts, wav]);
  return { wav, segments, seconds: count * length };
}

/** The recording as Ogg Vorbis, AAC in .m4a or MP3, with ffmpeg. */
export function encode(wav: string, out: string): string {
  const codec = out.endsWith('.ogg') ? ['-c:a', 'libvorbis'] : out.endsWith('.m4a') ? ['-c:a', 'aac', '-b:a', '64k'] : ['-c:a', 'libmp3lame'];
  run('ffmpeg', ['-y', '-loglevel', 'error', '-i', wav, ...codec, out]);
  return out;
}

/** A WebVTT transcript of the recording's segments, as Zoom writes one (numbered cues, "Name: words"). */
export function writeTranscript(file: string, recording: Recording): string {
  const t = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}.${String(Math.round((s % 1) * 1000)).padStart(3, '0')}`;
  const cues = recording.segments.map((s, i) => `${i + 1}\n${t(s.start + 0.2)} --> ${t(s.end)}\nSpeaker: ${s.text}\n`);
  writeFileSync(file, `WEBVTT\n\n${cues.join('\n')}`);
  return file;
}
