// The dev server holds the talk to its sources too: a mistyped figure shows in its error overlay with the same
// message as npm run check, the last good deck is kept, and the fix (in the data or in the source) is picked up.
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

describe('the dev server and the sources', () => {
  it('reports a figure its source does not give, keeps the last good deck, and takes the fix', async () => {
    const good = await dev.page();
    expect(good).toContain('mean change 2.75 points');
    talk.edit('data/studies.yaml', (t) => t.replace('change: 2.75', 'change: 2.57'));
    expect(await dev.page()).toBe(good);
    await new Promise((ok) => setTimeout(ok, 500));
    expect(dev.errors.join('\n')).toMatch(/studies\.yaml:\d+:17 {2}studies\[0\]\.results\[0\]\.change {2}2\.57 is not in \S*sources\/blog-post\.txt in its passage/);
    // The source says 2.57 after all (say the speaker corrected a typo in it): the deck follows.
    talk.edit('sources/blog-post.txt', (t) => t.replace('mean change 2.75 points', 'mean change 2.57 points'));
    talk.edit('data/studies.yaml', (t) => t.replace('passage: pain reduction (mean change 2.75 points', 'passage: pain reduction (mean change 2.57 points'));
    // A takeaway rests on the same words: its passage follows too.
    talk.edit('data/takeaways.yaml', (t) => t.replace('pain reduction (mean change 2.75 points', 'pain reduction (mean change 2.57 points'));
    expect(await dev.page()).toContain('mean change 2.57 points');
  });
});
