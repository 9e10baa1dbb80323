// A talk folder is untrusted input (a volunteer's zip, a pull request the Pages workflow builds): every file a talk
// names or holds is read only from inside the talk's own folder, by its real path, so a symbolic link in sources/
// (or a replay path such as ../../.ssh/id_rsa) can never bring a file of this computer into the published deck.
// For the project's own talk, whose folder is the project, the project's code and tools are outside it too.
import { existsSync, realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

/** Folders of the project that are never a talk's, even for the talk at the project's root. */
const NOT_THE_TALKS = ['src', 'scripts', 'tests', 'node_modules', '.git', 'bench', 'locales', 'templates', 'schemas'];

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function within(path: string, folder: string): boolean {
  const from = relative(folder, path);
  return from === '' || (!from.startsWith(`..${sep}`) && from !== '..' && !from.startsWith(sep) && !/^[A-Za-z]:/.test(from));
}

/**
 * Why `path` may not be read as part of the talk at `root` (a sentence for a message), or undefined when it may:
 * its real path (links followed) must lie inside the talk's folder, and outside the project's own code.
 */
export function outsideTalk(path: string, root: string, project: string = resolve(import.meta.dirname, '../..')): string | undefined {
  if (!existsSync(path)) return undefined; // a missing file is said by whoever reads it
  const realRoot = real(root);
  const target = real(path);
  if (!within(target, realRoot)) {
    return `this file leads outside the talk's folder (it is a link to ${target === resolve(path) ? 'another folder' : 'a file elsewhere on this computer'}): only files inside the talk's folder are read. Copy the file into the talk instead`;
  }
  if (realRoot === real(project)) {
    const top = relative(realRoot, target).split(sep)[0];
    if (top && NOT_THE_TALKS.includes(top)) return `this file is part of the project's own tools (${top}/), not of the talk: put the talk's files in data/, slides/ or sources/`;
  }
  return undefined;
}
