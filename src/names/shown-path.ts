// How a path is shown in a message: from the folder the command runs in when it is below it ("data/talk.yaml",
// "dist/ms-massage-slides.pdf"), else whole, so a talk kept elsewhere is named where it really is, not as "../../…".
import { isAbsolute, relative, sep } from 'node:path';

export function shownPath(path: string, cwd: string = process.cwd()): string {
  const from = relative(cwd, path);
  if (from === '') return path;
  const above = from === '..' || from.startsWith(`..${sep}`);
  return !above && !isAbsolute(from) ? from : path;
}
