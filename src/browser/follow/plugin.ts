// Follow along live, as a Reveal plugin like the deck's others. Active only on a page served by `npm run present`,
// which adds <meta name="deck-follow">; anywhere else (npm start, a static host, the single file) it does nothing and
// asks for nothing. When the relay cannot be reached the deck goes on as a normal deck.
import '../../styles/follow.css';
import { FOLLOW_META } from '../../present/protocol.ts';
import { makeBar } from './follow-bar.ts';
import { Follow, type FollowDeck } from './follow-state.ts';
import { takeToken } from './presenter-token.ts';

export class FollowAlong {
  readonly id = 'follow-along';
  private readonly path: string | null;
  private readonly token: string | null = null;

  /** Made before Reveal starts, so the presenter's secret leaves the address bar before Reveal reads the address. */
  constructor() {
    const meta = document.querySelector<HTMLMetaElement>(`meta[name="${FOLLOW_META}"]`);
    // Not in the speaker view's previews, nor in Reveal's print view.
    const inFrameOrPrint = window.self !== window.top || /(?:^|[?&])(receiver|print-pdf)(?:[=&]|$)/i.test(location.search);
    this.path = meta?.content && !inFrameOrPrint ? meta.content : null;
    if (this.path) this.token = takeToken();
  }

  init(deck: FollowDeck & { isReady(): boolean }): void {
    const path = this.path;
    if (!path) return;
    const bar = makeBar(this.token ? 'presenter' : 'listener');
    const run = () => new Follow(deck, path, this.token, bar).start();
    if (deck.isReady()) run();
    else deck.on('ready', run);
  }

  /** The speaker view asks for the deck's config (plugins included) as JSON: this plugin holds the page itself. */
  toJSON(): { id: string } {
    return { id: this.id };
  }
}
