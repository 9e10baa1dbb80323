// Serves the built deck (dist/) for `npm run present`: GET and HEAD only, nothing outside the folder, no dot
// files. The deck's index.html gets one <meta> that tells the page a follow-along relay is here; every other file
// goes out as it is.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { closeTag, elements, outer, parseHtml, splice } from '../html/dom.ts';
import { contentType } from '../serve/content-types.ts';
import { cspMeta, parseCsp } from '../share/csp.ts';
import { FOLLOW_META, FOLLOW_PATH } from './protocol.ts';

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'SAMEORIGIN',
};

/**
 * The page's Content-Security-Policy allows connections to 'self', which covers a WebSocket to the same host in
 * browsers that follow CSP Level 3; older ones (some Safari versions) need the ws:/wss: origin named. This names it.
 */
export function allowWebSocket(html: string, host: string | null): string {
  if (!host) return html;
  const [meta] = elements(parseHtml(html), (el) => el.name === 'meta' && el.attribs['http-equiv']?.toLowerCase() === 'content-security-policy');
  if (!meta) return html;
  const directives = parseCsp(meta.attribs.content ?? '');
  const connect = directives['connect-src'];
  if (!connect?.includes("'self'")) return html;
  connect.splice(connect.indexOf("'self'") + 1, 0, `ws://${host}`, `wss://${host}`);
  const [start, end] = outer(meta);
  return splice(html, [{ start, end, text: cspMeta(directives) }]);
}

/** A Host header we are willing to write into the page: a name or IPv4 or [IPv6] address, and a port. */
export function safeHost(value: string | undefined): string | null {
  if (!value || value.length > 255) return null;
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(value) ? value.toLowerCase() : null;
}

/** The deck's page with the follow-along <meta> added just before </head>. */
export function injectFollowMeta(html: string): string {
  const meta = `<meta name="${FOLLOW_META}" content="${FOLLOW_PATH}">`;
  const doc = parseHtml(html);
  if (elements(doc, (el) => el.name === 'meta' && el.attribs.name === FOLLOW_META).length) return html;
  const head = elements(doc, 'head')[0];
  const [at, end] = head ? closeTag(head) : [0, 0];
  if (at === end) throw new Error('present: the deck page has no </head>');
  return splice(html, [{ start: at, end: at, text: `${meta}\n` }]);
}

export interface StaticSite {
  /** Answers a request for a path already stripped of any public prefix (404 when there is no such file). */
  handle(request: IncomingMessage, response: ServerResponse, pathname: string): void;
}

/**
 * dist/ as a site; index.html is read once and kept with the meta added. `host` names the host the page's
 * WebSocket goes to (from the public URL, or the request's Host header); null leaves the policy as it is.
 */
export function staticSite(root: string, host: (request: IncomingMessage) => string | null = () => null): StaticSite {
  const base = resolve(root);
  const indexFile = resolve(base, 'index.html');
  const index = injectFollowMeta(readFileSync(indexFile, 'utf8'));

  function notFound(response: ServerResponse, status = 404, text = 'Not found') {
    response.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(text);
  }

  return {
    handle(request, response, pathname) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('allow', 'GET, HEAD');
        return notFound(response, 405, 'Method not allowed');
      }
      let path: string;
      try {
        path = decodeURIComponent(pathname);
      } catch {
        return notFound(response, 400, 'Bad request');
      }
      if (path.includes('\0') || path.split('/').some((part) => part.startsWith('.'))) return notFound(response);
      if (path === '/' || path === '/index.html') {
        const page = Buffer.from(allowWebSocket(index, host(request)), 'utf8');
        response.writeHead(200, {
          ...COMMON_HEADERS,
          'content-type': contentType(indexFile),
          'content-length': page.length,
          // The page carries the live link's <meta>, so it is never cached.
          'cache-control': 'no-store',
        });
        response.end(request.method === 'HEAD' ? undefined : page);
        return;
      }
      const file = resolve(base, `.${path}`);
      if (!file.startsWith(base + sep)) return notFound(response);
      let size: number;
      try {
        const stat = statSync(file);
        if (!stat.isFile()) return notFound(response);
        size = stat.size;
      } catch {
        return notFound(response);
      }
      response.writeHead(200, {
        ...COMMON_HEADERS,
        'content-type': contentType(file),
        'content-length': size,
        // Vite names assets by their content, so they can be kept; other files are checked each time.
        'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (request.method === 'HEAD') return void response.end();
      createReadStream(file)
        .on('error', () => response.destroy())
        .pipe(response);
    },
  };
}
