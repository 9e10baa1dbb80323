// The call's recording: its kind (by its name, checked against its first bytes, so a file the browser cannot play
// is refused at build time, not on the listener's screen) and its length, read from the file itself (no ffprobe).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ReplayInputError } from './vtt.ts';

export interface AudioKind {
  /** The file's extension as copied beside the replay (".m4a"). */
  ext: string;
  /** The MIME type for <source type>. */
  mime: string;
  name: string;
}

const KINDS: Record<string, AudioKind> = {
  '.m4a': { ext: '.m4a', mime: 'audio/mp4', name: 'M4A (AAC)' },
  '.mp4': { ext: '.m4a', mime: 'audio/mp4', name: 'M4A (AAC)' },
  '.mp3': { ext: '.mp3', mime: 'audio/mpeg', name: 'MP3' },
  '.ogg': { ext: '.ogg', mime: 'audio/ogg', name: 'Ogg' },
  '.oga': { ext: '.ogg', mime: 'audio/ogg', name: 'Ogg' },
  '.opus': { ext: '.opus', mime: 'audio/ogg', name: 'Ogg Opus' },
};

export interface Audio {
  kind: AudioKind;
  seconds: number;
  bytes: Buffer;
}

/** The kind of recording a file's name says it is, if the replay can play it. */
export const audioKindOf = (file: string): AudioKind | undefined => KINDS[extname(file).toLowerCase()];

/** Why a file of this name cannot be the recording. */
export const notAudioType = (file: string) =>
  `"${extname(file) || 'no extension'}" is not an audio type the replay can play everywhere: give the recording as .m4a (Zoom's audio file), .mp3 or .ogg (convert with, for example, ffmpeg -i ${file} call.m4a)`;

export function readAudio(file: string): Audio {
  const kind = audioKindOf(file);
  if (!kind) throw new ReplayInputError([`${file}: ${notAudioType(file)}`]);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new ReplayInputError([`${file}: no such file (the recording)`]);
  }
  let seconds: number | null;
  try {
    seconds = kind.mime === 'audio/mp4' ? mp4Seconds(bytes) : kind.mime === 'audio/ogg' ? oggSeconds(bytes) : mp3Seconds(bytes);
  } catch (e) {
    // A header that promises more than the file holds (a truncated or crafted file) reads past its end: damaged.
    if (!(e instanceof RangeError)) throw e;
    seconds = null;
  }
  if (seconds === null) {
    throw new ReplayInputError([`${file}: this is not a recording in ${kind.name} that a browser can play (its contents do not match its name, or it is damaged)`]);
  }
  if (!(seconds > 0)) throw new ReplayInputError([`${file}: the recording is empty (0 seconds long)`]);
  return { kind, seconds, bytes };
}

/** MP4/M4A: the movie header (moov → mvhd) gives duration / timescale. */
export function mp4Seconds(b: Buffer): number | null {
  if (b.length < 12 || b.toString('latin1', 4, 8) !== 'ftyp') return null;
  const find = (start: number, end: number, path: string[]): number | null => {
    let at = start;
    while (at + 8 <= end) {
      let size = b.readUInt32BE(at);
      const type = b.toString('latin1', at + 4, at + 8);
      let header = 8;
      if (size === 1) {
        size = Number(b.readBigUInt64BE(at + 8));
        header = 16;
      } else if (size === 0) size = end - at;
      if (size < header || at + size > end) return null;
      if (type === path[0]) return path.length === 1 ? at + header : find(at + header, at + size, path.slice(1));
      at += size;
    }
    return null;
  };
  const mvhd = find(0, b.length, ['moov', 'mvhd']);
  if (mvhd === null) return null;
  const version = b[mvhd];
  const timescale = version === 1 ? b.readUInt32BE(mvhd + 20) : b.readUInt32BE(mvhd + 12);
  const duration = version === 1 ? Number(b.readBigUInt64BE(mvhd + 24)) : b.readUInt32BE(mvhd + 16);
  return timescale ? duration / timescale : null;
}

/** Ogg Vorbis or Opus: the last page's granule position over the sample rate. */
export function oggSeconds(b: Buffer): number | null {
  if (b.length < 64 || b.toString('latin1', 0, 4) !== 'OggS') return null;
  const head = b.subarray(0, 512);
  let rate: number;
  let preSkip = 0;
  const vorbis = head.indexOf('\x01vorbis', 0, 'latin1');
  const opus = head.indexOf('OpusHead', 0, 'latin1');
  if (vorbis >= 0) rate = head.readUInt32LE(vorbis + 12);
  else if (opus >= 0) {
    rate = 48_000;
    preSkip = head.readUInt16LE(opus + 10);
  } else return null;
  if (!rate) return null;
  const last = b.lastIndexOf('OggS', b.length - 27, 'latin1');
  if (last < 0) return null;
  const granule = Number(b.readBigInt64LE(last + 6));
  return granule > 0 ? (granule - preSkip) / rate : null;
}

const MP3_BITRATES: Record<string, number[]> = {
  // MPEG-1 Layer III, MPEG-2/2.5 Layer III (kbit/s by index)
  '1': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MP3_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** MP3: every frame's samples, counted (a few thousand frames a minute: quick). */
export function mp3Seconds(b: Buffer): number | null {
  let at = 0;
  if (b.toString('latin1', 0, 3) === 'ID3' && b.length > 10) {
    at = 10 + (((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f));
  }
  let seconds = 0;
  let frames = 0;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) {
      if (frames === 0 && at < 4096) {
        at++;
        continue;
      }
      break;
    }
    const version = (b[at + 1]! >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
    const layer = (b[at + 1]! >> 1) & 3; // 1 = Layer III
    const bitrateIndex = b[at + 2]! >> 4;
    const rateIndex = (b[at + 2]! >> 2) & 3;
    const padding = (b[at + 2]! >> 1) & 1;
    if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) break;
    const kbps = MP3_BITRATES[version === 3 ? '1' : '2']![bitrateIndex]!;
    const rate = MP3_RATES[version]![rateIndex]!;
    const samples = version === 3 ? 1152 : 576;
    const size = Math.floor(((samples / 8) * kbps * 1000) / rate) + padding;
    if (size < 4) break;
    seconds += samples / rate;
    frames++;
    at += size;
  }
  return frames > 0 ? seconds : null;
}
