// Keeps the number of requests each way of opening the deck made, for the closing note of a change:
// one JSON file per way, in .tmp/share-requests/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './build.ts';

export function recordRequests(how: string, urls: string[]): void {
  const dir = resolve(ROOT, '.tmp', 'share-requests');
  mkdirSync(dir, { recursive: true });
  const shown = urls.map((u) => (u.startsWith('data:') ? `${u.slice(0, 40)}…` : u));
  writeFileSync(resolve(dir, `${how.replace(/[^a-z0-9]+/gi, '-')}.json`), `${JSON.stringify({ how, count: urls.length, urls: shown }, null, 2)}\n`);
}
