// The editor page's calls to its server: every address under the page's own (which holds the secret).
export interface Problem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

export interface Part {
  name: string;
  file: string;
  title: string;
  data: unknown;
  version: string;
  exists: boolean;
  schema: Record<string, unknown>;
}

export interface TextFile {
  id: string;
  file: string;
  text: string;
  version: string;
}

export interface State {
  lang: string;
  words: Record<string, string>;
  parts: Part[];
  slides: TextFile[];
  sources: TextFile[];
  problems: Problem[];
}

export type Saved =
  | { ok: true; version: string; changed: boolean; problems: Problem[] }
  | { ok: false; kind: 'invalid'; problems: Problem[] }
  | { ok: false; kind: 'clash'; version: string; data: unknown; problems: Problem[] }
  | { ok: false; kind: 'refused'; message: string; problems: Problem[] };

const base = location.pathname.endsWith('/') ? location.pathname : `${location.pathname}/`;

export async function getState(): Promise<State> {
  const res = await fetch(`${base}api/state`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${res.status}`);
  return (await res.json()) as State;
}

export async function post(what: 'save' | 'source' | 'slide', body: unknown): Promise<Saved> {
  const res = await fetch(`${base}api/${what}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json()) as Saved & { error?: string };
  if (res.status === 403 || res.status === 400 || res.status === 404 || res.status === 415) return { ok: false, kind: 'refused', message: data.error ?? String(res.status), problems: [] };
  return data;
}

export function events(onChange: (file: string) => void): EventSource {
  const source = new EventSource(`${base}api/events`);
  source.addEventListener('changed', (e) => onChange((JSON.parse((e as MessageEvent<string>).data) as { file: string }).file));
  return source;
}
