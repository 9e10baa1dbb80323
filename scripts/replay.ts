// npm run replay -- --audio <call.m4a|.mp3|.ogg> --chapters <talk.vtt> [--captions <transcript.vtt>] [--offset <s>]
// npm run replay -- --edit --audio <call.m4a> [--chapters <talk.vtt>]
// Builds dist/<slug>-replay.html (or the timeline editor, dist/<slug>-timeline.html) beside a copy of the recording.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadTalk } from '../src/data/load-data.ts';
import { buildReplay } from '../src/replay/build.ts';
import { ReplayInputError } from '../src/replay/vtt.ts';
import { talkFolder } from '../src/names/talk-folder.ts';

const HELP = `npm run replay -- --audio <call.m4a|.mp3|.ogg> --chapters <talk.vtt> [--captions <transcript.vtt>] [--offset <seconds>]
npm run replay -- --edit --audio <call.m4a> [--chapters <talk.vtt>]

Builds dist/<slug>-replay.html: the call's recording with the slides in step, the list of slides with their
times, captions and a searchable transcript. The recording is copied beside it. Build the deck first (npm run build).

  --audio <file>      the call's recording: .m4a (Zoom's audio file), .mp3 or .ogg
  --chapters <file>   the timeline, a WebVTT chapters file: written by npm run present -- --record <file>, or saved
                      from the timeline editor
  --captions <file>   the call's transcript as WebVTT (Zoom: the "Audio transcript" .vtt), shown as captions and text
  --offset <seconds>  the recording started this many seconds before the timeline (negative: after it)
  --edit              build the timeline editor instead (dist/<slug>-timeline.html): play the recording, press →
                      at each slide change, nudge, save the chapters file
  --dist <folder>     the built deck (default dist/)
  --talk <folder>     the talk (default DECK_TALK, else this folder)
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      audio: { type: 'string' },
      chapters: { type: 'string' },
      captions: { type: 'string' },
      offset: { type: 'string' },
      edit: { type: 'boolean' },
      dist: { type: 'string' },
      talk: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.audio) throw new ReplayInputError(['--audio <file> is needed: the call\'s recording (.m4a, .mp3 or .ogg). See npm run replay -- --help']);
  if (!values.chapters && !values.edit) {
    throw new ReplayInputError(['--chapters <file.vtt> is needed: the timeline from npm run present -- --record, or make one with npm run replay -- --edit --audio <file>']);
  }
  let offset = 0;
  if (values.offset !== undefined) {
    offset = Number(values.offset);
    if (!/^[-+]?\d+(?:\.\d+)?$/.test(values.offset.trim()) || !Number.isFinite(offset)) throw new ReplayInputError([`--offset must be a number of seconds, such as 12.5 or -3, not "${values.offset}"`]);
  }
  const root = talkFolder(values.talk);
  const { talk, words } = loadTalk({ root });
  const result = await buildReplay({
    talk,
    words,
    dist: resolve(values.dist ?? 'dist'),
    audio: resolve(values.audio),
    chapters: values.chapters ? resolve(values.chapters) : undefined,
    captions: values.captions ? resolve(values.captions) : undefined,
    offset,
    edit: values.edit ?? false,
  });
  const shown = (p: string) => relative(process.cwd(), p) || p;
  const minutes = Math.floor(result.seconds / 60);
  const seconds = Math.round(result.seconds % 60);
  console.log(`${shown(result.page)}  ${values.edit ? 'timeline editor' : 'replay'}: ${result.chapters} chapters, ${result.captions} captions`);
  console.log(`${shown(result.audio)}  the recording, ${minutes} min ${seconds} s`);
  // The slides and the text version are made by the build, so they link here once the talk says so.
  if (!values.edit && !talk.replay) {
    console.log('To link the replay from the last slide and the text version: add "replay: true" to data/talk.yaml, then run npm run build and this command again.');
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ReplayInputError) {
      console.error(error.problems.join('\n'));
      console.error('Nothing was written.');
    } else if (error instanceof Error && error.name === 'DataError' && 'problems' in error) {
      console.error((error as unknown as { problems: { file: string; line: number; column: number; message: string }[] }).problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.message}`).join('\n'));
    } else console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
