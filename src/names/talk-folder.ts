// Which talk a command works on, decided the same way by every command and both Vite plugins: the folder given (an
// option, or --talk), else the DECK_TALK environment variable, else the talk last named with --talk (remembered in
// the project's .talk file, so a volunteer who ran `npm run new -- talks/yoga` is not sent back to last month's
// talk by a command typed without --talk), else this project. A relative folder is read from where the command was
// started (npm runs every script from the project's folder), so "examples/x" means the same folder to every command.
// A talk's outputs live in its own folder (<talk>/dist), so building one talk never empties another's.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/** The project's own folder: its talk (data/, slides/ at the root) is the one used when nothing else is named. */
export const PROJECT = resolve(import.meta.dirname, '../..');

/** How the talk was chosen, for the line every command starts with. */
export type TalkChoice = 'option' | 'environment' | 'remembered' | 'project';

/** Why this talk, in the words each command's first line uses. */
export const WHY_THIS_TALK: Record<TalkChoice, string> = {
  option: 'named with --talk',
  environment: 'named by DECK_TALK',
  remembered: 'the talk you last named with --talk or made with npm run new; add -- --talk <folder> for another',
  project: "this project's own talk; add -- --talk <folder> for another",
};

export interface ChosenTalk {
  root: string;
  how: TalkChoice;
}

/** The file that remembers the talk last named with --talk; DECK_TALK_MEMORY=off (the tests) or another file. */
export function memoryFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env.DECK_TALK_MEMORY;
  if (v === 'off') return undefined;
  return v ? resolve(v) : resolve(PROJECT, '.talk');
}

function remembered(env: NodeJS.ProcessEnv): string | undefined {
  const file = memoryFile(env);
  if (!file || !existsSync(file)) return undefined;
  const line = readFileSync(file, 'utf8').split('\n')[0]?.trim();
  return line || undefined;
}

export function chooseTalk(given?: string, env: NodeJS.ProcessEnv = process.env, base: string = process.cwd()): ChosenTalk {
  if (given !== undefined) return { root: resolve(base, given), how: 'option' };
  if (env.DECK_TALK) return { root: resolve(base, env.DECK_TALK), how: 'environment' };
  const last = remembered(env);
  if (last) return { root: resolve(PROJECT, last), how: 'remembered' };
  return { root: resolve(base, '.'), how: 'project' };
}

export function talkFolder(given?: string, env: NodeJS.ProcessEnv = process.env, base: string = process.cwd()): string {
  return chooseTalk(given, env, base).root;
}

/** Remembers `root` as the talk for commands typed without --talk (written whole, then moved, so never half a name). */
export function rememberTalk(root: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = memoryFile(env);
  if (!file) return;
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, `${resolve(root)}\n`, { flag: 'wx' });
  renameSync(tmp, file);
}

/** Where a talk's built deck, PDFs and PowerPoint go: its own dist/ (the project's talk: the project's dist/). */
export function talkDist(root: string): string {
  return resolve(root, 'dist');
}

