// npm run replay [-- --audio <call.m4a|.mp3|.ogg> --chapters <talk.vtt>] [--captions <transcript.vtt>] [--offset <s>]
// npm run replay -- --edit --audio <call.m4a> [--chapters <talk.vtt>]
// npm run replay -- --after-build (the last step of npm run build)
// Builds dist/<slug>-replay.html (or the timeline editor, dist/<slug>-timeline.html) beside a copy of the recording,
// from the files given here or, for those not given, the files data/talk.yaml names (replay: { audio, chapters, … }).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataError, formatProblem } from '../src/data/data-error.ts';
import { loadTalk, type TalkModel } from '../src/data/load-data.ts';
import { buildReplay } from '../src/replay/build.ts';
import { replayFileProblems, replayInputsYaml, talkReplayFiles, type ReplayFileField } from '../src/replay/talk-inputs.ts';
import { shownPath } from '../src/names/shown-path.ts';
import { ReplayInputError } from '../src/replay/vtt.ts';
import { replayFile } from '../src/names/output-files.ts';
import { chooseTalk, talkDist, talkFolder } from '../src/names/talk-folder.ts';
import { againCommand, openTalk, shellWord } from '../src/cli/chosen-talk.ts';

const HELP = `npm run replay [-- --audio <call.m4a|.mp3|.ogg> --chapters <talk.vtt>] [--captions <transcript.vtt>] [--offset <seconds>]
npm run replay -- --edit [--audio <call.m4a>] [--chapters <talk.vtt>]

Builds dist/<slug>-replay.html: the call's recording with the slides in step, the list of slides with their
times, captions and a searchable transcript. The recording is copied beside it. Build the deck first (npm run build).

With no options it uses the files data/talk.yaml names, and npm run build makes the replay itself:
  replay:
    audio: recording/call.m4a          # paths from the talk's folder
    chapters: recording/talk.vtt
    captions: recording/transcript.vtt # optional
    offset: 12.5                       # optional
An option given here is used instead of the talk's.

  --audio <file>      the call's recording: .m4a (Zoom's audio file), .mp3 or .ogg
  --chapters <file>   the timeline, a WebVTT chapters file: written by npm run present -- --record <file>, or saved
                      from the timeline editor
  --captions <file>   the call's transcript as WebVTT (Zoom: the "Audio transcript" .vtt), shown as captions and text
  --offset <seconds>  the recording started this many seconds before the timeline (negative: after it)
  --edit              build the timeline editor instead (dist/<slug>-timeline.html): play the recording, press →
                      at each slide change, nudge, save the chapters file
  --dist <folder>     the built deck (default: the talk's own dist/)
  --talk <folder>     the talk (default: DECK_TALK, else the one last named with --talk, else this project's)
  --after-build       the last step of npm run build: makes the replay when the talk names its files, and otherwise
                      only warns if the deck links to a replay this build does not make
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
      'after-build': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  let offset: number | undefined;
  if (values.offset !== undefined) {
    offset = Number(values.offset);
    if (!/^[-+]?\d+(?:\.\d+)?$/.test(values.offset.trim()) || !Number.isFinite(offset)) throw new ReplayInputError([`--offset must be a number of seconds, such as 12.5 or -3, not "${values.offset}"`]);
  }
  const afterBuild = values['after-build'] ?? false;
  const edit = !afterBuild && (values.edit ?? false);
  const opened = openTalk(values.talk);
  // As the build's last step it says nothing of its own: the build has named the talk.
  if (!afterBuild && process.env.DECK_QUIET_TALK !== '1') console.log(opened.line);
  const root = opened.root;
  const dist = resolve(values.dist ?? talkDist(root));
  const model = loadTalk({ root });
  const { talk, words } = model;

  // Each file from its option, else from data/talk.yaml.
  const named = talkReplayFiles(talk, root);
  const given = { audio: values.audio, chapters: values.chapters, captions: values.captions };
  const fromTalk = (['audio', 'chapters', 'captions'] as const).filter((f): f is ReplayFileField => given[f] === undefined && named?.[f] !== undefined);
  const pick = (f: ReplayFileField) => (given[f] !== undefined ? resolve(given[f]) : named?.[f]);
  const audio = pick('audio');
  const chapters = pick('chapters');
  const captions = pick('captions');

  if (afterBuild && (!audio || !chapters)) {
    // The talk names no files: nothing to make. A deck that links to a replay is told it will not find one here.
    const page = resolve(dist, replayFile(talk));
    if (talk.replay && !existsSync(page)) console.warn(noReplayWarning(model, root, dist));
    return 0;
  }
  const howToName = "or name the call's files in data/talk.yaml (replay: with audio: and chapters:), see npm run replay -- --help";
  if (!audio) throw new ReplayInputError([`--audio <file> is needed: the call's recording (.m4a, .mp3 or .ogg), ${howToName}`]);
  if (!chapters && !edit) {
    throw new ReplayInputError([`--chapters <file.vtt> is needed: the timeline from npm run present -- --record (or make one with npm run replay -- --edit --audio <file>), ${howToName}`]);
  }

  // The files the talk names, checked where talk.yaml names them, before anything is read.
  const problems = replayFileProblems(model, root, fromTalk).map(formatProblem);
  if (problems.length) throw new ReplayInputError(problems);
  const at = offset ?? named?.offset ?? 0;
  const result = await buildReplay({ talk, words, dist, audio, chapters, captions, offset: at, edit });

  const minutes = Math.floor(result.seconds / 60);
  const seconds = Math.round(result.seconds % 60);
  console.log(`${shownPath(result.page)}  ${edit ? 'timeline editor' : 'replay'}: ${result.chapters} chapters, ${result.captions} captions`);
  console.log(`${shownPath(result.audio)}  the recording, ${minutes} min ${seconds} s`);
  // The slides and the text version are made by the build, so they link here once the talk says so; and a build
  // empties dist/, so the talk naming the files is what keeps the replay.
  if (!edit && !named && chapters) {
    const yaml = replayInputsYaml({ audio, chapters, captions, offset: at }, root).replace(/^/gm, '  ');
    console.log(
      talk.replay
        ? `npm run build empties dist/ and does not make this replay again, unless data/talk.yaml names its files. To keep it, write there, in place of "replay: true":\n${yaml}`
        : `To link the replay from the last slide and the text version, and have every npm run build make it, add this to data/talk.yaml, then run npm run build:\n${yaml}`,
    );
  }
  return 0;
}

/** The build's one warning when the deck links to a replay that nothing makes. */
function noReplayWarning(model: TalkModel, root: string, dist: string): string {
  const where = model.where('talk', ['replay']);
  const talkYaml = shownPath(resolve(root, 'data/talk.yaml'));
  return [
    `Warning: the deck links to ${replayFile(model.talk)} (${where.file}:${where.line} says "replay: true"), but this build does not make it, so the link leads nowhere.`,
    `  Make it now:  ${command(root, dist, '--audio call.m4a --chapters talk.vtt [--captions transcript.vtt]')}`,
    `  Or name the call's files in ${talkYaml} instead of "replay: true", and every build makes it:`,
    '    replay:',
    '      audio: recording/call.m4a',
    '      chapters: recording/talk.vtt',
  ].join('\n');
}

/** npm run replay, for this talk and this folder. */
function command(root: string, dist: string, rest = ''): string {
  // The talk named always (--talk), unless it is the project's and nothing else would be chosen without it.
  const bare = chooseTalk(undefined);
  const extra = [...(dist === talkDist(root) ? [] : ['--dist', shellWord(shownPath(dist))]), ...(rest ? [rest] : [])];
  return againCommand(bare.how === 'project' && bare.root === root ? bare : { root, how: 'option' }, 'replay', extra);
}

const afterBuild = process.argv.includes('--after-build');

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ReplayInputError) console.error(error.problems.join('\n'));
    else if (error instanceof DataError) console.error(error.problems.map(formatProblem).join('\n'));
    else console.error(error instanceof Error ? error.message : String(error));
    if (afterBuild) {
      // As npm run share says it: what the build did make, what is missing, and the one command that makes it.
      const root = talkFolder(argValue('--talk'));
      const dist = resolve(argValue('--dist') ?? talkDist(root));
      console.error(
        `\nThe replay was not made. ${shownPath(dist)}/ is otherwise complete; only the replay of the call (the page and its copy of the recording) is missing. Fix the above, then run "${command(root, dist)}" to make it (no need to build again).`,
      );
    } else if (error instanceof ReplayInputError) console.error('Nothing was written.');
    process.exit(1);
  },
);

/** An option's value, read again for the failure message (the options may be what failed to parse). */
function argValue(name: string): string | undefined {
  const args = process.argv;
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}
