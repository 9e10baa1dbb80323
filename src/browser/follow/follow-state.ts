// What following means: the presenter's page sends each slide and fragment change (at most one every 50 ms, the last
// always) and, while recording, marks each slide for the timeline; a listener's page follows the speaker, or browses
// freely (one key, L, and one button switch between the two). The bar's status line says what is going on.
import {
  CLOSE,
  authMessage,
  parseServerMessage,
  recordMessage,
  sameState,
  stateMessage,
  type RecordingState,
  type SlideState,
} from '../../present/protocol.ts';
import { FOLLOW_KEY, QUESTIONS_KEY, RECORD_KEY } from '../../locale/browser-keys.ts';
import type { AskForm, QuestionsPanel } from './questions-ui.ts';
import { say } from '../deck-words.ts';
import { keyHelp } from '../key-help.ts';
import { loadSpeakerOnlyNotes } from '../speaker-only-notes.ts';
import { makeBar, onPress, type Bar, type Role } from './follow-bar.ts';
import { LiveLink } from './live-link.ts';
import { forgetToken } from './presenter-token.ts';

/** The parts of Reveal's API following uses. */
export interface FollowDeck {
  on(type: string, listener: (event: Event) => void): void;
  getIndices(): { h?: number; v?: number; f?: number };
  getCurrentSlide(): HTMLElement | undefined;
  setState(state: { indexh: number; indexv: number; indexf?: number }): void;
  addKeyBinding(binding: { keyCode: number; key: string; description: string }, callback: () => void): void;
  layout(): void;
  isScrollView?(): boolean;
}

/** The presenter's page sends at most one state per this many ms (the last one always goes). */
const SEND_INTERVAL_MS = 50;
/** In Reveal's scroll view (narrow screens) following scrolls, and its slide events come later: events this soon
 *  after following the speaker are the page's own, not the listener's. */
const SETTLE_MS = 600;
/** The key codes of FOLLOW_KEY (L) and RECORD_KEY (R). */
const KEY_L = 76;
const KEY_R = 82;
const KEY_Q = 81;

type Mode = 'follow' | 'browse';
type Link = 'connecting' | 'open' | 'down';

function stateOf(deck: FollowDeck): SlideState {
  const { h, v, f } = deck.getIndices();
  return { h: h ?? 0, v: v ?? 0, f: typeof f === 'number' && f >= -1 ? f : null };
}

export class Follow {
  private role: Role;
  private mode: Mode = 'follow';
  private link: Link = 'connecting';
  private readonly live: LiveLink;
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
  /** A listener's question form (when the relay takes questions); the presenter's or moderator's list of them. */
  private ask: AskForm | null = null;
  private panel: QuestionsPanel | null = null;
  /** This page's secret is the moderator's: it follows like a listener and sorts the questions. */
  private moderator = false;
  /** The bar's height can change (fonts, a narrow window wrapping the text): Reveal then sizes the slides again. */
  private readonly resized = new ResizeObserver(() => {
    document.body.style.setProperty('--follow-bar-height', `${this.bar.root.offsetHeight}px`);
    this.deck.layout();
  });

  constructor(
    private readonly deck: FollowDeck,
    path: string,
    private token: string | null,
    private readonly bar: Bar,
  ) {
    this.role = token ? 'presenter' : 'listener';
    this.live = new LiveLink(path, {
      open: (ws) => this.onOpen(ws),
      message: (text) => this.onMessage(text),
      close: (code) => this.onClose(code),
      failed: () => {
        this.link = 'down';
        this.render();
      },
    });
  }

  start() {
    const onChange = () => this.onSlideEvent();
    for (const type of ['slidechanged', 'fragmentshown', 'fragmenthidden']) this.deck.on(type, onChange);
    if (this.role === 'listener') this.listenerControls();
    else this.presenterControls();
    this.resized.observe(this.bar.root);
    this.live.start();
    this.render();
  }

  private listenerControls() {
    this.deck.addKeyBinding({ keyCode: KEY_L, key: FOLLOW_KEY, description: keyHelp('follow.keyHelp') }, () => this.toggleMode());
    if (this.bar.toggle) onPress(this.bar.toggle, () => this.toggleMode());
    this.ask = null;
  }

  /** The question form's code comes only to a page whose relay takes questions (a chunk of its own). */
  private async askForm(): Promise<AskForm> {
    if (this.ask) return this.ask;
    const { AskForm } = await import('./questions-ui.ts');
    this.ask ??= new AskForm(this.bar.root, () => this.live.socket, (text) => {
      this.note = text;
      this.render();
    });
    return this.ask;
  }

  private presenterControls() {
    this.deck.addKeyBinding({ keyCode: KEY_R, key: RECORD_KEY, description: keyHelp('follow.recordKeyHelp') }, () => this.startRecording());
    if (this.bar.record) onPress(this.bar.record, () => this.startRecording());
  }

  /** The list of questions, for the presenter or the moderator, once the relay sends the first; Q shows it. */
  private async questionsPanel(items: Parameters<QuestionsPanel['update']>[0]) {
    if (!this.panel) {
      const { QuestionsPanel } = await import('./questions-ui.ts');
      if (!this.panel) {
        this.panel = new QuestionsPanel(this.bar.root, this.moderator ? 'moderator' : 'presenter', () => this.live.socket);
        this.deck.addKeyBinding({ keyCode: KEY_Q, key: QUESTIONS_KEY, description: keyHelp('follow.questionsKeyHelp') }, () => this.panel?.toggle());
      }
    }
    this.panel.update(items);
  }

  /** The first mark starts the relay's clock; it answers with "recording": "on". */
  private startRecording() {
    if (this.role !== 'presenter' || this.recording !== 'ready') return;
    this.lastMarked = null;
    this.mark();
  }

  /** Tells the relay which slide is on screen, for the timeline (one cue per slide, fragments do not count). */
  private mark() {
    const ws = this.live.socket;
    if (!ws) return;
    const { h, v } = stateOf(this.deck);
    const id = this.deck.getCurrentSlide()?.id || (v ? `${h}/${v}` : String(h));
    if (id === this.lastMarked) return;
    ws.send(recordMessage(id));
    this.lastMarked = id;
  }

  // ---- the relay's side ----------------------------------------------------------------------------------------

  private onOpen(ws: WebSocket) {
    // A listener is live now; a presenter once the relay has accepted its token (the welcome).
    if (this.role === 'presenter' && this.token) {
      this.link = 'connecting';
      ws.send(authMessage(this.token));
    } else {
      this.link = 'open';
      // The moderator follows as a listener, and proves its secret again on each connection.
      if (this.moderator && this.token) ws.send(authMessage(this.token));
    }
    this.render();
  }

  private onClose(code: number): 'now' | 'later' {
    this.link = 'down';
    this.bar.count.textContent = '';
    if (code === CLOSE.badToken && this.role === 'presenter') {
      // The relay was restarted with a new token: this page can still follow, as a listener.
      this.becomeListener();
      return 'now';
    }
    this.render();
    return 'later';
  }

  private onMessage(text: string) {
    const message = parseServerMessage(text);
    if (!message) return;
    if (message.type === 'welcome' && message.role === 'moderator' && this.token) {
      if (!this.moderator) {
        this.moderator = true;
        this.role = 'listener';
        this.bar.root.remove();
        Object.assign(this.bar, makeBar('listener'));
        this.resized.observe(this.bar.root);
        this.deck.addKeyBinding({ keyCode: KEY_L, key: FOLLOW_KEY, description: keyHelp('follow.keyHelp') }, () => this.toggleMode());
        if (this.bar.toggle) onPress(this.bar.toggle, () => this.toggleMode());
        // Said once the questions' code (and its words) is here.
        void import('./questions-ui.ts').then(() => {
          this.note = say('follow.moderating');
          this.render();
        });
      }
      this.link = 'open';
      this.render();
    } else if (message.type === 'shared' && this.role === 'presenter') {
      // Several relay processes: listeners on the others do not get the slides while their link is down.
      this.note = message.up ? '' : say('follow.sharedDown');
      this.render();
    } else if (message.type === 'questions' && (this.role === 'presenter' || this.moderator)) {
      void this.questionsPanel(message.items);
    } else if (message.type === 'askable' && this.role === 'listener' && !this.moderator) {
      if (message.open) void this.askForm().then((form) => form.open_(message.keepDays));
    } else if (message.type === 'asked') {
      this.ask?.answered(message.ok, message.ok ? undefined : message.reason);
    } else if (message.type === 'welcome' && this.role === 'presenter') {
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
    this.panel?.remove();
    this.panel = null;
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
    // The open questions go with the slide on screen, for the speaker view.
    this.panel?.toSpeakerView();
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
    const ws = this.live.socket;
    if (this.role !== 'presenter' || !ws) return;
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
