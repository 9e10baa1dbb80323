// Follow along live. Active only on a page served by `npm run present`, which adds <meta name="deck-follow">;
// anywhere else (npm start, a static host, the single file) this module does nothing and asks for nothing.
//
// The presenter's page (opened with #presenter=<token>) sends each slide and fragment change to the relay.
// A listener's page follows, or browses freely: one key (L) and one button switch between the two. A status line
// (aria-live) says what is going on; when the relay cannot be reached the deck goes on as a normal deck.
import '../styles/follow.css';
import {
  CLOSE,
  FOLLOW_META,
  PRESENTER_PARAM,
  authMessage,
  parseServerMessage,
  recordMessage,
  sameState,
  stateMessage,
  type RecordingState,
  type SlideState,
} from '../present/protocol.ts';
import { FOLLOW_KEY, RECORD_KEY } from '../locale/browser-keys.ts';
import { say } from './deck-words.ts';
import { keyHelp } from './key-help.ts';
import { loadSpeakerOnlyNotes } from './speaker-only-notes.ts';

/** The parts of Reveal's API this module uses. */
interface RevealApi {
  isReady(): boolean;
  on(type: string, listener: (event: Event) => void): void;
  getIndices(): { h?: number; v?: number; f?: number };
  getCurrentSlide(): HTMLElement | undefined;
  setState(state: { indexh: number; indexv: number; indexf?: number }): void;
  addKeyBinding(binding: { keyCode: number; key: string; description: string }, callback: () => void): void;
  layout(): void;
  isScrollView?(): boolean;
}

const TOKEN_KEY = 'deck-follow-presenter-token';
/** The presenter's page sends at most one state per this many ms (the last one always goes). */
const SEND_INTERVAL_MS = 50;
/** Reconnect back-off: base, doubling, capped, with jitter. */
const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 10_000;
/** In Reveal's scroll view (narrow screens) following scrolls, and its slide events come later: events this soon
 *  after following the speaker are the page's own, not the listener's. */
const SETTLE_MS = 600;
/** The key code of FOLLOW_KEY (L). */
const KEY_L = 76;
/** The key code of RECORD_KEY (R). */
const KEY_R = 82;

type Role = 'presenter' | 'listener';
type Mode = 'follow' | 'browse';
type Link = 'connecting' | 'open' | 'down';

start();

function start() {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${FOLLOW_META}"]`);
  if (!meta || !meta.content) return;
  // Not in the speaker view's previews, nor in Reveal's print view.
  if (window.self !== window.top || /(?:^|[?&])(receiver|print-pdf)(?:[=&]|$)/i.test(location.search)) return;
  const token = takeToken();
  const ui = makeBar(token ? 'presenter' : 'listener');
  whenRevealReady((deck) => new Follow(deck, meta.content, token, ui).start());
}

/**
 * The presenter's token: from the link's #presenter=… (then taken out of the address bar, which may be on the
 * shared screen, before Reveal reads the address), or from this tab's storage after a reload.
 */
function takeToken(): string | null {
  const match = new RegExp(`^#${PRESENTER_PARAM}=([A-Za-z0-9_-]{1,256})$`).exec(location.hash);
  if (match) {
    const token = match[1]!;
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage may be off; the token then lasts as long as the page.
    }
    return token;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function forgetToken() {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing kept
  }
}

/** main.ts makes window.Reveal after its imports run; wait for it, then for Reveal to be ready. */
function whenRevealReady(run: (deck: RevealApi) => void) {
  const check = () => {
    const deck = (window as unknown as { Reveal?: RevealApi }).Reveal;
    if (!deck || typeof deck.on !== 'function') return void setTimeout(check, 20);
    if (deck.isReady()) run(deck);
    else deck.on('ready', () => run(deck));
  };
  queueMicrotask(check);
}

interface Bar {
  root: HTMLElement;
  toggle: HTMLButtonElement | null;
  toggleState: HTMLElement | null;
  status: HTMLElement;
  count: HTMLElement;
  /** The presenter's "Start recording the timeline" (shown only when npm run present was given --record). */
  record: HTMLButtonElement | null;
}

/** The bar above the slides: it takes its own room, so it never covers a slide or the slide number. */
function makeBar(role: Role): Bar {
  const root = document.createElement('div');
  root.className = 'follow-bar';
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', say('follow.region'));

  let toggle: HTMLButtonElement | null = null;
  let toggleState: HTMLElement | null = null;
  if (role === 'listener') {
    toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'follow-toggle';
    toggle.setAttribute('aria-pressed', 'true');
    toggle.setAttribute('aria-keyshortcuts', FOLLOW_KEY);
    const label = document.createElement('span');
    label.textContent = say('follow.toggle');
    toggleState = document.createElement('span');
    toggleState.className = 'follow-toggle-state';
    toggleState.setAttribute('aria-hidden', 'true');
    toggleState.textContent = say('follow.on');
    toggle.append(label, ' ', toggleState);
    root.append(toggle);
  }

  const status = document.createElement('p');
  status.className = 'follow-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.textContent = say(role === 'presenter' ? 'follow.connectingPresenter' : 'follow.connectingListener');
  const count = document.createElement('p');
  count.className = 'follow-count';
  let record: HTMLButtonElement | null = null;
  if (role === 'presenter') {
    record = document.createElement('button');
    record.type = 'button';
    record.className = 'follow-toggle follow-record';
    record.setAttribute('aria-keyshortcuts', RECORD_KEY);
    record.textContent = say('follow.recordStart');
    record.hidden = true;
    root.append(record);
  }
  root.append(status, count);

  document.body.prepend(root);
  document.body.classList.add('follow-on');
  return { root, toggle, toggleState, status, count, record };
}

function stateOf(deck: RevealApi): SlideState {
  const { h, v, f } = deck.getIndices();
  return { h: h ?? 0, v: v ?? 0, f: typeof f === 'number' && f >= -1 ? f : null };
}

class Follow {
  private role: Role;
  private mode: Mode = 'follow';
  private link: Link = 'connecting';
  private ws: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: number | undefined;
  /** The speaker's latest state, as the relay sent it. */
  private speaker: SlideState | null = null;
  private applying = false;
  private appliedAt = -Infinity;
  /** Presenter: what went out last, when, and a send waiting for its turn. */
  private lastSent: SlideState | null = null;
  private lastSentAt = -Infinity;
  private sendTimer: number | undefined;
  private note = '';
  /** The timeline (npm run present --record): off, ready to start, or being recorded. */
  private recording: RecordingState = 'off';
  private lastMarked: string | null = null;
  /** The bar's height can change (fonts, a narrow window wrapping the text): Reveal then sizes the slides again. */
  private readonly resized = new ResizeObserver(() => {
    document.body.style.setProperty('--follow-bar-height', `${this.bar.root.offsetHeight}px`);
    this.deck.layout();
  });

  constructor(
    private readonly deck: RevealApi,
    private readonly path: string,
    private token: string | null,
    private readonly bar: Bar,
  ) {
    this.role = token ? 'presenter' : 'listener';
  }

  start() {
    const onChange = () => this.onSlideEvent();
    for (const type of ['slidechanged', 'fragmentshown', 'fragmenthidden']) this.deck.on(type, onChange);
    if (this.role === 'listener') this.listenerControls();
    else this.presenterControls();
    this.resized.observe(this.bar.root);
    // A phone that loses its network, or wakes a tab it had put to sleep, should not wait for the next retry.
    addEventListener('online', () => this.reconnectNow());
    addEventListener('offline', () => this.ws?.close());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    });
    this.connect();
    this.render();
  }

  private listenerControls() {
    this.deck.addKeyBinding({ keyCode: KEY_L, key: FOLLOW_KEY, description: keyHelp('follow.keyHelp') }, () => this.toggleMode());
    const toggle = this.bar.toggle;
    if (!toggle) return;
    toggle.addEventListener('click', (event) => {
      this.toggleMode();
      // After a mouse click, give the keys back to the slides (Space would otherwise press the button again).
      if (event.detail > 0) toggle.blur();
    });
    // Space and Enter press the button; they must not also move the slides.
    toggle.addEventListener('keydown', (event) => {
      if (event.key === ' ' || event.key === 'Enter') event.stopPropagation();
    });
  }

  private presenterControls() {
    this.deck.addKeyBinding({ keyCode: KEY_R, key: RECORD_KEY, description: keyHelp('follow.recordKeyHelp') }, () => this.startRecording());
    const record = this.bar.record;
    if (!record) return;
    record.addEventListener('click', (event) => {
      this.startRecording();
      if (event.detail > 0) record.blur();
    });
    record.addEventListener('keydown', (event) => {
      if (event.key === ' ' || event.key === 'Enter') event.stopPropagation();
    });
  }

  /** The first mark starts the relay's clock; it answers with "recording": "on". */
  private startRecording() {
    if (this.role !== 'presenter' || this.recording !== 'ready') return;
    this.lastMarked = null;
    this.mark();
  }

  /** Tells the relay which slide is on screen, for the timeline (one cue per slide, fragments do not count). */
  private mark() {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const { h, v } = stateOf(this.deck);
    const id = this.deck.getCurrentSlide()?.id || (v ? `${h}/${v}` : String(h));
    if (id === this.lastMarked) return;
    ws.send(recordMessage(id));
    this.lastMarked = id;
  }

  // ---- connection ------------------------------------------------------------------------------------------

  private connect() {
    clearTimeout(this.retryTimer);
    const url = new URL(this.path, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = '';
    url.hash = '';
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
    } catch {
      this.link = 'down';
      this.render();
      this.retryLater();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      // A listener is live now; a presenter once the relay has accepted its token (the welcome).
      if (this.role === 'presenter' && this.token) {
        this.link = 'connecting';
        ws.send(authMessage(this.token));
      } else {
        this.link = 'open';
      }
      this.render();
    };
    ws.onmessage = (event) => {
      if (this.ws !== ws || typeof event.data !== 'string') return;
      this.onMessage(event.data);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.link = 'down';
      this.bar.count.textContent = '';
      if (event.code === CLOSE.badToken && this.role === 'presenter') {
        // The relay was restarted with a new token: this page can still follow, as a listener.
        this.becomeListener();
        this.connect();
        return;
      }
      this.render();
      this.retryLater();
    };
  }

  private retryLater() {
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt = Math.min(this.attempt + 1, 10);
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  private reconnectNow() {
    if (this.ws) return;
    this.attempt = 0;
    this.connect();
  }

  private onMessage(text: string) {
    const message = parseServerMessage(text);
    if (!message) return;
    if (message.type === 'welcome' && this.role === 'presenter') {
      this.link = 'open';
      // The secret is good: the notes held back for the speaker alone can be asked for with it.
      if (this.token) void loadSpeakerOnlyNotes(this.token);
      this.recording = message.recording;
      this.lastMarked = null;
      // The relay came back while recording: it hears the slide on screen again (the same slide adds no cue).
      if (this.recording === 'on') this.mark();
      this.bar.count.textContent = listenersText(message.listeners);
      this.lastSent = null;
      this.sendNow();
      this.render();
    } else if (message.type === 'recording' && this.role === 'presenter') {
      this.recording = message.recording;
      this.render();
    } else if (message.type === 'listeners' && this.role === 'presenter') {
      this.bar.count.textContent = listenersText(message.count);
    } else if (message.type === 'state' && this.role === 'listener') {
      const first = this.speaker === null;
      this.speaker = { h: message.h, v: message.v, f: message.f };
      if (this.mode === 'follow') this.apply(this.speaker);
      if (first) this.render();
    }
  }

  private becomeListener() {
    this.role = 'listener';
    this.token = null;
    forgetToken();
    this.bar.root.remove();
    Object.assign(this.bar, makeBar('listener'));
    this.resized.observe(this.bar.root);
    this.listenerControls();
    this.note = say('follow.presenterLinkInvalid');
  }

  // ---- presenter ---------------------------------------------------------------------------------------------

  private onSlideEvent() {
    if (this.role === 'presenter') {
      if (this.recording === 'on') this.mark();
      return this.scheduleSend();
    }
    // A listener who moves while following has chosen to browse.
    if (this.applying || this.mode !== 'follow' || !this.speaker) return;
    if (this.deck.isScrollView?.() && performance.now() - this.appliedAt < SETTLE_MS) return;
    if (sameState(stateOf(this.deck), this.speaker)) return;
    this.setMode('browse');
  }

  private scheduleSend() {
    if (this.sendTimer !== undefined) return;
    const wait = this.lastSentAt + SEND_INTERVAL_MS - performance.now();
    if (wait <= 0) return this.sendNow();
    this.sendTimer = window.setTimeout(() => {
      this.sendTimer = undefined;
      this.sendNow();
    }, wait);
  }

  private sendNow() {
    const ws = this.ws;
    if (this.role !== 'presenter' || !ws || ws.readyState !== WebSocket.OPEN) return;
    const state = stateOf(this.deck);
    if (sameState(state, this.lastSent)) return;
    ws.send(stateMessage(state));
    this.lastSent = state;
    this.lastSentAt = performance.now();
  }

  // ---- listener ----------------------------------------------------------------------------------------------

  private apply(state: SlideState) {
    if (sameState(stateOf(this.deck), state)) return;
    this.applying = true;
    try {
      this.deck.setState({ indexh: state.h, indexv: state.v, ...(state.f === null ? {} : { indexf: state.f }) });
    } finally {
      this.applying = false;
      this.appliedAt = performance.now();
    }
  }

  private toggleMode() {
    this.setMode(this.mode === 'follow' ? 'browse' : 'follow');
  }

  private setMode(mode: Mode) {
    this.mode = mode;
    this.note = '';
    if (mode === 'follow' && this.speaker) this.apply(this.speaker);
    this.render();
  }

  // ---- what the bar says ---------------------------------------------------------------------------------------

  private render() {
    const { toggle, toggleState, status } = this.bar;
    if (toggle && toggleState) {
      toggle.setAttribute('aria-pressed', String(this.mode === 'follow'));
      toggleState.textContent = say(this.mode === 'follow' ? 'follow.on' : 'follow.off');
    }
    document.body.dataset.follow = this.role === 'presenter' ? 'presenter' : this.mode;
    document.body.dataset.followLink = this.link;
    if (this.bar.record) this.bar.record.hidden = !(this.role === 'presenter' && this.recording === 'ready' && this.link === 'open');
    const text = [this.note, this.statusText()].filter(Boolean).join(' ');
    if (status.textContent !== text) status.textContent = text;
  }

  private statusText(): string {
    if (this.role === 'presenter') {
      if (this.link === 'open') return this.recording === 'on' ? `${say('follow.presenting')} ${say('follow.recording')}` : say('follow.presenting');
      if (this.link === 'connecting') return say('follow.connectingPresenter');
      return say('follow.presenterLost');
    }
    if (this.mode === 'browse') {
      const base = say('follow.browsing', { key: FOLLOW_KEY });
      return this.link === 'down' ? `${base} ${say('follow.browsingDown')}` : base;
    }
    if (this.link === 'down') return say('follow.paused');
    if (this.link === 'connecting') return say('follow.connectingListener');
    if (!this.speaker) return say('follow.waiting');
    return say('follow.following', { key: FOLLOW_KEY });
  }
}

function listenersText(count: number): string {
  return say('follow.listeners', { count });
}
