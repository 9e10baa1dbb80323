// Which talk a built folder was made from, kept beside it (dist-private/built-from.json, never published: it holds
// a folder of this computer), so a build refuses to empty a folder holding another talk's deck, PDFs and
// PowerPoint, and a command that reads a built folder can say whose it is.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface BuiltFrom {
  /** The talk's folder, as a real path. */
  talk: string;
  title: string;
}

export function builtFromFile(dist: string): string {
  return join(dirname(resolve(dist)), `${basename(resolve(dist))}-private`, 'built-from.json');
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export function readBuiltFrom(dist: string): BuiltFrom | undefined {
  const file = builtFromFile(dist);
  if (!existsSync(file)) return undefined;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuiltFrom>;
    return typeof v.talk === 'string' && typeof v.title === 'string' ? { talk: v.talk, title: v.title } : undefined;
  } catch {
    return undefined;
  }
}

export function writeBuiltFrom(dist: string, talkRoot: string, title: string): void {
  const file = builtFromFile(dist);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ talk: real(talkRoot), title } satisfies BuiltFrom)}\n`);
}

/** The other talk whose outputs are in `dist`, or undefined when it holds this talk's, or nothing we know of. */
export function otherTalkIn(dist: string, talkRoot: string): BuiltFrom | undefined {
  const from = readBuiltFrom(dist);
  return from && from.talk !== real(talkRoot) ? from : undefined;
}
