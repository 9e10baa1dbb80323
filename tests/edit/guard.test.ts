// Who may use the editor: the secret of its address, this computer's name as the host, its own page as the origin.
import { describe, expect, it } from 'vitest';
import { guard } from '../../src/edit/guard.ts';

const SECRET = 'Zx8_secret-of-24-bytes-base64url';
const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ url, method, headers: { host: '127.0.0.1:5190', ...headers } });

describe('the editor\'s guard', () => {
  it('lets the page and its reads through, with what follows the secret', () => {
    expect(guard(req(`/__edit/${SECRET}/`), SECRET, 5190)).toEqual({ ok: true, rest: '/' });
    expect(guard(req(`/__edit/${SECRET}/api/state`), SECRET, 5190)).toEqual({ ok: true, rest: '/api/state' });
    expect(guard(req(`/__edit/${SECRET}/api/save`, { origin: 'http://127.0.0.1:5190', 'sec-fetch-site': 'same-origin' }, 'POST'), SECRET, 5190).ok).toBe(true);
  });

  it('refuses a missing, wrong or partial secret', () => {
    expect(guard(req('/__edit/'), SECRET, 5190).ok).toBe(false);
    expect(guard(req('/__edit/wrong/api/state'), SECRET, 5190).ok).toBe(false);
    expect(guard(req(`/__edit/${SECRET.slice(0, -1)}/`), SECRET, 5190).ok).toBe(false);
  });

  it('refuses another host name (a DNS trick) and another port', () => {
    expect(guard(req(`/__edit/${SECRET}/api/state`, { host: 'evil.example:5190' }), SECRET, 5190).why).toContain('not evil.example:5190');
    expect(guard(req(`/__edit/${SECRET}/api/state`, { host: '127.0.0.1:80' }), SECRET, 5190).ok).toBe(false);
  });

  it('refuses a change from another origin, from no page, or from another site', () => {
    const post = (headers: Record<string, string>) => guard(req(`/__edit/${SECRET}/api/save`, headers, 'POST'), SECRET, 5190);
    expect(post({ origin: 'https://evil.example' }).ok).toBe(false);
    expect(post({}).ok).toBe(false);
    expect(post({ origin: 'http://127.0.0.1:5190', 'sec-fetch-site': 'cross-site' }).ok).toBe(false);
    // A read from another page's script (it would carry its Origin) is refused too.
    expect(guard(req(`/__edit/${SECRET}/api/state`, { origin: 'https://evil.example' }), SECRET, 5190).ok).toBe(false);
  });
});
