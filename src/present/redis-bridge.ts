// Several relay processes as one, through Redis (npm run present -- --redis redis://host:port): the presenter connects
// to one process, listeners to any. Each process publishes the presenter's moves it accepts (pub/sub) and keeps the
// last one for late joiners (a key); questions and what is done with them go into one Redis stream per call, which
// every process reads in order, so every presenter and moderator sees the same list with the same ids; each process
// tells the others how many listeners it holds, so the presenter hears the total and the cap holds across them all.
// Redis is an existing engine (ioredis, the Node client): nothing here is a home-made message bus.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { parseSlideState, type SlideState } from './protocol.ts';

/** A question entry as the stream carries it (the same entries a question book writes to its file). */
export type StreamEntry = Record<string, unknown>;

export interface BridgeOptions {
  url: string;
  /** What the keys are named after: the talk and the call, so two talks or two calls never mix. */
  namespace: string;
  /** Told when Redis goes away or comes back. */
  onStatus?: (up: boolean) => void;
  log?: (line: string) => void;
}

export interface Bridge {
  readonly id: string;
  /** The presenter's move accepted here: to every other process, and kept for late joiners. */
  publishState(state: SlideState): void;
  /** Moves accepted by another process. */
  onState(listener: (state: SlideState) => void): void;
  /** The last move any process accepted, for a process that starts late. */
  lastState(): Promise<SlideState | null>;
  /** A new question id, the same sequence for every process ("q12"). */
  nextQuestionId(): Promise<string>;
  /** Appends an entry to the call's stream; resolves once Redis has it (held while Redis is away). */
  append(entry: StreamEntry): Promise<void>;
  /** Every entry of the stream, from its start, in order, then each new one as it comes. */
  onEntry(listener: (entry: StreamEntry) => void): void;
  /** This process's listeners, every second; the total over the processes heard from in the last few seconds. */
  reportListeners(count: number): void;
  totalListeners(): number;
  isUp(): boolean;
  close(): Promise<void>;
}

const COUNT_FRESH_MS = 5000;

export async function connectBridge(options: BridgeOptions): Promise<Bridge> {
  const id = randomBytes(6).toString('hex');
  const log = options.log ?? (() => {});
  const ns = `deck:${options.namespace}`;
  const keys = { state: `${ns}:state`, moves: `${ns}:moves`, counts: `${ns}:counts`, stream: `${ns}:questions`, qid: `${ns}:qid` };
  // Three connections: commands, the subscriber (a subscribed connection takes no other commands), and the blocking
  // stream reader. Each reconnects by itself; commands sent meanwhile wait in ioredis's queue until it is back.
  const redisOptions = { lazyConnect: true, maxRetriesPerRequest: null, enableOfflineQueue: true, retryStrategy: (n: number) => Math.min(n * 200, 2000) };
  const cmd = new Redis(options.url, redisOptions);
  const sub = new Redis(options.url, redisOptions);
  const reader = new Redis(options.url, redisOptions);
  let up = false;
  let closing = false;
  const setUp = (value: boolean) => {
    if (value === up || closing) return;
    up = value;
    log(value ? 'Redis is reachable' : 'Redis cannot be reached: listeners on this process keep following what it hears');
    options.onStatus?.(value);
  };
  cmd.on('ready', () => setUp(true));
  cmd.on('end', () => setUp(false));
  cmd.on('close', () => setUp(false));
  for (const c of [cmd, sub, reader]) c.on('error', () => {});
  try {
    await Promise.all([cmd.connect(), sub.connect(), reader.connect()]);
  } catch (e) {
    for (const c of [cmd, sub, reader]) c.disconnect();
    throw new Error(`Redis at ${options.url} cannot be reached (${(e as Error).message}). Start it, or leave out --redis to run one process alone.`);
  }
  setUp(true);

  const stateListeners: ((s: SlideState) => void)[] = [];
  const entryListeners: ((e: StreamEntry) => void)[] = [];
  const counts = new Map<string, { count: number; at: number }>();
  await sub.subscribe(keys.moves, keys.counts);
  sub.on('message', (channel: string, text: string) => {
    let message: { from?: string; state?: unknown; count?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (message.from === id) return;
    if (channel === keys.moves && message.state && typeof message.state === 'object') {
      const state = parseSlideState(message.state as Record<string, unknown>);
      if (state) for (const l of stateListeners) l(state);
    } else if (channel === keys.counts && typeof message.from === 'string' && typeof message.count === 'number') {
      counts.set(message.from, { count: message.count, at: Date.now() });
    }
  });

  // The stream, read from its start and then as it grows; after a reconnect, from the last entry read.
  let lastId = '0';
  const readLoop = async () => {
    while (!closing) {
      try {
        const result = (await reader.xread('BLOCK', 1000, 'STREAMS', keys.stream, lastId)) as [string, [string, string[]][]][] | null;
        for (const [, entries] of result ?? []) {
          for (const [entryId, fields] of entries) {
            lastId = entryId;
            const at = fields.indexOf('entry');
            if (at < 0) continue;
            try {
              const entry = JSON.parse(fields[at + 1]!) as StreamEntry;
              for (const l of entryListeners) l(entry);
            } catch {
              log(`skipped a question entry that is not JSON (${entryId})`);
            }
          }
        }
      } catch {
        if (!closing) await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  void readLoop();

  return {
    id,
    publishState(state) {
      const text = JSON.stringify({ h: state.h, v: state.v, f: state.f });
      void cmd.set(keys.state, text).catch(() => {});
      void cmd.publish(keys.moves, JSON.stringify({ from: id, state: JSON.parse(text) })).catch(() => {});
    },
    onState: (l) => void stateListeners.push(l),
    async lastState() {
      const text = await cmd.get(keys.state);
      if (!text) return null;
      try {
        return parseSlideState(JSON.parse(text) as Record<string, unknown>);
      } catch {
        return null;
      }
    },
    async nextQuestionId() {
      return `q${await cmd.incr(keys.qid)}`;
    },
    async append(entry) {
      await cmd.xadd(keys.stream, '*', 'entry', JSON.stringify(entry));
    },
    onEntry: (l) => void entryListeners.push(l),
    reportListeners(count) {
      counts.set(id, { count, at: Date.now() });
      void cmd.publish(keys.counts, JSON.stringify({ from: id, count })).catch(() => {});
    },
    totalListeners() {
      const now = Date.now();
      let total = 0;
      for (const [from, c] of counts) {
        if (from !== id && now - c.at > COUNT_FRESH_MS) counts.delete(from);
        else total += c.count;
      }
      return total;
    },
    isUp: () => up,
    async close() {
      closing = true;
      await Promise.allSettled([cmd.quit(), sub.quit(), reader.quit()]);
      for (const c of [cmd, sub, reader]) c.disconnect();
    },
  };
}
