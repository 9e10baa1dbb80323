// Listeners' questions during a call: checked (plain text, at most 500 characters, no control characters), kept in
// the order they arrived with what the speaker or the moderator did with each (answered, hidden, picked as next,
// merged into another), and written to disk as they come: one file per call, beside the private notes
// (dist-private/questions/, readable by its owner only, never in dist/), so a relay that stops and starts again has
// them all. Files older than the chapter's number of days are deleted. Nothing here ever reaches a listener.
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { QuestionActionName } from './protocol.ts';

export const MAX_QUESTION_CHARS = 500;
export const MAX_NAME_CHARS = 60;
export const DEFAULT_KEEP_DAYS = 30;

export type QuestionState = 'new' | 'answered' | 'hidden';

export interface Question {
  id: string;
  text: string;
  name?: string;
  /** When it arrived (ISO 8601). */
  at: string;
  /** The slide on screen when it was asked, as listeners hear it ("slide 7"), or null before the talk began. */
  slide: number | null;
  state: QuestionState;
  /** The question it was merged into, as a duplicate. */
  mergedInto?: string;
  /** The moderator's pick: the one the speaker takes next. */
  picked?: boolean;
}

/** What is done with a question: the wire format's own list (protocol.ts). */
export type QuestionAction = QuestionActionName;

export type AskProblem = 'empty' | 'long' | 'control';

/** A question and name as sent, or what is wrong with them. White space at the ends goes; markup stays text. */
export function checkQuestion(text: unknown, name: unknown): { text: string; name?: string } | { problem: AskProblem } {
  if (typeof text !== 'string' || (name !== undefined && typeof name !== 'string')) return { problem: 'empty' };
  const t = text.replace(/\r\n?/g, '\n').trim();
  const n = typeof name === 'string' ? name.trim() : '';
  if (!t) return { problem: 'empty' };
  if ([...t].length > MAX_QUESTION_CHARS || [...n].length > MAX_NAME_CHARS) return { problem: 'long' };
  // Control characters (a line break in the question aside), and the invisible ones that reorder text.
  if (/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(t) || /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(n)) return { problem: 'control' };
  return n ? { text: t, name: n } : { text: t };
}

export type Entry = { op: 'ask'; q: Question } | { op: 'act'; id: string; action: QuestionAction; into?: string };

/**
 * The questions of one call. With a file, every change is appended to it as it happens, and read back on start.
 * With several relay processes (Redis), the call's stream is the record: the book starts empty (`fresh`), takes each
 * entry as the stream gives it, and its file is this process's copy.
 */
export class QuestionBook {
  private readonly questions: Question[] = [];
  private readonly byId = new Map<string, Question>();

  constructor(
    readonly file?: string,
    { fresh = false }: { fresh?: boolean } = {},
  ) {
    if (file && fresh && existsSync(file)) rmSync(file);
    if (file && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.apply(JSON.parse(line) as Entry);
        } catch {
          // A line cut short by a crash is the last one: what came before stands.
        }
      }
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  list(): Question[] {
    return this.questions.map((q) => ({ ...q }));
  }

  /** A new question's entry (not yet kept): its id is the next of this book's, or the one given. */
  askEntry(question: { text: string; name?: string }, slide: number | null, now = new Date(), id = `q${this.questions.length + 1}`): Entry {
    return { op: 'ask', q: { id, text: question.text, ...(question.name ? { name: question.name } : {}), at: now.toISOString(), slide, state: 'new' } };
  }

  /** What is done with a question, as an entry; null when there is no such question (or a merge into itself). */
  actEntry(id: string, action: QuestionAction, into?: string): Entry | null {
    if (!this.byId.has(id)) return null;
    if (action === 'merge' && (!into || into === id || !this.byId.has(into))) return null;
    return { op: 'act', id, action, ...(action === 'merge' ? { into } : {}) };
  }

  /** Keeps an entry: written to the file, then applied. */
  commit(entry: Entry): void {
    if (entry.op === 'ask' && this.byId.has(entry.q.id)) return;
    this.write(entry);
    this.apply(entry);
  }

  add(question: { text: string; name?: string }, slide: number | null, now = new Date()): Question {
    const entry = this.askEntry(question, slide, now) as Extract<Entry, { op: 'ask' }>;
    this.commit(entry);
    return { ...entry.q };
  }

  /** Marks a question; false when there is no such question (or a merge into itself or an unknown one). */
  act(id: string, action: QuestionAction, into?: string): boolean {
    const entry = this.actEntry(id, action, into);
    if (!entry) return false;
    this.commit(entry);
    return true;
  }

  private apply(entry: Entry): void {
    if (entry.op === 'ask') {
      if (this.byId.has(entry.q.id)) return;
      this.questions.push(entry.q);
      this.byId.set(entry.q.id, entry.q);
      return;
    }
    const q = this.byId.get(entry.id);
    if (!q) return;
    if (entry.action === 'pick') {
      // One pick at a time: the speaker's next.
      for (const other of this.questions) delete other.picked;
      q.picked = true;
    } else if (entry.action === 'merge' && entry.into) {
      q.mergedInto = entry.into;
      q.state = 'hidden';
      delete q.picked;
    } else {
      q.state = entry.action as QuestionState;
      if (entry.action !== 'new') delete q.picked;
      if (entry.action === 'new') delete q.mergedInto;
    }
  }

  private write(entry: Entry): void {
    if (!this.file) return;
    // The folder and the file are the owner's alone: a question is often health information.
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    chmodSync(this.file, 0o600);
  }
}

/** The folder of a talk's questions: beside the private notes, never in dist/. */
export function questionsDir(privateDir: string): string {
  return join(privateDir, 'questions');
}

/** A call's name as a file name: its date by default (2026-12-06), or the name given, in safe letters. */
export function callFile(dir: string, call: string): string {
  if (!/^[A-Za-z0-9][\w.-]{0,79}$/.test(call)) throw new Error(`--call must be a short name of letters, digits, "-", "_" or ".", such as 2026-12-06, not "${call}"`);
  return join(dir, `${call}.jsonl`);
}

export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Deletes the question files (and their exports) last written more than `keepDays` days ago; returns their names. */
export function deleteOldQuestions(dir: string, keepDays: number, now = Date.now()): string[] {
  if (!existsSync(dir)) return [];
  const gone: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!/\.(jsonl|json|txt)$/.test(name)) continue;
    const path = join(dir, name);
    if (now - statSync(path).mtimeMs > keepDays * 86_400_000) {
      rmSync(path, { force: true });
      gone.push(name);
    }
  }
  return gone;
}

/** The call's questions as text and JSON for the chapter, beside the call's file (mode 600 too). */
export function exportQuestions(file: string, title?: string): { text: string; json: string } {
  const book = new QuestionBook(file);
  const list = book.list();
  const base = file.replace(/\.jsonl$/, '');
  const lines = [title ? `Questions: ${title}` : 'Questions', `${list.length} question${list.length === 1 ? '' : 's'}`, ''];
  for (const q of list) {
    lines.push(`${q.id}  ${q.at}${q.slide ? `  slide ${q.slide}` : ''}  ${q.state}${q.mergedInto ? ` (same as ${q.mergedInto})` : ''}${q.name ? `  ${q.name}` : ''}`);
    lines.push(...q.text.split('\n').map((l) => `    ${l}`), '');
  }
  writeFileSync(`${base}.txt`, `${lines.join('\n')}\n`, { mode: 0o600 });
  writeFileSync(`${base}.json`, `${JSON.stringify(list, null, 2)}\n`, { mode: 0o600 });
  return { text: `${base}.txt`, json: `${base}.json` };
}
