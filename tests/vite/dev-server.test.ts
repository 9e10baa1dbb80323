// The dev server while someone edits: a mistake is reported, and the last good deck keeps being served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTalk } from '../data/talk-copy.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

const talk = copyTalk();
let dev: DevServer;

beforeAll(async () => {
  dev = await startDevServer({ talk: talk.root, live: false });
}, 60_000);

afterAll(async () => {
  await dev?.close();
  talk.remove();
});

describe('the dev server', () => {
  it('keeps serving the last good deck and reports the mistake in its overlay', async () => {
    {
      const good = await dev.page();
      expect(good).toContain('id="study-negahban-2013"');
      talk.edit('data/studies.yaml', (t) => t.replace('        p: 0.009', '        p: "p<.01"'));
      const after = await dev.page();
      expect(after).toBe(good);
      await new Promise((ok) => setTimeout(ok, 500));
      expect(dev.errors.join('\n')).toMatch(/studies\.yaml:\d+:12 {2}studies\[0\]\.results\[1\]\.p {2}expected a number such as 0\.001/);
    }
  });
});
