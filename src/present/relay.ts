// The follow-along relay: a WebSocket hub. Every page that connects is a listener; a page that sends the
// presenter's token becomes a presenter. A presenter's slide state is parsed, checked and written anew, then sent
// to every listener; a listener who joins late gets the last one at once. Listeners' messages move nothing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE, MAX_MESSAGE_BYTES, parseClientMessage, sameState, stateMessage, type AskReason, type RecordingState, type SlideState } from './protocol.ts';
import { checkQuestion, DEFAULT_KEEP_DAYS, type Entry, type QuestionBook } from './questions.ts';
import type { Bridge } from './redis-bridge.ts';

export interface RelayOptions {
  /** The presenter's secret. */
  token: string;
  /** Most connections at once; more are turned away with HTTP 503. Default 5000. */
  maxConnections?: number;
  /**
   * Most connections at once from one client address; more are turned away with HTTP 429, so that one client
   * cannot take every place. Default 50 (a household, or an office behind one address, stays well under it).
   */
  maxPerAddress?: number;
  /** The address a connection counts under; default the socket's remote address. */
  addressOf?: (request: IncomingMessage) => string;
  /** Whether the page asking may connect; one that may not is closed with CLOSE.foreignOrigin. Default: any. */
  allowOrigin?: (request: IncomingMessage) => boolean;
  /** Messages a connection may send: a burst, then so many a second. Default 60 then 30/s. */
  rate?: { burst: number; perSecond: number };
  /** How often the relay pings each page to find dead connections, in ms. Default 30 000. */
  heartbeatMs?: number;
  /** A listener with more than this many bytes not yet sent is dropped (it reconnects and catches up). */
  maxBufferedBytes?: number;
  /** Presenters hear how many are listening at most this often, in ms. Default 1000. */
  listenerCountMs?: number;
  /** Told about connections closed for cause; default: nothing. */
  log?: (line: string) => void;
  /** With --record: takes the presenter's slide ids for the timeline (src/present/record.ts). */
  recorder?: { state(): 'ready' | 'on'; mark(slide: string): void };
  /** Listeners' questions: where they are kept, or undefined when the presenter turned them off. */
  questions?: QuestionBook;
  /** Days the chapter keeps questions, said on the listener's form. */
  keepDays?: number;
  /** The moderator's secret (a co-host who sorts the questions), if there is one. */
  moderatorToken?: string;
  /** Questions one connection may ask: a burst, then one each so many seconds. Default 3, then one each 20 s. */
  askRate?: { burst: number; everySeconds: number };
  /** The same for one client address (a household, an office). Default 10, then one each 10 s. */
  askRatePerAddress?: { burst: number; everySeconds: number };
  /** Several relay processes as one, through Redis (src/present/redis-bridge.ts). */
  bridge?: Bridge;
  /** With a bridge: the last move any process accepted, for late joiners here. */
  initialState?: SlideState | null;
}

export interface RelayStats {
  listeners: number;
  presenters: number;
  /** The presenter's last state, which a late joiner gets. */
  state: SlideState | null;
  /** Presenter states accepted. */
  accepted: number;
  /** Messages sent to listeners. */
  sent: number;
  /** Connections closed for a malformed message, a wrong token or too many messages. */
  closedForCause: number;
  /** Connections from a foreign page, refused. */
  refused: number;
  /** Connections counted against the caps that are not listeners: being opened, or a foreign page's until closed. */
  held: number;
}

export interface Relay {
  /** Tells the presenters whether the link between relay processes (Redis) is up. */
  sharedStatus(up: boolean): void;
  /** Hands an HTTP upgrade request that is for the relay over to it. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  stats(): RelayStats;
  /** Closes every connection (1001, going away) and stops the relay. */
  close(): Promise<void>;
}

/** A constant-time check of a candidate token: both sides are hashed first, so the buffers are always equal length. */
export function tokenMatcher(token: string): (candidate: string) => boolean {
  const expected = createHash('sha256').update(token, 'utf8').digest();
  return (candidate) => timingSafeEqual(createHash('sha256').update(candidate, 'utf8').digest(), expected);
}

interface Peer {
  ws: WebSocket;
  role: 'listener' | 'presenter' | 'moderator';
  /** Questions this connection may still ask now (a token bucket). */
  asks: Bucket;
  /** The client address it counts under, for the per-address cap. */
  address: string;
  /** Token bucket for the rate limit. */
  allowance: number;
  lastRefill: number;
  alive: boolean;
}

/** A token bucket: so many at once, then one each `everySeconds`. */
interface Bucket {
  allowance: number;
  at: number;
}

function takeFrom(bucket: Bucket, rate: { burst: number; everySeconds: number }, now = performance.now()): boolean {
  bucket.allowance = Math.min(rate.burst, bucket.allowance + (now - bucket.at) / 1000 / rate.everySeconds);
  bucket.at = now;
  if (bucket.allowance < 1) return false;
  bucket.allowance -= 1;
  return true;
}

export function createRelay(options: RelayOptions): Relay {
  const matches = tokenMatcher(options.token);
  const moderatorMatches = options.moderatorToken ? tokenMatcher(options.moderatorToken) : () => false;
  const book = options.questions;
  const askRate = options.askRate ?? { burst: 3, everySeconds: 20 };
  const askRatePerAddress = options.askRatePerAddress ?? { burst: 10, everySeconds: 10 };
  /** Question buckets per client address; an address with a full bucket again is forgotten. */
  const askBuckets = new Map<string, Bucket>();
  const maxConnections = options.maxConnections ?? 5000;
  const maxPerAddress = options.maxPerAddress ?? 50;
  const addressOf = options.addressOf ?? ((request: IncomingMessage) => request.socket.remoteAddress ?? 'unknown');
  const allowOrigin = options.allowOrigin ?? (() => true);
  /** Open connections per client address. */
  const perAddress = new Map<string, number>();
  /** Connections not yet listeners (being opened) or never to be (a foreign page's, until it is closed). */
  const holding = new Map<string, number>();
  let holdingTotal = 0;
  let refused = 0;
  /** Counts one held connection of `address`; the function returned ends the hold, once, however often called. */
  const hold = (address: string) => {
    holding.set(address, (holding.get(address) ?? 0) + 1);
    holdingTotal++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      holdingTotal--;
      const left = (holding.get(address) ?? 1) - 1;
      if (left > 0) holding.set(address, left);
      else holding.delete(address);
    };
  };
  const rate = options.rate ?? { burst: 60, perSecond: 30 };
  const maxBuffered = options.maxBufferedBytes ?? 256 * 1024;
  const listenerCountMs = options.listenerCountMs ?? 1000;
  const log = options.log ?? (() => {});
  const recorder = options.recorder;
  const recording = (): RecordingState => recorder?.state() ?? 'off';

  // No compression (small messages, and no compression-based attacks); the size cap is enforced by ws itself,
  // which closes the connection with 1009 when a frame is larger.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false, clientTracking: false });
  const peers = new Set<Peer>();
  const listeners = new Set<Peer>();
  const presenters = new Set<Peer>();
  const moderators = new Set<Peer>();
  let state: SlideState | null = options.initialState ?? null;
  let stateText: string | null = state ? stateMessage(state) : null;
  const bridge = options.bridge;
  let accepted = 0;
  let sent = 0;
  let closedForCause = 0;
  let countTimer: NodeJS.Timeout | null = null;
  let closing = false;

  const heartbeat = setInterval(() => {
    for (const peer of peers) {
      if (!peer.alive) {
        peer.ws.terminate();
        continue;
      }
      peer.alive = false;
      peer.ws.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  function closeFor(peer: Peer, code: number, reason: string) {
    closedForCause++;
    log(`closed a ${peer.role} connection: ${reason}`);
    peer.ws.close(code, reason);
    // Whatever it sends from now on is not read; if it does not answer the close, it is cut off.
    setTimeout(() => peer.ws.terminate(), 2000).unref();
    forget(peer);
  }

  function forget(peer: Peer) {
    if (!peers.delete(peer)) return;
    const left = (perAddress.get(peer.address) ?? 1) - 1;
    if (left > 0) perAddress.set(peer.address, left);
    else perAddress.delete(peer.address);
    if (listeners.delete(peer)) countChanged();
    presenters.delete(peer);
    moderators.delete(peer);
  }

  /** Every question, to the presenters and the moderators (never to a listener). */
  function questionsChanged() {
    if (!book) return;
    const text = JSON.stringify({ type: 'questions', items: book.list() });
    for (const p of [...presenters, ...moderators]) if (p.ws.readyState === p.ws.OPEN) p.ws.send(text);
  }

  function ask(peer: Peer, text: string, name: string | undefined) {
    const answer = (reason?: AskReason) => peer.ws.readyState === peer.ws.OPEN && peer.ws.send(JSON.stringify(reason ? { type: 'asked', ok: false, reason } : { type: 'asked', ok: true }));
    if (!book) return answer('off');
    const checked = checkQuestion(text, name);
    if ('problem' in checked) return answer(checked.problem);
    const byAddress = askBuckets.get(peer.address) ?? { allowance: askRatePerAddress.burst, at: performance.now() };
    askBuckets.set(peer.address, byAddress);
    if (!takeFrom(peer.asks, askRate) || !takeFrom(byAddress, askRatePerAddress)) return answer('rate');
    const slide = state ? state.h + 1 : null;
    if (bridge) {
      // Through the call's stream: answered once Redis has it (held while Redis is away); every process's book,
      // this one's included, takes it from the stream.
      void (async () => {
        try {
          // An id no question here has (a Redis started afresh counts from 1 again).
          let id = await bridge.nextQuestionId();
          while (book.has(id)) id = await bridge.nextQuestionId();
          await bridge.append(book.askEntry(checked, slide, new Date(), id));
          answer();
        } catch (e) {
          log(`could not keep a question: ${(e as Error).message}`);
          answer('store');
        }
      })();
      return;
    }
    try {
      book.add(checked, slide);
    } catch (e) {
      // Not kept (the disk is full, say): the listener is told, rather than thinking it arrived.
      log(`could not keep a question: ${(e as Error).message}`);
      return answer('store');
    }
    answer();
    questionsChanged();
  }

  if (bridge && book) {
    bridge.onEntry((entry) => {
      try {
        book.commit(entry as Entry);
      } catch (e) {
        log(`could not keep a question here: ${(e as Error).message}`);
      }
      questionsChanged();
    });
  }
  // Moves accepted by another process reach this process's listeners (never its presenters).
  bridge?.onState((next) => {
    if (sameState(state, next)) return;
    state = next;
    stateText = stateMessage(next);
    for (const listener of listeners) send(listener, stateText);
  });
  let lastTotal = -1;
  const shareCounts = bridge
    ? setInterval(() => {
        bridge.reportListeners(listeners.size);
        const total = bridge.totalListeners();
        if (total === lastTotal || closing) return;
        lastTotal = total;
        const text = JSON.stringify({ type: 'listeners', count: total });
        for (const p of presenters) if (p.ws.readyState === p.ws.OPEN) p.ws.send(text);
      }, listenerCountMs)
    : null;
  shareCounts?.unref();

  function send(peer: Peer, text: string) {
    if (peer.ws.readyState !== peer.ws.OPEN) return;
    if (peer.ws.bufferedAmount > maxBuffered) {
      closedForCause++;
      log('dropped a listener that could not keep up');
      peer.ws.close(CLOSE.tooSlow, 'too slow');
      peer.ws.terminate();
      forget(peer);
      return;
    }
    peer.ws.send(text);
    sent++;
  }

  function countChanged() {
    if (countTimer || closing || presenters.size === 0) return;
    countTimer = setTimeout(() => {
      countTimer = null;
      const text = JSON.stringify({ type: 'listeners', count: listeners.size });
      for (const p of presenters) if (p.ws.readyState === p.ws.OPEN) p.ws.send(text);
    }, listenerCountMs);
    countTimer.unref();
  }

  /** Token bucket: true while the connection is within its allowance. */
  function withinRate(peer: Peer): boolean {
    const now = performance.now();
    peer.allowance = Math.min(rate.burst, peer.allowance + ((now - peer.lastRefill) / 1000) * rate.perSecond);
    peer.lastRefill = now;
    if (peer.allowance < 1) return false;
    peer.allowance -= 1;
    return true;
  }

  function onMessage(peer: Peer, data: RawData, isBinary: boolean) {
    if (!peers.has(peer)) return;
    if (!withinRate(peer)) return closeFor(peer, CLOSE.rateLimited, 'too many messages');
    if (isBinary) return closeFor(peer, CLOSE.malformed, 'binary message');
    const text = (Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
    const message = parseClientMessage(text);
    if (!message) return closeFor(peer, CLOSE.malformed, 'malformed message');

    if (message.type === 'auth') {
      if (peer.role !== 'listener') return;
      if (moderatorMatches(message.token)) {
        // The moderator follows the speaker like a listener, and sorts the questions.
        peer.role = 'moderator';
        moderators.add(peer);
        peer.ws.send(JSON.stringify({ type: 'welcome', role: 'moderator', listeners: listeners.size, recording: recording() }));
        if (book) peer.ws.send(JSON.stringify({ type: 'questions', items: book.list() }));
        return;
      }
      if (!matches(message.token)) return closeFor(peer, CLOSE.badToken, 'wrong presenter token');
      peer.role = 'presenter';
      listeners.delete(peer);
      presenters.add(peer);
      peer.ws.send(JSON.stringify({ type: 'welcome', role: 'presenter', listeners: bridge ? Math.max(listeners.size, bridge.totalListeners()) : listeners.size, recording: recording() }));
      if (bridge && !bridge.isUp()) peer.ws.send(JSON.stringify({ type: 'shared', up: false }));
      if (book) peer.ws.send(JSON.stringify({ type: 'questions', items: book.list() }));
      countChanged();
      return;
    }

    if (message.type === 'ask') return ask(peer, message.text, message.name);
    if (message.type === 'question') {
      if (peer.role === 'listener' || !book) return;
      if (bridge) {
        const entry = book.actEntry(message.id, message.action, message.into);
        if (entry) void bridge.append(entry).catch((e: Error) => log(`could not keep a question's state: ${e.message}`));
        return;
      }
      if (book.act(message.id, message.action, message.into)) questionsChanged();
      return;
    }

    // A state or a timeline mark: only a presenter's counts; a listener's is ignored.
    if (peer.role !== 'presenter') return;
    if (message.type === 'record') {
      if (!recorder) return;
      const before = recorder.state();
      recorder.mark(message.slide);
      if (before !== recorder.state()) {
        const text = JSON.stringify({ type: 'recording', recording: recorder.state() });
        for (const p of presenters) if (p.ws.readyState === p.ws.OPEN) p.ws.send(text);
      }
      return;
    }
    if (message.type !== 'state') return;
    const next = { h: message.h, v: message.v, f: message.f };
    accepted++;
    if (sameState(state, next)) return;
    state = next;
    stateText = stateMessage(next);
    for (const listener of listeners) send(listener, stateText);
    bridge?.publishState(next);
  }

  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const address = addressOf(request);
    const peer: Peer = { ws, role: 'listener', address, allowance: rate.burst, lastRefill: performance.now(), alive: true, asks: { allowance: askRate.burst, at: performance.now() } };
    peers.add(peer);
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    listeners.add(peer);
    countChanged();
    ws.on('pong', () => {
      peer.alive = true;
      if (!withinRate(peer)) closeFor(peer, CLOSE.rateLimited, 'too many pongs');
    });
    // ws answers each ping by itself: without this, pings would be free messages with no limit.
    ws.on('ping', () => {
      if (peers.has(peer) && !withinRate(peer)) closeFor(peer, CLOSE.rateLimited, 'too many pings');
    });
    ws.on('message', (data, isBinary) => onMessage(peer, data, isBinary));
    ws.on('close', () => forget(peer));
    // Too-large frames and protocol errors end up here; ws closes that connection itself.
    ws.on('error', (error) => {
      closedForCause++;
      log(`closed a ${peer.role} connection: ${error.message}`);
      forget(peer);
    });
    // A late joiner lands on the presenter's current slide, and learns whether questions are taken.
    if (stateText) send(peer, stateText);
    // Said only when they are: a relay with questions off sends a listener nothing but slides.
    if (book) peer.ws.send(JSON.stringify({ type: 'askable', open: true, keepDays: options.keepDays ?? DEFAULT_KEEP_DAYS }));
  });

  /** Redis went away or came back: the presenters are told (listeners here keep following what this process hears). */
  function sharedStatus(up: boolean) {
    const text = JSON.stringify({ type: 'shared', up });
    for (const p of presenters) if (p.ws.readyState === p.ws.OPEN) p.ws.send(text);
  }

  return {
    sharedStatus,
    handleUpgrade(request, socket, head) {
      const address = addressOf(request);
      // Connections being opened, and foreign pages' connections held open only to be closed, count against both
      // caps as listeners do: a burst of them (or 300 from another site) cannot get round either.
      // With several processes, the listeners the others hold count too.
      const elsewhere = bridge ? Math.max(0, bridge.totalListeners() - listeners.size) : 0;
      if (closing || peers.size + holdingTotal + elsewhere >= maxConnections) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      if ((perAddress.get(address) ?? 0) + (holding.get(address) ?? 0) >= maxPerAddress) {
        socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const release = hold(address);
      if (!allowOrigin(request)) {
        // Accepted only to be closed with a code the page can read (a refused upgrade shows it nothing); it never
        // counts as a listener and hears nothing.
        log(`refused a connection from the page at ${String(request.headers.origin).slice(0, 100)}`);
        refused++;
        wss.handleUpgrade(request, socket, head, (ws) => {
          ws.on('error', () => {});
          ws.once('close', release);
          ws.close(CLOSE.foreignOrigin, 'not the deck\'s own page');
          setTimeout(() => ws.terminate(), 2000).unref();
        });
        socket.once('close', release);
        return;
      }
      socket.once('close', release);
      wss.handleUpgrade(request, socket, head, (ws) => {
        release();
        wss.emit('connection', ws, request);
      });
    },
    stats() {
      return { listeners: listeners.size, presenters: presenters.size, state, accepted, sent, closedForCause, refused, held: holdingTotal };
    },
    close() {
      closing = true;
      clearInterval(heartbeat);
      if (shareCounts) clearInterval(shareCounts);
      if (countTimer) clearTimeout(countTimer);
      for (const peer of peers) peer.ws.close(CLOSE.goingAway, 'relay stopping');
      const all = [...peers].map((p) => p.ws);
      peers.clear();
      listeners.clear();
      presenters.clear();
      moderators.clear();
      return new Promise<void>((resolve) => {
        const done = setTimeout(() => {
          for (const ws of all) ws.terminate();
          resolve();
        }, 1000);
        done.unref();
        let open = all.filter((ws) => ws.readyState !== ws.CLOSED).length;
        if (open === 0) {
          clearTimeout(done);
          resolve();
          return;
        }
        for (const ws of all)
          ws.once('close', () => {
            if (--open === 0) {
              clearTimeout(done);
              resolve();
            }
          });
      }).then(() => new Promise<void>((resolve) => wss.close(() => resolve())));
    },
  };
}
