// A throwaway copy of the talk to break on purpose; the project's own files are never touched.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, formatProblem } from '../../src/data/data-error.ts';
import { loadTalk } from '../../src/data/load-data.ts';

export { ROOT } from '../support/project.ts';
import { ROOT } from '../support/project.ts';

export interface TalkCopy {
  root: string;
  read(file: string): string;
  write(file: string, text: string | Uint8Array): void;
  edit(file: string, change: (text: string) => string): void;
  /** Every file's text, to show a command changed nothing. */
  snapshot(): Record<string, string>;
  remove(): void;
}

export function copyTalk(from = ROOT): TalkCopy {
  const root = mkdtempSync(join(tmpdir(), 'talk-'));
  cpSync(join(from, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(from, 'slides'), join(root, 'slides'), { recursive: true });
  // The texts the talk is checked against, where it has them (sources are optional).
  if (existsSync(join(from, 'sources'))) cpSync(join(from, 'sources'), join(root, 'sources'), { recursive: true });
  const path = (f: string) => join(root, f);
  return {
    root,
    read: (f) => readFileSync(path(f), 'utf8'),
    write: (f, t) => writeFileSync(path(f), t),
    edit(f, change) {
      const before = readFileSync(path(f), 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`the test's edit of ${f} changed nothing`);
      writeFileSync(path(f), after);
    },
    snapshot() {
      const out: Record<string, string> = {};
      for (const dir of ['data', 'slides', 'sources']) {
        if (!existsSync(path(dir))) continue;
        for (const f of readdirSync(path(dir))) out[`${dir}/${f}`] = readFileSync(path(`${dir}/${f}`), 'latin1');
      }
      return out;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The problems loading a talk reports, formatted as the user sees them; [] when it loads. */
export function problemsOf(root: string): string[] {
  try {
    loadTalk({ root, cwd: root });
    return [];
  } catch (e) {
    if (e instanceof DataError) return e.problems.map(formatProblem);
    throw e;
  }
}
