// The talk a command works on, said on its first line: every command (check, dev, build, preview, share, pdf, pptx,
// replay, screenshots, present) opens its talk here, so a volunteer always sees which talk (its title and folder)
// and why that one, a folder that is not a talk is refused in one sentence, and every "run … again" hint a command
// prints is the exact command for the same talk.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { chooseTalk, rememberTalk, WHY_THIS_TALK, type ChosenTalk } from '../names/talk-folder.ts';
import { shownPath } from '../names/shown-path.ts';
import { shellWord } from '../names/shell-word.ts';

export { shellWord };

export class NotATalk extends Error {}

export interface OpenedTalk extends ChosenTalk {
  /** The talk's title, when data/talk.yaml can be read (a talk with problems still gets named by its folder). */
  title: string | undefined;
  /** "Talk: “Yoga and balance in MS” (talks/yoga, the talk you last named with --talk)". */
  line: string;
  /** The exact command for this same talk: again('pdf', ['--a4']) → "npm run pdf -- --talk talks/yoga --a4". */
  again(script: string, extra?: readonly string[]): string;
}

/** `--talk <folder>` or `--talk=<folder>` from a command's arguments; undefined when not given. */
export function talkOption(args: readonly string[]): string | undefined {
  const i = args.indexOf('--talk');
  if (i >= 0) {
    const value = args[i + 1];
    if (!value || value.startsWith('--')) throw new NotATalk('--talk needs a folder, such as --talk talks/yoga');
    return value;
  }
  const inline = args.find((a) => a.startsWith('--talk='));
  return inline === undefined ? undefined : inline.slice('--talk='.length);
}

/** The title in data/talk.yaml, read leniently: a talk whose files have mistakes is still named. */
export function talkTitle(root: string): string | undefined {
  try {
    const title = parseDocument(readFileSync(resolve(root, 'data/talk.yaml'), 'utf8')).get('title');
    return typeof title === 'string' && title.trim() ? title.trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Chooses the talk (--talk, DECK_TALK, the one remembered, the project's), checks it is a talk, and remembers a
 * folder named with --talk for the next command. Throws NotATalk with a sentence to show when it is not one.
 */
export function openTalk(given: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): OpenedTalk {
  const chosen = chooseTalk(given, env, cwd);
  const shown = shownPath(chosen.root, cwd);
  const folder = chosen.root === cwd ? 'this folder' : shown;
  if (!existsSync(chosen.root) || !statSync(chosen.root).isDirectory()) {
    throw new NotATalk(
      `There is no folder ${shown}${chosen.how === 'remembered' ? ' (the talk you last named with --talk)' : ''}. Give the folder of a talk with --talk, or make a new talk with: npm run new -- ${shellWord(shown)}`,
    );
  }
  if (!existsSync(resolve(chosen.root, 'data/talk.yaml'))) {
    throw new NotATalk(
      `${folder === 'this folder' ? 'This folder' : shown} is not a talk: it has no data/talk.yaml. A talk's folder holds data/talk.yaml, data/, slides/ and sources/; make one with: npm run new -- <folder>`,
    );
  }
  if (chosen.how === 'option') rememberTalk(chosen.root, env);
  const title = talkTitle(chosen.root);
  return {
    ...chosen,
    title,
    line: `Talk: ${title ? `“${title}”` : '(no title yet)'} in ${folder} (${WHY_THIS_TALK[chosen.how]})`,
    again: (script, extra = []) => againCommand(chosen, script, extra, cwd),
  };
}

/** The exact command for a talk: named always, but for the project's own talk chosen by default (the hint must not
 * depend on what is remembered when it is run). */
export function againCommand(chosen: ChosenTalk, script: string, extra: readonly string[] = [], cwd = process.cwd()): string {
  const shown = chosen.root === cwd ? '.' : shownPath(chosen.root, cwd);
  const args = [...(chosen.how === 'project' ? [] : ['--talk', shellWord(shown)]), ...extra];
  return `npm run ${script}${args.length ? ` -- ${args.join(' ')}` : ''}`;
}
