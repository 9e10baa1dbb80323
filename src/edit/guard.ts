// Who may use the editor: only this computer, only the page the command opened. The editor listens on loopback; each
// request must carry the secret of its address (printed once, like the presenter's link), name this server as its
// host (a web page elsewhere cannot reach it through a DNS trick), and, when it changes anything, come from this
// server's own page (its Origin). Anything else gets 403 and changes nothing.
import type { IncomingMessage } from 'node:http';
import { tokenMatcher } from '../present/relay.ts';

export const EDIT_PREFIX = '/__edit/';

export interface GuardVerdict {
  ok: boolean;
  /** The path after the secret, such as "/api/state". */
  rest?: string;
  why?: string;
}


/** `port`: the port this server listens on; hosts named otherwise are refused. */
export function guard(req: Pick<IncomingMessage, 'url' | 'method' | 'headers'>, secret: string, port: number): GuardVerdict {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, , given = '', ...rest] = url.pathname.split('/');
  if (!tokenMatcher(secret)(given)) return { ok: false, why: 'this address lacks the editor\'s secret: open the address npm run edit printed' };
  const host = req.headers.host ?? '';
  if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host)) return { ok: false, why: `requests must be made to this computer (127.0.0.1:${port}), not ${host || 'an unnamed host'}` };
  const origin = req.headers.origin;
  const writes = req.method !== 'GET' && req.method !== 'HEAD';
  if ((writes || origin !== undefined) && origin !== `http://${host}`) {
    return { ok: false, why: `the request comes from ${origin ?? 'no page'}, not from the editor's own page` };
  }
  if (writes && req.headers['sec-fetch-site'] !== undefined && req.headers['sec-fetch-site'] !== 'same-origin') return { ok: false, why: 'the request comes from another site' };
  return { ok: true, rest: `/${rest.join('/')}` };
}
