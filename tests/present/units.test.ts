// The wire format, the page's <meta>, and `npm run present`'s settings.
import { parseQuestionItems } from '../../src/present/question-items.ts';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings, tokenFromFile } from '../../src/present/cli.ts';
import { parseClientMessage, parseServerMessage, stateMessage } from '../../src/present/protocol.ts';
import { allowWebSocket, injectFollowMeta, safeHost } from '../../src/present/serve-static.ts';
import { parsePublicUrl, presenterLink } from '../../src/present/server.ts';

describe('the wire format', () => {
  it('reads a presenter\'s state and writes it back in one fixed form', () => {
    const m = parseClientMessage('{"type":"state","h":2,"v":1,"f":0}');
    expect(m).toEqual({ type: 'state', h: 2, v: 1, f: 0 });
    expect(stateMessage({ h: 2, v: 1, f: 0 })).toBe('{"type":"state","h":2,"v":1,"f":0}');
    expect(parseClientMessage('{"type":"state","h":2,"v":1}')).toEqual({ type: 'state', h: 2, v: 1, f: null });
    expect(parseClientMessage('{"type":"auth","token":"abc"}')).toEqual({ type: 'auth', token: 'abc' });
  });

  it('refuses anything else', () => {
    for (const text of [
      '',
      'null',
      '1',
      '{}',
      '{"type":"state"}',
      '{"type":"state","h":0,"v":0,"f":null,"x":1}',
      '{"type":"state","h":10000,"v":0,"f":null}',
      '{"type":"state","h":0,"v":-1,"f":null}',
      '{"type":"state","h":0,"v":0,"f":true}',
      '{"type":"auth","token":"a","role":"presenter"}',
      `{"type":"auth","token":"${'a'.repeat(257)}"}`,
      '{"__proto__":{"type":"state"},"h":1,"v":0}',
      `{"type":"state","h":1,"v":0,"f":null}${' '.repeat(5000)}`,
      '{"type":"ask","text":1}',
      '{"type":"ask","text":"Why?","name":2}',
      '{"type":"ask","text":"Why?","slide":3}',
      '{"type":"question","id":"q1","action":"delete"}',
      '{"type":"question","id":"../q1","action":"answered"}',
      '{"type":"question","id":"q1","action":"merge"}',
      '{"type":"question","id":"q1","action":"answered","into":"q2"}',
    ]) {
      expect(parseClientMessage(text), text).toBeNull();
    }
  });

  it('lets the page understand only what the relay may send', () => {
    expect(parseServerMessage('{"type":"state","h":1,"v":0,"f":null}')).toEqual({ type: 'state', h: 1, v: 0, f: null });
    expect(parseServerMessage('{"type":"welcome","role":"presenter","listeners":3}')).toEqual({ type: 'welcome', role: 'presenter', listeners: 3, recording: 'off' });
    expect(parseServerMessage('{"type":"listeners","count":12000}')).toEqual({ type: 'listeners', count: 12000 });
    expect(parseServerMessage('{"type":"eval","code":"alert(1)"}')).toBeNull();
    expect(parseServerMessage('{"type":"state","h":"<b>","v":0}')).toBeNull();
    expect(parseServerMessage('{"type":"asked","ok":false,"reason":"rate"}')).toEqual({ type: 'asked', ok: false, reason: 'rate' });
    expect(parseServerMessage('{"type":"asked","ok":false,"reason":"<b>"}')).toBeNull();
    const list = parseServerMessage('{"type":"questions","items":[{"id":"q1","text":"<b>Why?</b>","at":"2026-12-06T20:00:00Z","slide":7,"state":"new","extra":1}]}');
    expect(list).toMatchObject({ type: 'questions' });
    expect(parseQuestionItems((list as { items: unknown[] }).items)).toEqual([{ id: 'q1', text: '<b>Why?</b>', at: '2026-12-06T20:00:00Z', slide: 7, state: 'new' }]);
    expect(parseQuestionItems([{ id: 'q1', state: 'deleted' }])).toBeNull();
    expect(parseQuestionItems([{ id: 'q1', text: 'x', at: 'now', state: 'new', slide: '<b>' }])).toEqual([{ id: 'q1', text: 'x', at: 'now', state: 'new', slide: null }]);
  });

  it('reads a question and what is done with it', () => {
    expect(parseClientMessage('{"type":"ask","text":"Does massage help fatigue?","name":"Ann"}')).toEqual({ type: 'ask', text: 'Does massage help fatigue?', name: 'Ann' });
    expect(parseClientMessage('{"type":"question","id":"q3","action":"merge","into":"q1"}')).toEqual({ type: 'question', id: 'q3', action: 'merge', into: 'q1' });
    expect(parseClientMessage('{"type":"question","id":"q3","action":"pick"}')).toEqual({ type: 'question', id: 'q3', action: 'pick' });
  });
});

describe('the page the relay serves', () => {
  it('gets one <meta> before </head>', () => {
    const page = '<html><head><meta charset="utf-8"></head><body></body></html>';
    const once = injectFollowMeta(page);
    expect(once).toBe('<html><head><meta charset="utf-8"><meta name="deck-follow" content="follow">\n</head><body></body></html>');
    expect(injectFollowMeta(once)).toBe(once);
  });

  it('names its own WebSocket origin in the policy, for browsers that do not count ws: as \'self\'', () => {
    const page = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'; object-src 'none'">`;
    expect(allowWebSocket(page, '127.0.0.1:5180')).toBe(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self' ws://127.0.0.1:5180 wss://127.0.0.1:5180; object-src 'none'">`,
    );
    expect(allowWebSocket(page, null)).toBe(page);
  });

  it('reads the page: only the policy in the CSP <meta> counts, and a </head> in a script is not the end of the head', () => {
    const shown = `<html><head><meta http-equiv="content-security-policy" content="connect-src 'none'"><script>"</head>"</script></head><body><p>connect-src 'self'</p></body></html>`;
    expect(allowWebSocket(shown, 'h:1')).toBe(shown);
    const later = `<meta content="default-src 'none'; connect-src https://a.org 'self'" http-equiv="Content-Security-Policy">`;
    expect(allowWebSocket(later, 'h:1')).toBe(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src https://a.org 'self' ws://h:1 wss://h:1">`);
    expect(injectFollowMeta(shown)).toBe(shown.replace('</script></head>', '</script><meta name="deck-follow" content="follow">\n</head>'));
    expect(() => injectFollowMeta('<html><head><title>t</title><body></body></html>')).toThrow(/no <\/head>/);
  });

  it('writes a Host header into the page only when it is a plain host and port', () => {
    expect(safeHost('127.0.0.1:5180')).toBe('127.0.0.1:5180');
    expect(safeHost('Talks.Example.org')).toBe('talks.example.org');
    expect(safeHost('[::1]:5180')).toBe('[::1]:5180');
    for (const bad of [undefined, '', 'a b', 'x"><script>alert(1)</script>', "x' 'unsafe-inline", 'x;script-src *', 'x/y', `${'a'.repeat(300)}`]) {
      expect(safeHost(bad), String(bad)).toBeNull();
    }
  });
});

describe('npm run present settings', () => {
  it('takes flags over environment variables over defaults', () => {
    expect(readSettings([], {})).toMatchObject({ port: 5180, host: '127.0.0.1', publicUrl: undefined, build: false });
    expect(readSettings([], { PRESENT_PORT: '9000', PRESENT_PUBLIC_URL: 'https://x.example/t/' })).toMatchObject({
      port: 9000,
      publicUrl: 'https://x.example/t/',
    });
    expect(readSettings(['--port', '9100', '--public-url', 'https://y.example/'], { PRESENT_PORT: '9000' })).toMatchObject({
      port: 9100,
      publicUrl: 'https://y.example/',
    });
    expect(readSettings(['--help'], {})).toBe('help');
    expect(() => readSettings(['--port', 'eighty'], {})).toThrow(/--port/);
    expect(() => readSettings(['--bogus'], {})).toThrow();
  });

  it('checks the public URL and builds the links from it', () => {
    expect(parsePublicUrl('https://talks.example.org/ms?x=1#y').href).toBe('https://talks.example.org/ms/');
    expect(() => parsePublicUrl('talks.example.org')).toThrow(/full address/);
    expect(() => parsePublicUrl('ftp://talks.example.org/')).toThrow(/http/);
    expect(() => parsePublicUrl('https://user:pw@talks.example.org/')).toThrow(/password/);
    expect(presenterLink('https://t.example/ms/', 'a-b_c')).toBe('https://t.example/ms/#presenter=a-b_c');
  });

  it('keeps a token in a file readable by its owner only, and reuses it', () => {
    const file = resolve(mkdtempSync(resolve(tmpdir(), 'present-token-')), 'token');
    const token = tokenFromFile(file);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(token);
    expect(tokenFromFile(file)).toBe(token);
  });
});
