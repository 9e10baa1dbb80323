// Whether the built deck in dist/ is missing or older than what it is built from, so `npm run pdf` builds first.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { shownPath } from '../names/shown-path.ts';

export interface BuildInputs {
  /** The built folder. */
  dist: string;
  /** Files the build must have written, relative to dist. */
  outputs: string[];
  /** Files and folders the build reads (folders are searched through). */
  sources: string[];
}

/** Why a build is needed, in words; undefined when the built files are there and newer than every source. */
export function staleReason({ dist, outputs, sources }: BuildInputs): string | undefined {
  for (const file of outputs) {
    if (!existsSync(join(dist, file))) return `${shownPath(join(dist, file))} is not built yet`;
  }
  const built = Math.min(...outputs.map((f) => statSync(join(dist, f)).mtimeMs));
  for (const source of sources) {
    const changed = newerThan(source, built);
    if (changed) return `${shownPath(changed)} changed since the last build`;
  }
  return undefined;
}

function newerThan(path: string, time: number): string | undefined {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs > time ? path : undefined;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const found = newerThan(join(path, entry.name), time);
    if (found) return found;
  }
  return undefined;
}
