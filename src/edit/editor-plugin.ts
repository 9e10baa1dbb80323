// `npm run edit`'s server side, as a plugin of the dev server: the editor's page and its API under
// /__edit/<secret>/, beside the live deck the page shows as its preview (the dev server refreshes it on each save,
// on the slide it was on). Every request passes the guard first (guard.ts).
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { parse } from 'yaml';
import { TalkStore, PARTS } from './talk-store.ts';
import { EDIT_PREFIX, guard } from './guard.ts';
import { loadTalk } from '../data/load-data.ts';
import { DataError, type Problem } from '../data/data-error.ts';
import { SCHEMA_FILES, jsonSchemaText, type SchemaName } from '../schema/json-schemas.ts';
import { escapeHtml } from '../html/escape.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const MAX_BODY = 5 * 1024 * 1024;

export interface EditorOptions {
  root: string;
  secret: string;
}

/** The editor's words in the talk's language (locales/<lang>.yaml, "editor:"), English where one is missing. */
export function editorWords(lang: string): Record<string, string> {
  // The editor's own words, and each field's name as field_<name>.
  const read = (l: string) => {
    try {
      const locale = parse(readFileSync(join(PROJECT, 'locales', `${l}.yaml`), 'utf8')) as { editor?: Record<string, string>; editorFields?: Record<string, string> };
      return { ...(locale.editor ?? {}), ...Object.fromEntries(Object.entries(locale.editorFields ?? {}).map(([k, v]) => [`field_${k}`, v])) } as Record<string, string>;
    } catch {
      return {};
    }
  };
  return { ...read('en'), ...read(lang.split('-')[0]!) };
}

function talkLang(store: TalkStore): string {
  const data = store.part('talk').data as { lang?: unknown } | undefined;
  return typeof data?.lang === 'string' ? data.lang : 'en';
}

/** Every problem npm run check would give, for the page to show beside the fields they name. */
function checkProblems(root: string): Problem[] {
  try {
    loadTalk({ root, cwd: root });
    return [];
  } catch (e) {
    if (e instanceof DataError) return e.problems;
    return [{ file: '', line: 1, column: 1, field: '', message: (e as Error).message }];
  }
}

function page(lang: string, words: Record<string, string>): string {
  const css = readFileSync(join(import.meta.dirname, 'editor.css'), 'utf8');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(words.pageTitle ?? 'Edit the talk')}</title>
<style>${css}</style>
</head>
<body>
<a class="skip" href="#editor-main">${escapeHtml(words.skip ?? 'Skip to the editor')}</a>
<div id="app" aria-busy="true"><p>${escapeHtml(words.loading ?? 'Loading…')}</p></div>
<script type="module" src="/src/browser/editor/main.ts"></script>
</body>
</html>
`;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('the request is too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export function editorPlugin({ root, secret }: EditorOptions): Plugin {
  const store = new TalkStore(root);
  const listeners = new Set<ServerResponse>();
  const watchers: FSWatcher[] = [];
  return {
    name: 'deck-editor',
    configureServer(server: ViteDevServer) {
      // Files changed on disk (by a text editor, or by a save here): each open page is told, and decides whether to
      // reload or to show a clash with what it has not saved.
      for (const dir of ['data', 'slides', 'sources']) {
        try {
          watchers.push(watch(join(root, dir), (_event, name) => {
            for (const res of listeners) res.write(`event: changed\ndata: ${JSON.stringify({ file: `${dir}/${name ?? ''}` })}\n\n`);
          }));
        } catch {
          // A talk without sources/ has nothing to watch there.
        }
      }
      server.httpServer?.once('close', () => watchers.forEach((w) => w.close()));
      server.middlewares.use(async (req, res, next) => {
        if (!req.url?.startsWith(EDIT_PREFIX)) return next();
        const address = server.httpServer?.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        const verdict = guard(req, secret, port);
        if (!verdict.ok) return send(res, 403, { error: verdict.why });
        const route = `${req.method} ${verdict.rest}`;
        try {
          if (route === 'GET /') {
            const lang = talkLang(store);
            res.setHeader(
              'Content-Security-Policy',
              "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: ; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
            );
            return send(res, 200, page(lang, editorWords(lang)), 'text/html; charset=utf-8');
          }
          if (route === 'GET /api/state') {
            const lang = talkLang(store);
            return send(res, 200, {
              lang,
              words: editorWords(lang),
              parts: PARTS.map((name) => ({ ...store.part(name), schema: JSON.parse(jsonSchemaText(name)), title: SCHEMA_FILES[name].title })),
              slides: store.slides(),
              sources: store.sources(),
              problems: checkProblems(root),
            });
          }
          if (route === 'GET /api/events') {
            res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
            res.write(': editor events\n\n');
            listeners.add(res);
            req.on('close', () => listeners.delete(res));
            return;
          }
          if (req.method === 'POST' && !String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { error: 'expected JSON' });
          if (route === 'POST /api/save') {
            const body = (await readBody(req)) as { part?: unknown; data?: unknown; version?: unknown };
            if (typeof body.part !== 'string' || !PARTS.includes(body.part as SchemaName) || typeof body.version !== 'string') return send(res, 400, { error: 'expected a part, its data and its version' });
            const result = store.savePart(body.part as SchemaName, body.data, body.version);
            return send(res, result.ok ? 200 : result.kind === 'clash' ? 409 : 422, { ...result, problems: result.ok ? checkProblems(root) : 'problems' in result ? result.problems : [] });
          }
          if (route === 'POST /api/source' || route === 'POST /api/slide') {
            const body = (await readBody(req)) as { id?: unknown; text?: unknown; version?: unknown };
            if (typeof body.id !== 'string' || typeof body.text !== 'string' || (body.version !== undefined && typeof body.version !== 'string')) return send(res, 400, { error: 'expected an id, a text and its version' });
            const result = route === 'POST /api/source' ? store.saveSource(body.id, body.text, body.version) : store.saveSlide(body.id, body.text, body.version);
            return send(res, result.ok ? 200 : result.kind === 'clash' ? 409 : 422, { ...result, problems: result.ok ? checkProblems(root) : 'problems' in result ? result.problems : [] });
          }
          return send(res, 404, { error: 'no such editor address' });
        } catch (e) {
          return send(res, 400, { error: (e as Error).message });
        }
      });
    },
  };
}
