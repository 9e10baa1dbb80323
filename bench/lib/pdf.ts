// PDF export, ours against decktape's, on the same built deck. Ours is the project's own command, `npm run pdf`
// (scripts/pdf.ts, run as npm runs it, through tsx, with --no-build so only printing is timed); it writes the slides
// PDF and the handout PDF. decktape's `reveal` command prints the slides only, with its default one-second pause
// per slide, in Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/chromium/chromium.ts';
import { measure, must } from './run.ts';
import type { Served } from './serve.ts';

export interface PdfRun {
  seconds: number;
  /** Pages of each PDF written, by file name. */
  pages: Record<string, number>;
}

/** Pages in a PDF: pdfinfo when installed, else the largest /Count of a page tree in the file. */
export function countPages(file: string): number {
  try {
    const out = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const n = /^Pages:\s+(\d+)/m.exec(out)?.[1];
    if (n) return Number(n);
  } catch {
    // no pdfinfo: read the file
  }
  const text = readFileSync(file).toString('latin1');
  let max = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    max = Math.max(max, Number(m[1] ?? m[2]));
  }
  return max;
}

function pagesIn(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) out[f] = countPages(join(dir, f));
  return out;
}

function fresh(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function tsxCli(root: string): string {
  return join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
}

export function hasOurPdf(root: string): boolean {
  return existsSync(join(root, 'scripts', 'pdf.ts'));
}

/** `npm run pdf -- --no-build --dist <dist> --out <out>` for the talk in `talk` (DECK_TALK). */
export async function ourPdf(root: string, dist: string, out: string, talk?: string): Promise<PdfRun> {
  fresh(out);
  const env = { ...process.env, ...(talk ? { DECK_TALK: talk } : {}), CHROME_PATH: chromiumPath() };
  const m = must(
    'npm run pdf',
    await measure(process.execPath, [tsxCli(root), join(root, 'scripts', 'pdf.ts'), '--no-build', '--dist', dist, '--out', out], { cwd: root, env, timeoutMs: 6 * 3600_000 }),
  );
  return { seconds: m.seconds, pages: pagesIn(out) };
}

export function decktapeCli(): string {
  // The benchmark's peers live in a package of their own, installed on demand (scripts/ensure-bench-peers.mjs).
  const require = createRequire(new URL('../peer-tools/package.json', import.meta.url));
  return join(dirname(require.resolve('decktape/package.json')), 'decktape.js');
}

/** `decktape reveal <url> <out>/decktape.pdf` with Debian's Chromium and the same browser flags as ours. */
export async function decktapePdf(served: Served, out: string, extra: string[] = []): Promise<PdfRun> {
  fresh(out);
  const args = [
    decktapeCli(),
    'reveal',
    '--chrome-path',
    chromiumPath(),
    ...CHROMIUM_ARGS.map((a) => `--chrome-arg=${a}`),
    '--url-load-timeout',
    '600000',
    '--page-load-timeout',
    '600000',
    ...extra,
    `${served.url}index.html`,
    resolve(out, 'decktape.pdf'),
  ];
  const m = must('decktape', await measure(process.execPath, args, { env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' }, timeoutMs: 6 * 3600_000 }));
  return { seconds: m.seconds, pages: pagesIn(out) };
}
