// Keeps the number of requests each way of opening the deck made, for the closing note (.tmp/share-requests.json).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './build.ts';

export function recordRequests(how: string, urls: string[]): void {
  const file = resolve(ROOT, '.tmp', 'share-requests.json');
  mkdirSync(resolve(ROOT, '.tmp'), { recursive: true });
  const all: Record<string, { count: number; urls: string[] }> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  all[how] = { count: urls.length, urls: urls.map((u) => (u.startsWith('data:') ? `${u.slice(0, 40)}…` : u)) };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}
