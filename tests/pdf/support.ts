// What the PDF tests share: running `npm run pdf`'s script, and reading PDFs back with poppler-utils
// (pdftotext, pdfinfo, pdffonts, pdftohtml), which scripts/ensure-chromium.mjs installs with Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { unwrap } from '../../src/html/escape.ts';
import type { TimedSlide } from '../../src/layout/slide.ts';

export { ROOT } from '../support/project.ts';
import { ROOT } from '../support/project.ts';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/pdf.ts as `npm run pdf` does, with these arguments and extra environment. */
export function runPdfScript(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const run = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), ['scripts/pdf.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new Error(`${tool} is missing: apt-get install -y poppler-utils (npm test's pretest does it)`);
    throw new Error(`${tool} ${args.join(' ')} failed: ${err.stderr ?? err.message}`);
  }
}

/** The text of each page, as pdftotext reads it (reading order, one string per page). */
export function pageTexts(file: string): string[] {
  const pages = poppler('pdftotext', ['-q', '-enc', 'UTF-8', file, '-']).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** pdfinfo's fields: Pages, Page size, Tagged, Title… */
export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of poppler('pdfinfo', [file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

export function pageSize(file: string): { width: number; height: number } {
  const m = /([\d.]+) x ([\d.]+) pts/.exec(pdfInfo(file)['Page size'] ?? '');
  if (!m) throw new Error(`no page size for ${file}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Link annotations: each with its page (1-based) and address, from `pdfinfo -url`. */
export function linkAnnotations(file: string): Array<{ page: number; url: string }> {
  return poppler('pdfinfo', ['-url', file])
    .split('\n')
    .map((l) => /^\s*(\d+)\s+Annotation\s+(\S+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ page: Number(m[1]), url: m[2]! }));
}

/** The outline (bookmarks), from `pdftohtml -xml`: each entry's title and page, and how deep it is. */
export function outline(file: string): Array<{ title: string; page: number; depth: number }> {
  const xml = poppler('pdftohtml', ['-q', '-xml', '-i', '-stdout', file]);
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const out: Array<{ title: string; page: number; depth: number }> = [];
  let depth = 0;
  for (const m of xml.slice(start).matchAll(/<outline>|<\/outline>|<item page="(\d+)">([\s\S]*?)<\/item>/g)) {
    if (m[0] === '<outline>') depth++;
    else if (m[0] === '</outline>') {
      if (--depth === 0) break;
    } else out.push({ page: Number(m[1]), title: xmlText(m[2]!), depth });
  }
  return out;
}

/** Fonts and whether each is embedded, from pdffonts. */
export function fonts(file: string): Array<{ name: string; embedded: boolean }> {
  return poppler('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name … emb sub uni objectId gen: emb is the fifth column from the end.
      return { name: cols[0]!, embedded: cols.at(-5) === 'yes' };
    });
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word on every page with its box (points from the top left), from `pdftotext -bbox`. */
export function pageWords(file: string): Array<{ width: number; height: number; words: Word[] }> {
  const html = poppler('pdftotext', ['-q', '-bbox', '-enc', 'UTF-8', file, '-']);
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3]!.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: xmlText(w[5]!),
    })),
  }));
}

function xmlText(s: string): string {
  return s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Runs of white space as one space: text as a reader sees it, whatever the line breaks. */
export const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** No white space at all: for text that a line may break anywhere (long addresses). */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** The text of HTML as a browser shows it: tags dropped (block ends as spaces), entities decoded. */
export function htmlText(html: string): string {
  return flat(
    html
      .replace(/<(caption|span|p|div)\b[^>]*class="visually-hidden"[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<svg\b[\s\S]*?<\/svg>/g, ' ')
      .replace(/<br\s*\/?>|<span\b/g, (m) => (m.startsWith('<span') ? ' <span' : ' '))
      // Block ends, and span ends too: a grid of spans (a result's direction, then its text) reads as words apart.
      .replace(/<\/(p|li|h[1-6]|dt|dd|td|th|figcaption|blockquote|div|tr|span)>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&amp;/g, '&'),
  );
}

/** The text of each block of HTML (paragraph, list item, heading, cell, caption), in order, empty ones left out. */
export function htmlBlocks(html: string): string[] {
  const cleaned = html
    .replace(/<(caption|span|p|div)\b[^>]*class="visually-hidden"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<svg\b[\s\S]*?<\/svg>/g, ' ');
  return cleaned
    .split(/<\/?(?:p|li|h[1-6]|dt|dd|td|th|figcaption|blockquote|ul|ol|dl|tr|table|figure)\b[^>]*>/)
    .map(htmlText)
    .filter(Boolean);
}

/**
 * Text compared without white space or hyphens: a text extractor joins a word broken at a hyphen at the end of a
 * line ("science-" / "minded" reads "scienceminded"), and a long address may break anywhere.
 */
export function loose(s: string): string {
  return squash(s).replace(/[-\u00ad\u2010]/g, '');
}

/** A word compared without the punctuation around it, case left as is. */
export function token(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

export interface CutOff {
  slide: string;
  page: number;
  /** Words drawn past the page's edge. */
  outside: string[];
  /** Words of the slide that are not on its page at all. */
  missing: string[];
  /** The slide's last line, when it is not on its page. */
  lastLine?: string;
}

/**
 * What of each slide a slides PDF (one slide per page, in order) does not show: words past the page's edge,
 * words of the slide not on its page, and its last line when that is not on the page.
 */
export function cutOff(file: string, slides: readonly TimedSlide[]): CutOff[] {
  const pages = pageWords(file);
  const texts = pageTexts(file);
  const problems: CutOff[] = [];
  slides.forEach((s, i) => {
    const { width, height, words } = pages[i] ?? { width: 0, height: 0, words: [] };
    const outside = words.filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > width || w.yMax > height).map((w) => w.text);
    const onPage = new Set(words.map((w) => token(w.text)));
    const pageLoose = loose(texts[i] ?? '');
    const missing = htmlText(unwrap(s.body))
      .split(' ')
      .map(token)
      .filter((t) => t && !onPage.has(t) && !pageLoose.includes(loose(t)));
    const last = htmlBlocks(unwrap(s.body)).at(-1) ?? '';
    const lastLine = pageLoose.includes(loose(last)) ? undefined : last;
    if (outside.length || missing.length || lastLine) problems.push({ slide: s.id, page: i + 1, outside, missing, ...(lastLine ? { lastLine } : {}) });
  });
  return problems;
}
