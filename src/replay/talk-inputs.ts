// The replay's files as the talk names them in data/talk.yaml (replay: { audio, chapters, captions, offset }, paths
// from the talk's folder), so that npm run build makes the replay with the deck and npm run replay needs no options.
// npm run check, the build's replay step and npm run replay hold the named files to the same checks, each problem at
// its field in talk.yaml; what is inside them is read by buildReplay (src/replay/build.ts), with its own file:line.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { outsideTalk } from '../data/inside-talk.ts';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Problem } from '../data/data-error.ts';
import { nearest } from '../data/describe-value.ts';
import type { ReplayInputs, Talk } from '../schema/index.ts';
import { audioKindOf, notAudioType } from './audio.ts';
import { shownPath } from '../names/shown-path.ts';

/** The files the talk names for its replay; none for replay: true, false or absent. */
export function namedReplayInputs(talk: Pick<Talk, 'replay'>): ReplayInputs | undefined {
  return typeof talk.replay === 'object' ? talk.replay : undefined;
}

/** What npm run replay's options say, each a file to read; `offset` in seconds. */
export interface ReplayFiles {
  audio: string;
  chapters: string;
  captions?: string;
  offset: number;
}

/** The talk's replay files, found from its folder (root), or undefined when it names none. */
export function talkReplayFiles(talk: Pick<Talk, 'replay'>, root: string): ReplayFiles | undefined {
  const named = namedReplayInputs(talk);
  if (!named) return undefined;
  const path = (p: string) => shownPath(resolve(root, p));
  return {
    audio: path(named.audio),
    chapters: path(named.chapters),
    ...(named.captions === undefined ? {} : { captions: path(named.captions) }),
    offset: named.offset ?? 0,
  };
}

const WHAT = { audio: "the call's recording", chapters: 'the timeline', captions: 'the transcript' } as const;
export type ReplayFileField = keyof typeof WHAT;

/** Where each field is written in talk.yaml: TalkModel's `where`. */
type Where = (source: 'talk', path: readonly PropertyKey[]) => Pick<Problem, 'file' | 'line' | 'column' | 'field'>;

/**
 * The named files that are not there, are folders, or (the recording) are of a kind the replay cannot play: each a
 * problem at its field in talk.yaml. Nothing is decoded. `only` limits the check to some fields (npm run replay
 * checks only those its options do not replace).
 */
export function replayFileProblems(
  model: { talk: Pick<Talk, 'replay'>; where: Where },
  root: string,
  only: readonly ReplayFileField[] = ['audio', 'chapters', 'captions'],
): Problem[] {
  const named = namedReplayInputs(model.talk);
  if (!named) return [];
  const problems: Problem[] = [];
  for (const field of only) {
    const given = named[field];
    if (given === undefined) continue;
    const file = resolve(root, given);
    const problem = (message: string) => problems.push({ ...model.where('talk', ['replay', field]), message });
    const away = outsideTalk(file, root);
    if (!existsSync(file)) problem(`${WHAT[field]} is not there: ${nothingAt(file, root)}`);
    // A path such as ../../notes.txt, or a link out of the folder: never copied beside the published replay.
    else if (away) problem(`"${given}": ${away}`);
    else if (!statSync(file).isFile()) problem(`"${given}" is a folder: name ${WHAT[field]} itself, a file in it`);
    else if (field === 'audio' && !audioKindOf(file)) problem(notAudioType(given));
  }
  return problems;
}

/** What is missing, from the talk's folder, and the file a letter or two off it, if there is one. */
function nothingAt(file: string, root: string): string {
  const from = (p: string) => relative(root, p).split('\\').join('/');
  const where = "in the talk's folder (the one holding data/)";
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return `there is no folder ${from(folder)} ${where}. Put the file there, or correct the path`;
  const guess = nearest(basename(file), readdirSync(folder));
  return `there is no file ${from(file)} ${where}. ${guess ? `Did you mean "${from(join(folder, guess))}"?` : 'Put the file there, or correct the path'}`;
}

/** The lines of talk.yaml that name these files (paths from the talk's folder), for a message to copy from. */
export function replayInputsYaml(files: ReplayFiles, root: string): string {
  const path = (p: string) => {
    const from = relative(root, resolve(p)).split('\\').join('/');
    return /^[\w.][\w./-]*$/.test(from) ? from : JSON.stringify(from);
  };
  return [
    'replay:',
    `  audio: ${path(files.audio)}`,
    `  chapters: ${path(files.chapters)}`,
    ...(files.captions === undefined ? [] : [`  captions: ${path(files.captions)}`]),
    ...(files.offset ? [`  offset: ${files.offset}`] : []),
  ].join('\n');
}
