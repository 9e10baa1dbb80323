// Listeners' questions through the relay, with real sockets on 127.0.0.1 (issue 27): a listener asks, the presenter
// and the moderator hear it with the slide it was asked on, no listener ever hears another's; markup stays text;
// too many, too long, control characters and questions turned off are refused with a reason; the book on disk
// (mode 600) gives the same questions and states to a relay started again; old calls are deleted; export.
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askMessage, questionActionMessage, type QuestionItem } from '../../src/present/protocol.ts';
import { QuestionBook, callFile, checkQuestion, deleteOldQuestions, exportQuestions } from '../../src/present/questions.ts';
import type { PresentServer } from '../../src/present/server.ts';
import { connect, presenter, sleep, startRelay, waitUntil, type Client } from './support.ts';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
const MODERATOR = 'moderator-token-0123456789abcdefghijklmnopqrstu';

const open: PresentServer[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function relay(book: QuestionBook | undefined, extra: Record<string, unknown> = {}) {
  const s = await startRelay({ token: TOKEN, relay: { ...(book ? { questions: book } : {}), moderatorToken: MODERATOR, keepDays: 14, ...extra } });
  open.push(s);
  return s;
}
const track = (c: Client) => (clients.push(c), c);
const listener = async (base: string) => track(await connect(base));
const asked = (c: Client) => c.messages.filter((m) => m.includes('"asked"')).map((m) => JSON.parse(m) as { ok: boolean; reason?: string });
const latestList = (c: Client): QuestionItem[] => {
  const last = [...c.messages].reverse().find((m) => m.includes('"questions"'));
  return last ? (JSON.parse(last) as { items: QuestionItem[] }).items : [];
};

describe('questions from listeners', () => {
  it('reach the presenter and the moderator with the slide on screen, never another listener', async () => {
    const s = await relay(new QuestionBook());
    const p = track(await presenter(s.baseUrl, TOKEN));
    p.sendState({ h: 6, v: 0, f: null });
    const a = await listener(s.baseUrl);
    const b = await listener(s.baseUrl);
    const m = track(await connect(s.baseUrl));
    m.send(JSON.stringify({ type: 'auth', token: MODERATOR }));
    await waitUntil(() => m.messages.some((x) => x.includes('"role":"moderator"')));
    // Listeners learn that questions are taken, and for how long they are kept.
    await waitUntil(() => a.messages.some((x) => x.includes('"askable"')));
    expect(JSON.parse(a.messages.find((x) => x.includes('"askable"'))!)).toEqual({ type: 'askable', open: true, keepDays: 14 });
    a.send(askMessage('Does <b>massage</b> help with fatigue?', 'Ann'));
    await waitUntil(() => asked(a).length === 1);
    expect(asked(a)).toEqual([{ type: 'asked', ok: true }]);
    await waitUntil(() => latestList(p).length === 1 && latestList(m).length === 1);
    expect(latestList(p)[0]).toMatchObject({ id: 'q1', text: 'Does <b>massage</b> help with fatigue?', name: 'Ann', slide: 7, state: 'new' });
    await sleep(100);
    expect(b.messages.filter((x) => x.includes('massage'))).toEqual([]);
    expect(a.messages.filter((x) => x.includes('"questions"'))).toEqual([]);
  });

  it('lets the moderator pick and merge, the presenter mark answered; a listener can do neither', async () => {
    const s = await relay(new QuestionBook());
    const p = track(await presenter(s.baseUrl, TOKEN));
    const l = await listener(s.baseUrl);
    l.send(askMessage('First question?'));
    await waitUntil(() => asked(l).length === 1);
    const l2 = await listener(s.baseUrl);
    l2.send(askMessage('First question, again?'));
    await waitUntil(() => latestList(p).length === 2);
    l.send(questionActionMessage('q1', 'hidden'));
    await sleep(100);
    expect(latestList(p).map((q) => q.state)).toEqual(['new', 'new']);
    const m = track(await connect(s.baseUrl));
    m.send(JSON.stringify({ type: 'auth', token: MODERATOR }));
    await waitUntil(() => m.messages.some((x) => x.includes('"questions"')));
    m.send(questionActionMessage('q2', 'merge', 'q1'));
    m.send(questionActionMessage('q1', 'pick'));
    await waitUntil(() => latestList(p)[0]?.picked === true && latestList(p)[1]?.mergedInto === 'q1');
    p.send(questionActionMessage('q1', 'answered'));
    await waitUntil(() => latestList(m)[0]?.state === 'answered');
    expect(latestList(m)[0]!.picked).toBeUndefined();
  });

  it('refuses too many, too long, empty, control characters, and all when turned off, saying why', async () => {
    const s = await relay(new QuestionBook(), { askRate: { burst: 3, everySeconds: 60 } });
    const l = await listener(s.baseUrl);
    for (let i = 0; i < 10; i++) l.send(askMessage(`Question ${i}?`));
    await waitUntil(() => asked(l).length === 10);
    expect(asked(l).map((a) => a.reason ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'rate', 'rate', 'rate', 'rate', 'rate', 'rate', 'rate']);
    const l2 = await listener(s.baseUrl);
    l2.send(askMessage('x'.repeat(501)));
    l2.send(askMessage('   '));
    l2.send(askMessage('Ring\u0007 ring'));
    l2.send(askMessage('Sneaky \u202Ereversed'));
    await waitUntil(() => asked(l2).length === 4);
    expect(asked(l2).map((a) => a.reason)).toEqual(['long', 'empty', 'control', 'control']);
    // Still connected: a refused question closes nothing.
    expect(l2.isOpen()).toBe(true);

    const off = await relay(undefined);
    const l3 = await listener(off.baseUrl);
    l3.send(askMessage('Anyone there?'));
    await waitUntil(() => asked(l3).length === 1);
    expect(asked(l3)).toEqual([{ type: 'asked', ok: false, reason: 'off' }]);
    expect(l3.messages.some((m) => m.includes('"askable"'))).toBe(false);
  });

  it('one address cannot flood by opening many connections', async () => {
    const s = await relay(new QuestionBook(), { askRatePerAddress: { burst: 5, everySeconds: 60 } });
    const ls = await Promise.all([1, 2, 3, 4].map(() => listener(s.baseUrl)));
    for (const l of ls) for (let i = 0; i < 2; i++) l.send(askMessage(`From one address ${i}?`));
    await waitUntil(() => ls.every((l) => asked(l).length === 2));
    expect(ls.flatMap(asked).filter((a) => a.ok)).toHaveLength(5);
  });

  it('keeps every question and its state on disk, readable by its owner only, for a relay started again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'questions-'));
    const file = callFile(join(dir, 'questions'), '2026-12-06');
    const s = await relay(new QuestionBook(file));
    const p = track(await presenter(s.baseUrl, TOKEN));
    const l = await listener(s.baseUrl);
    l.send(askMessage('Kept after a restart?'));
    await waitUntil(() => latestList(p).length === 1);
    p.send(questionActionMessage('q1', 'answered'));
    await waitUntil(() => latestList(p)[0]?.state === 'answered');
    await s.close();
    open.splice(open.indexOf(s), 1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'questions')).mode & 0o777).toBe(0o700);
    const again = await relay(new QuestionBook(file));
    const p2 = track(await connect(again.baseUrl));
    p2.send(JSON.stringify({ type: 'auth', token: TOKEN }));
    await waitUntil(() => latestList(p2).length === 1);
    expect(latestList(p2)[0]).toMatchObject({ id: 'q1', text: 'Kept after a restart?', state: 'answered' });
    // A line cut short by a crash is skipped; what came before stands.
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"op":"ask","q":{"id":"q2","te`);
    expect(new QuestionBook(file).list()).toHaveLength(1);
  });
});

describe('the question book', () => {
  it('checks a question: plain text up to 500 characters, a name up to 60, no control characters', () => {
    expect(checkQuestion('  Why?  ', ' Ann ')).toEqual({ text: 'Why?', name: 'Ann' });
    expect(checkQuestion('Line one\r\nline two', undefined)).toEqual({ text: 'Line one\nline two' });
    expect(checkQuestion('é'.repeat(500), undefined)).toEqual({ text: 'é'.repeat(500) });
    expect(checkQuestion('x'.repeat(501), undefined)).toEqual({ problem: 'long' });
    expect(checkQuestion('Why?', 'n'.repeat(61))).toEqual({ problem: 'long' });
    expect(checkQuestion('Why?', 'Ann\nBob')).toEqual({ problem: 'control' });
    expect(checkQuestion(42, undefined)).toEqual({ problem: 'empty' });
  });

  it('deletes calls older than the days kept, and exports a call as text and JSON for the chapter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'questions-'));
    const old = callFile(dir, '2026-10-01');
    const recent = callFile(dir, '2026-12-01');
    const book = new QuestionBook(recent);
    book.add({ text: 'Does it help <i>spasms</i>?', name: 'Bo' }, 12, new Date('2026-12-01T19:05:00Z'));
    book.add({ text: 'Same as above' }, 12, new Date('2026-12-01T19:06:00Z'));
    book.act('q2', 'merge', 'q1');
    new QuestionBook(old).add({ text: 'Last month?' }, 3);
    const now = Date.parse('2026-12-06T12:00:00Z');
    utimesSync(old, new Date('2026-10-01'), new Date('2026-10-01'));
    utimesSync(recent, new Date('2026-12-01'), new Date('2026-12-01'));
    expect(deleteOldQuestions(dir, 30, now)).toEqual(['2026-10-01.jsonl']);
    expect(existsSync(old)).toBe(false);
    const out = exportQuestions(recent, 'Massage and MS');
    expect(readFileSync(out.text, 'utf8')).toContain('q1  2026-12-01T19:05:00.000Z  slide 12  new  Bo\n    Does it help <i>spasms</i>?');
    expect(readFileSync(out.text, 'utf8')).toContain('q2  2026-12-01T19:06:00.000Z  slide 12  hidden (same as q1)');
    expect(JSON.parse(readFileSync(out.json, 'utf8'))).toHaveLength(2);
    expect(statSync(out.json).mode & 0o777).toBe(0o600);
    expect(() => callFile(dir, '../escape')).toThrow(/--call must be a short name/);
  });
});
