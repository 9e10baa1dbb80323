// The build with a broken talk: every problem reported, nothing written, the last good build kept.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyTalk } from '../data/talk-copy.ts';
import { buildDeckInto } from '../support/project.ts';

const talk = copyTalk();
const out = mkdtempSync(join(tmpdir(), 'deck-out-'));
afterAll(() => {
  talk.remove();
  rmSync(out, { recursive: true, force: true });
});

async function buildCopy(): Promise<void> {
  await buildDeckInto(out, talk.root, 'silent');
}

describe('vite build of a broken talk', () => {
  it('fails with every problem, and leaves the previous build in place', async () => {
    await buildCopy();
    const good = readFileSync(join(out, 'index.html'), 'utf8');
    expect(good).toContain('id="study-negahban-2013"');

    talk.edit('data/talk.yaml', (t) => t.replace('lengthMinutes: 30', 'lengthMinutes: thirty'));
    talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: "p<.01"'));
    const error = await buildCopy().then(
      () => undefined,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(error).toBeDefined();
    expect(error).toMatch(/talk\.yaml:\d+:\d+ {2}lengthMinutes {2}expected a number, found "thirty"/);
    expect(error).toMatch(/studies\.yaml:\d+:12 {2}studies\[0\]\.results\[1\]\.p {2}expected a number such as 0\.001, found "p<\.01"/);
    expect(error).toContain(`the last build in ${out}/ is unchanged. Fix them and run "npm run build -- --talk ${talk.root}" again.`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(good);
  }, 120_000);
});
