// The follow-along wire format, shared by the relay (Node) and the deck's page (browser): no Node imports here.
//
// Page → relay
//   {"type":"auth","token":"<presenter token>"}         once, first, from the presenter's page only
//   {"type":"state","h":3,"v":0,"f":-1}                 the presenter's slide (h, v) and fragment (f, or null)
//   {"type":"record","slide":"study-negahban-2013"}     presenter only, with --record: the slide on screen now, for
//                                                       the timeline (the first one starts its clock)
// Relay → presenter
//   {"type":"welcome","role":"presenter","listeners":12,"recording":"off"}  after a good token; recording is
//                                                       "off" (no --record), "ready" (not started) or "on"
//   {"type":"listeners","count":13}                      how many are following (at most once a second)
//   {"type":"recording","recording":"on"}                the timeline is being recorded (to every presenter)
// Relay → listener
//   {"type":"state","h":3,"v":0,"f":-1}                 only ever a presenter's state, parsed and written anew
//
//
// Questions (npm run present with questions on, the default)
//   page → relay   {"type":"ask","text":"…","name":"…"}          a listener's question (name optional)
//   relay → page   {"type":"askable","open":true,"keepDays":30}  on connecting: whether questions are taken
//   relay → page   {"type":"asked","ok":true}                    or "ok":false with "reason": off, rate, empty,
//                                                                long, control or store
//   page → relay   {"type":"question","id":"q3","action":"answered"}   presenter or moderator: answered, hidden,
//                                                                new, pick (the next one), merge (with "into")
//   relay → presenter and moderator   {"type":"questions","items":[…]}  every question, after each change
//   relay → moderator {"type":"welcome","role":"moderator",…}    after the moderator's token
//   Listeners never get anyone's questions.
//   relay → presenter {"type":"shared","up":false}              with several relay processes (--redis): the link
//                                                                between them is down, or back ("up":true)
//
// Anything else, or a field out of range, is malformed: the relay closes that one connection.

/** The path of the WebSocket, relative to the deck's page (so it works under any prefix a proxy adds). */
export const FOLLOW_PATH = 'follow';
/** The name of the <meta> the relay adds to the page it serves; its content is FOLLOW_PATH. */
export const FOLLOW_META = 'deck-follow';
/** The name under which the presenter's link carries the token, in its #fragment: …/#presenter=<token>. */
export const PRESENTER_PARAM = 'presenter';

/** Largest message either side accepts, in bytes (the relay's ws maxPayload): a question of 500 characters fits. */
export const MAX_MESSAGE_BYTES = 4096;
/** Largest message the relay sends a presenter or moderator: every question of the call. */
export const MAX_LIST_BYTES = 4 * 1024 * 1024;
/** Highest slide or fragment index accepted: far above any real deck, low enough to keep numbers small. */
export const MAX_INDEX = 9999;
/** Tokens are base64url; this bounds what is hashed and compared. */
export const MAX_TOKEN_LENGTH = 256;

/** WebSocket close codes the relay uses (4000–4999 are the application's own). */
export const CLOSE = {
  /** Malformed message: bad JSON, unknown type, a field out of range, a binary frame. */
  malformed: 4400,
  /** The presenter token did not match. */
  badToken: 4403,
  /** The page that opened the connection is not the deck's own (its Origin is another site). */
  foreignOrigin: 4401,
  /** Too many messages too fast. */
  rateLimited: 4429,
  /** The relay is full. */
  full: 4503,
  /** The listener could not keep up with what was sent. */
  tooSlow: 4408,
  /** The relay is shutting down. */
  goingAway: 1001,
} as const;

export interface SlideState {
  /** Horizontal slide index. */
  h: number;
  /** Vertical slide index. */
  v: number;
  /** Fragment index, -1 for none shown yet, or null when the slide has no fragments. */
  f: number | null;
}

export type QuestionActionName = 'answered' | 'hidden' | 'new' | 'pick' | 'merge';
const ACTIONS: readonly QuestionActionName[] = ['answered', 'hidden', 'new', 'pick', 'merge'];
const QUESTION_ID = /^q\d{1,6}$/;

export type ClientMessage =
  | { type: 'auth'; token: string }
  | ({ type: 'state' } & SlideState)
  | { type: 'record'; slide: string }
  | { type: 'ask'; text: string; name?: string }
  | { type: 'question'; id: string; action: QuestionActionName; into?: string };

/** A question as the presenter's and the moderator's pages get it. */
export interface QuestionItem {
  id: string;
  text: string;
  name?: string;
  at: string;
  slide: number | null;
  state: 'new' | 'answered' | 'hidden';
  mergedInto?: string;
  picked?: boolean;
}

export type AskReason = 'off' | 'rate' | 'empty' | 'long' | 'control' | 'store';

/** Whether the relay records the timeline: not asked for (no --record), asked for but not started, or running. */
export type RecordingState = 'off' | 'ready' | 'on';

export type PresenterMessage =
  | { type: 'welcome'; role: 'presenter' | 'moderator'; listeners: number; recording: RecordingState }
  /** Items as sent: the page that shows them reads each with parseQuestionItems (question-items.ts). */
  | { type: 'questions'; items: unknown[] }
  | { type: 'shared'; up: boolean }
  | { type: 'listeners'; count: number }
  | { type: 'recording'; recording: RecordingState };

/** A slide's id as the timeline records it: its HTML id, or Reveal's "h" or "h/v" for a slide without one. */
export const RECORD_SLIDE = /^[A-Za-z0-9][\w.:-]{0,199}$|^\d{1,4}(?:\/\d{1,4})?$/;

export type ListenerMessage =
  | ({ type: 'state' } & SlideState)
  | { type: 'askable'; open: boolean; keepDays: number }
  | { type: 'asked'; ok: true }
  | { type: 'asked'; ok: false; reason: AskReason };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= MAX_INDEX;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function hasOnly(value: Json, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k));
}

/** A slide state out of untrusted input, or null. Exactly h, v and f; nothing else is kept. */
export function parseSlideState(value: Json): SlideState | null {
  if (!isIndex(value.h, 0) || !isIndex(value.v, 0)) return null;
  const f = value.f === undefined ? null : value.f;
  if (f !== null && !isIndex(f, -1)) return null;
  return { h: value.h, v: value.v, f };
}

function parseJson(text: string, max = MAX_MESSAGE_BYTES): unknown {
  if (text.length > max) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What a page sent the relay, or null when it is malformed. */
export function parseClientMessage(text: string): ClientMessage | null {
  const value = parseJson(text);
  if (!isObject(value)) return null;
  if (value.type === 'auth') {
    if (!hasOnly(value, ['type', 'token'])) return null;
    if (typeof value.token !== 'string' || value.token.length === 0 || value.token.length > MAX_TOKEN_LENGTH) return null;
    return { type: 'auth', token: value.token };
  }
  if (value.type === 'state') {
    if (!hasOnly(value, ['type', 'h', 'v', 'f'])) return null;
    const state = parseSlideState(value);
    return state ? { type: 'state', ...state } : null;
  }
  if (value.type === 'record') {
    if (!hasOnly(value, ['type', 'slide'])) return null;
    return typeof value.slide === 'string' && RECORD_SLIDE.test(value.slide) ? { type: 'record', slide: value.slide } : null;
  }
  if (value.type === 'ask') {
    // The words are checked by the relay (src/present/questions.ts), which answers with what is wrong.
    if (!hasOnly(value, ['type', 'text', 'name'])) return null;
    if (typeof value.text !== 'string' || (value.name !== undefined && typeof value.name !== 'string')) return null;
    return { type: 'ask', text: value.text, ...(typeof value.name === 'string' ? { name: value.name } : {}) };
  }
  if (value.type === 'question') {
    if (!hasOnly(value, ['type', 'id', 'action', 'into'])) return null;
    if (typeof value.id !== 'string' || !QUESTION_ID.test(value.id) || !ACTIONS.includes(value.action as QuestionActionName)) return null;
    if (value.action === 'merge' ? typeof value.into !== 'string' || !QUESTION_ID.test(value.into) : value.into !== undefined) return null;
    return { type: 'question', id: value.id, action: value.action as QuestionActionName, ...(value.action === 'merge' ? { into: value.into as string } : {}) };
  }
  return null;
}

const ASK_REASONS: readonly AskReason[] = ['off', 'rate', 'empty', 'long', 'control', 'store'];

function isRecordingState(value: unknown): value is RecordingState {
  return value === 'off' || value === 'ready' || value === 'on';
}

/** What the relay sent a page, or null when it is not something the page understands. */
export function parseServerMessage(text: string): ListenerMessage | PresenterMessage | null {
  const value = parseJson(text, MAX_LIST_BYTES);
  if (!isObject(value)) return null;
  if (value.type === 'questions' && Array.isArray(value.items)) return { type: 'questions', items: value.items };
  if (value.type === 'shared' && typeof value.up === 'boolean') return { type: 'shared', up: value.up };
  if (value.type === 'askable' && typeof value.open === 'boolean') {
    return { type: 'askable', open: value.open, keepDays: isCount(value.keepDays) ? value.keepDays : 30 };
  }
  if (value.type === 'asked') {
    if (value.ok === true) return { type: 'asked', ok: true };
    return ASK_REASONS.includes(value.reason as AskReason) ? { type: 'asked', ok: false, reason: value.reason as AskReason } : null;
  }
  if (value.type === 'state') {
    const state = parseSlideState(value);
    return state ? { type: 'state', ...state } : null;
  }
  if (value.type === 'welcome' && (value.role === 'presenter' || value.role === 'moderator') && isCount(value.listeners)) {
    // A relay from before the timeline existed says nothing about recording: off.
    return { type: 'welcome', role: value.role, listeners: value.listeners, recording: isRecordingState(value.recording) ? value.recording : 'off' };
  }
  if (value.type === 'recording' && isRecordingState(value.recording)) {
    return { type: 'recording', recording: value.recording };
  }
  if (value.type === 'listeners' && isCount(value.count)) {
    return { type: 'listeners', count: value.count };
  }
  return null;
}

/** The one form in which a slide state is ever written: fixed keys, fixed order, numbers only. */
export function stateMessage(state: SlideState): string {
  return JSON.stringify({ type: 'state', h: state.h, v: state.v, f: state.f });
}

export function authMessage(token: string): string {
  return JSON.stringify({ type: 'auth', token });
}

export function sameState(a: SlideState | null, b: SlideState | null): boolean {
  return !!a && !!b && a.h === b.h && a.v === b.v && a.f === b.f;
}

export function askMessage(text: string, name?: string): string {
  return JSON.stringify({ type: 'ask', text, ...(name ? { name } : {}) });
}

export function questionActionMessage(id: string, action: QuestionActionName, into?: string): string {
  return JSON.stringify({ type: 'question', id, action, ...(action === 'merge' && into ? { into } : {}) });
}

export function recordMessage(slide: string): string {
  return JSON.stringify({ type: 'record', slide });
}
