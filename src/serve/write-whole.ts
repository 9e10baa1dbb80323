// Writes a file whole or not at all: first to a new temporary file beside it, at a name no one can guess and opened
// with exclusive create ("wx": a file or a link already at that name is an error, never written through), then
// renamed over the final name, so that name only ever holds a whole file. A temporary file is removed on failure.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written now, for a process stopped half-way (Ctrl-C) to remove. */
export const pendingFiles = new Set<string>();

export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.partial`);
}

export function writeWhole(path: string, data: string | Uint8Array): string {
  const temp = temporaryName(path);
  pendingFiles.add(temp);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  } finally {
    pendingFiles.delete(temp);
  }
  return path;
}
