// `npm run present`: serves the built deck with the follow-along relay and prints the presenter's and the
// listeners' links. Settings come from flags, else from environment variables, else the defaults.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIP } from 'node:net';
import { isLoopbackName } from './admission.ts';
import { elements, parseHtml, textOf } from '../html/dom.ts';
import { newToken, startPresentServer } from './server.ts';
import { speakerNotesFile } from '../slides/audience.ts';
import { checkRecordFile, createRecorder, type Recorder } from './record.ts';
import { chooseTalk, rememberTalk, talkDist, WHY_THIS_TALK, type ChosenTalk } from '../names/talk-folder.ts';
import { shownPath } from '../names/shown-path.ts';
import { shellWord } from '../names/shell-word.ts';
import { parse } from 'yaml';
import { basename, dirname } from 'node:path';
import { connectBridge } from './redis-bridge.ts';
import { callFile, DEFAULT_KEEP_DAYS, deleteOldQuestions, exportQuestions, QuestionBook, questionsDir, today } from './questions.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_PORT = 5180;

const HELP = `npm run present -- [options]

Serves the built deck (dist/) and the follow-along live link on one port, and prints two links:
the presenter's (secret, new each run) and the listeners'.

  --port <n>          port to listen on (env PRESENT_PORT; default ${DEFAULT_PORT}; 0 = any free port)
  --host <address>    address to listen on (env PRESENT_HOST; default 127.0.0.1)
  --public-url <url>  the address listeners use, when behind a proxy, e.g. https://talks.example.org/ms-massage/
                      (env PRESENT_PUBLIC_URL)
  --talk <folder>     the talk to present: its built deck is <folder>/dist (default: DECK_TALK, else the talk last
                      named with --talk, else this project's)
  --dist <folder>     the built deck (env PRESENT_DIST; default: the talk's own dist/)
  --token-file <file> keep the presenter's secret in this file (made if missing, mode 600), so a restart keeps
                      the presenter's link working (env PRESENT_TOKEN_FILE; default: a new secret each run)
  --trust-proxy       a reverse proxy sets X-Forwarded-For: count listeners by that address
                      (env PRESENT_TRUST_PROXY=1; default off: the header is ignored). Believed only from a proxy on
                      this machine, or one named with --trusted-proxy
  --trusted-proxy <a> the address of a proxy on another machine whose X-Forwarded-For is believed (comma-separated
                      for several; env PRESENT_TRUSTED_PROXIES). Needed for --trust-proxy on a public address
  --max-per-address <n>  most connections from one address at once (env PRESENT_MAX_PER_ADDRESS; default 50)
  --speaker-notes <f> the notes for the presenter alone that the build wrote (env PRESENT_SPEAKER_NOTES;
                      default dist-private/speaker-notes.json, beside the deck): private notes, or every note when the talk
                      publishes none. Sent only to the presenter's page, which proves the presenter's secret.
  --record <file.vtt> record the talk's timeline in this WebVTT chapters file: one cue per slide shown, timed from
                      when you press "Start recording the timeline" (or R) in the presenter's page; for
                      npm run replay. The file must be new or empty.
  --questions on|off  take listeners' questions from the live link (env PRESENT_QUESTIONS; default: questions in the
                      talk's data/talk.yaml, else on). They are kept in dist-private/questions/, never in dist/
  --call <name>       the call the questions belong to (default: today's date, such as 2026-12-06): each call has
                      its own questions, so next month's call never shows this month's
  --keep-questions-days <n>  delete questions older than this many days (default: the talk's questions.keepDays, 30)
  --redis <url>       run as one of several relay processes sharing the presenter's position, the questions and the
                      listener counts through Redis, such as redis://127.0.0.1:6379 (env PRESENT_REDIS); the
                      presenter connects to any one, listeners to any, behind a load balancer. Without it: one process
  --export-questions  write the call's questions as text and JSON (beside them, in dist-private/questions/), and stop
  --build             build the deck first (it is built anyway when dist/index.html is missing)
  --help              this text
`;

export interface CliSettings {
  port: number;
  host: string;
  publicUrl?: string;
  dist: string;
  /** The talk whose deck is served, and how it was chosen (for the first line). */
  talk: ChosenTalk;
  tokenFile?: string;
  trustProxy: boolean;
  trustedProxies: string[];
  maxPerAddress: number;
  build: boolean;
  /** --record: the timeline's WebVTT file. */
  record?: string;
  /** The speaker-only notes a build wrote (private notes, or all notes when none are published). */
  speakerNotes: string;
  /** Whether listeners may send questions, and how long they are kept. */
  questions: boolean;
  keepDays: number;
  /** The call the questions belong to (a file of its own). */
  call: string;
  exportQuestions: boolean;
  /** Redis, for several relay processes. */
  redis?: string;
}

/** A Redis address as ioredis takes it: redis:// or rediss:// (TLS), a host and a port. */
function redisUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--redis takes an address such as redis://127.0.0.1:6379, not "${value}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`--redis takes an address starting redis:// (or rediss:// for TLS), not "${value}"`);
  return url.href;
}

/** The talk's own say on questions (data/talk.yaml, read leniently: the deck may be served without its data). */
function talkQuestions(root: string): { enabled?: boolean; keepDays?: number } {
  try {
    const data = parse(readFileSync(resolve(root, 'data/talk.yaml'), 'utf8')) as { questions?: { enabled?: unknown; keepDays?: unknown } };
    const q = data?.questions ?? {};
    return {
      ...(typeof q.enabled === 'boolean' ? { enabled: q.enabled } : {}),
      ...(typeof q.keepDays === 'number' && Number.isInteger(q.keepDays) && q.keepDays >= 1 ? { keepDays: q.keepDays } : {}),
    };
  } catch {
    return {};
  }
}

export function readSettings(argv: string[], env: NodeJS.ProcessEnv): CliSettings | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      dist: { type: 'string' },
      talk: { type: 'string' },
      'token-file': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'trusted-proxy': { type: 'string', multiple: true },
      'max-per-address': { type: 'string' },
      build: { type: 'boolean' },
      record: { type: 'string' },
      'speaker-notes': { type: 'string' },
      questions: { type: 'string' },
      call: { type: 'string' },
      'keep-questions-days': { type: 'string' },
      'export-questions': { type: 'boolean' },
      redis: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const portText = values.port ?? env.PRESENT_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${portText}"`);
  const perAddressText = values['max-per-address'] ?? env.PRESENT_MAX_PER_ADDRESS ?? '50';
  if (!/^[1-9]\d{0,5}$/.test(perAddressText)) throw new Error(`--max-per-address must be a whole number from 1, not "${perAddressText}"`);
  const talk = chooseTalk(values.talk, env);
  const host = values.host ?? env.PRESENT_HOST ?? '127.0.0.1';
  const trustProxy = values['trust-proxy'] ?? ['1', 'true', 'yes'].includes((env.PRESENT_TRUST_PROXY ?? '').toLowerCase());
  const trustedProxies = [...(values['trusted-proxy'] ?? []), ...(env.PRESENT_TRUSTED_PROXIES ? [env.PRESENT_TRUSTED_PROXIES] : [])]
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const p of trustedProxies) if (!isIP(p)) throw new Error(`--trusted-proxy must be an IP address, such as 10.0.0.2, not "${p}"`);
  // On a public address, "trust the proxy" without naming it would believe X-Forwarded-For from anyone.
  if (trustProxy && !isLoopbackName(host) && trustedProxies.length === 0) {
    throw new Error(`--trust-proxy with --host ${host} would believe any client's X-Forwarded-For: name the proxy with --trusted-proxy <its address>, or listen on 127.0.0.1 behind a proxy on this machine`);
  }
  const dist = resolve(values.dist ?? env.PRESENT_DIST ?? talkDist(talk.root));
  const fromTalk = talkQuestions(talk.root);
  const questionsText = values.questions ?? env.PRESENT_QUESTIONS;
  if (questionsText !== undefined && questionsText !== 'on' && questionsText !== 'off') throw new Error(`--questions takes on or off, not "${questionsText}"`);
  const keepText = values['keep-questions-days'];
  if (keepText !== undefined && !/^[1-9]\d{0,2}$/.test(keepText)) throw new Error(`--keep-questions-days takes a number of days from 1 to 999, not "${keepText}"`);
  return {
    talk,
    port,
    host,
    publicUrl: values['public-url'] ?? (env.PRESENT_PUBLIC_URL || undefined),
    dist,
    tokenFile: values['token-file'] ?? (env.PRESENT_TOKEN_FILE || undefined),
    trustProxy,
    trustedProxies,
    maxPerAddress: Number(perAddressText),
    build: values.build ?? false,
    ...(values.record ? { record: resolve(values.record) } : {}),
    speakerNotes: resolve(values['speaker-notes'] ?? env.PRESENT_SPEAKER_NOTES ?? speakerNotesFile(dist)),
    questions: questionsText === undefined ? (fromTalk.enabled ?? true) : questionsText === 'on',
    keepDays: keepText === undefined ? (fromTalk.keepDays ?? DEFAULT_KEEP_DAYS) : Number(keepText),
    call: values.call ?? today(),
    exportQuestions: values['export-questions'] ?? false,
    ...((values.redis ?? env.PRESENT_REDIS) ? { redis: redisUrl(values.redis ?? env.PRESENT_REDIS!) } : {}),
  };
}

/**
 * The token kept in a file, or a new one written there readable by its owner only. A file that others on the
 * machine can read is refused: whoever reads it can move everyone's slides.
 */
export function tokenFromFile(file: string): string {
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new Error(
        `${file} holds the presenter's secret but others on this machine can read it (mode ${mode.toString(8).padStart(3, '0')}). ` +
          `Make it readable by you alone: chmod 600 ${shellWord(file)}`,
      );
    }
    const token = readFileSync(file, 'utf8').trim();
    if (!/^[A-Za-z0-9_-]{32,256}$/.test(token)) throw new Error(`${file} does not hold a presenter token (32 or more letters, digits, - or _)`);
    return token;
  }
  const token = newToken();
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return token;
}

/**
 * What `npm run present` prints at the start. With a token file the presenter's link is not printed (a service's
 * output ends up in a log such as systemd's journal): it says where the secret is kept and how to see the link.
 * A plain http:// address off this machine sends the secret unencrypted, so that is said loudly.
 */
export function startupText(
  settings: Pick<CliSettings, 'dist' | 'host' | 'tokenFile'>,
  present: { port: number; baseUrl: string; presenterUrl: string; listenerUrl: string; moderatorUrl?: string },
  built: Date,
  questions?: { file: string; keepDays: number },
): { out: string; warning?: string } {
  const presenter = settings.tokenFile
    ? [
        `  Presenter link: not shown here, so that it stays out of logs. It is the listener link followed by`,
        `  #presenter= and the secret kept in ${settings.tokenFile}; to see it, run:`,
        `    echo "${present.baseUrl}#presenter=$(cat ${shellWord(settings.tokenFile)})"`,
      ]
    : [`  Presenter link (yours only: it lets whoever has it move everyone's slides; new each run):`, `    ${present.presenterUrl}`];
  const out = [
    '',
    `Follow along live: serving ${settings.dist} (built ${built.toLocaleString()}) on ${settings.host}:${present.port}`,
    '',
    ...presenter,
    '',
    ...(present.moderatorUrl
      ? [
          '  Moderator link (for a co-host who sorts the questions and picks the next one for you; new each run):',
          `    ${present.moderatorUrl}`,
          '',
        ]
      : []),
    ...(questions
      ? [`  Questions from listeners: on. Kept in ${questions.file} (yours only), deleted after ${questions.keepDays} days.`, '']
      : ['  Questions from listeners: off.', '']),
    ...(isLoopbackName(new URL(present.listenerUrl).hostname)
      ? [
          '  Listener link (opens only on this computer: to share a live link, run npm run present on a server;',
          '  see "On a server, behind a reverse proxy with TLS" in docs/reference.md):',
        ]
      : ['  Listener link (share this one):']),
    `    ${present.listenerUrl}`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
  const base = new URL(present.baseUrl);
  const warning =
    // Listening on a network address (--host 0.0.0.0, say) shows 127.0.0.1 in the links, yet others reach it too.
    base.protocol === 'http:' && (!isLoopbackName(base.hostname) || !isLoopbackName(settings.host === '::1' ? '[::1]' : settings.host))
      ? [
          '',
          '!!! WARNING: the links use plain http:// on a network address (' + (isLoopbackName(base.hostname) ? settings.host : base.host) + ').',
          '!!! The presenter\'s secret and every slide change travel unencrypted (ws://): anyone on the way can read the',
          '!!! secret and move everyone\'s slides. Put a web server with TLS in front and give --public-url https://…',
          '',
        ].join('\n')
      : undefined;
  return { out, warning };
}

/** The first line: which talk is served, by the title its built page carries, and from which folder. */
export function talkLine(settings: Pick<CliSettings, 'dist' | 'talk'>): string {
  const page = resolve(settings.dist, 'index.html');
  const heading = existsSync(page) ? elements(parseHtml(readFileSync(page, 'utf8')), 'title')[0] : undefined;
  const title = heading ? `“${textOf(heading)}”` : '(not built)';
  const why = WHY_THIS_TALK[settings.talk.how];
  return `Talk: ${title} from ${shownPath(settings.dist)}/ (${why})`;
}

async function buildDeck(dist: string, talkRoot: string) {
  console.log('Building the deck…');
  process.env.DECK_TALK = talkRoot;
  // Vite is a development dependency: a server installed with `npm ci --omit=dev` cannot build, only serve.
  const vite = await import('vite').catch(() => null);
  if (!vite) {
    throw new Error(
      `There is no built deck in ${dist}, and this install cannot build one (Vite is a development dependency). ` +
        'Build it where the full dependencies are installed (npm run build), then copy dist/ here.',
    );
  }
  const { build } = vite;
  await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
}

async function main() {
  const settings = readSettings(process.argv.slice(2), process.env);
  if (settings === 'help') {
    console.log(HELP);
    return;
  }
  const named = process.argv.slice(2).some((a) => a === '--talk' || a.startsWith('--talk='));
  // A folder that is neither a talk nor a built deck: said, not built or served.
  if (named && !existsSync(resolve(settings.talk.root, 'data/talk.yaml')) && !existsSync(resolve(settings.dist, 'index.html'))) {
    throw new Error(`${shownPath(settings.talk.root)} is not a talk: it has no data/talk.yaml, and ${shownPath(settings.dist)}/ holds no built deck. Give the folder of a talk with --talk.`);
  }
  if (named) rememberTalk(settings.talk.root);
  if (settings.build || !existsSync(resolve(settings.dist, 'index.html'))) await buildDeck(settings.dist, settings.talk.root);
  console.log(talkLine(settings));
  // Questions: the call's own file beside the private notes; old calls' questions deleted first.
  const privateDir = dirname(settings.speakerNotes);
  const qDir = questionsDir(privateDir);
  const qFile = callFile(qDir, settings.call);
  for (const gone of deleteOldQuestions(qDir, settings.keepDays)) console.log(`Deleted questions older than ${settings.keepDays} days: ${gone}`);
  if (settings.exportQuestions) {
    if (!existsSync(qFile)) throw new Error(`No questions were kept for the call ${settings.call} (${shownPath(qFile)}). Name the call with --call, such as --call 2026-12-06.`);
    const out = exportQuestions(qFile, talkLine(settings));
    console.log(`The questions of the call ${settings.call}, for the chapter:\n  ${shownPath(out.text)}\n  ${shownPath(out.json)}`);
    return;
  }
  const token = settings.tokenFile ? tokenFromFile(resolve(settings.tokenFile)) : undefined;
  const moderatorToken = settings.questions ? (settings.tokenFile ? tokenFromFile(`${resolve(settings.tokenFile)}-moderator`) : newToken()) : undefined;
  let recorder: Recorder | undefined;
  if (settings.record) {
    checkRecordFile(settings.record);
    // The page's title as it reads (entities decoded): the WebVTT header is plain text.
    const heading = elements(parseHtml(readFileSync(resolve(settings.dist, 'index.html'), 'utf8')), 'title')[0];
    const title = heading ? textOf(heading) : undefined;
    recorder = createRecorder(settings.record, { title });
  }
  // Several processes as one through Redis: the bridge first, so this process starts on the slide the others are on.
  const talkName = basename(settings.talk.root);
  let onShared: (up: boolean) => void = () => {};
  const bridge = settings.redis
    ? await connectBridge({ url: settings.redis, namespace: `${talkName}:${settings.call}`, onStatus: (up) => onShared(up), log: (line) => console.log(`[live] ${line}`) })
    : undefined;
  const initialState = bridge ? await bridge.lastState() : null;
  const present = await startPresentServer({
    dist: settings.dist,
    port: settings.port,
    host: settings.host,
    publicUrl: settings.publicUrl,
    token,
    trustProxy: settings.trustProxy,
    trustedProxies: settings.trustedProxies,
    speakerNotes: settings.speakerNotes,
    relay: {
      maxPerAddress: settings.maxPerAddress,
      log: (line) => console.log(`[live] ${line}`),
      recorder,
      ...(settings.questions ? { questions: new QuestionBook(qFile, { fresh: Boolean(bridge) }), keepDays: settings.keepDays, moderatorToken } : {}),
      ...(bridge ? { bridge, initialState } : {}),
    },
  });
  onShared = (up) => present.relay.sharedStatus(up);
  const built = statSync(resolve(settings.dist, 'index.html')).mtime;
  const moderatorUrl = moderatorToken && !settings.tokenFile ? `${present.baseUrl}#moderator=${moderatorToken}` : undefined;
  const { out, warning } = startupText(settings, { ...present, ...(moderatorUrl ? { moderatorUrl } : {}) }, built, settings.questions ? { file: shownPath(qFile), keepDays: settings.keepDays } : undefined);
  console.log(out);
  if (recorder) console.log(`Timeline: ${recorder.file} — press "Start recording the timeline" (or R) in the presenter's page when the call's recording starts.\n`);
  if (warning) console.error(warning);
  // A call that runs past midnight, or a relay left running for weeks, still deletes what is past its days.
  setInterval(() => {
    for (const gone of deleteOldQuestions(qDir, settings.keepDays)) console.log(`Deleted questions older than ${settings.keepDays} days: ${gone}`);
  }, 3_600_000).unref();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    recorder?.close();
    Promise.all([present.close(), bridge?.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by a test or the benchmark (with an IPC channel): say where we are, and answer questions about the relay.
  if (process.send) {
    process.send({ type: 'ready', port: present.port, presenterUrl: present.presenterUrl, listenerUrl: present.listenerUrl });
    process.on('message', (message: { type?: string; gc?: boolean }) => {
      if (message?.type !== 'stats') return;
      // With node --expose-gc, the benchmark can ask for memory after a full collection.
      const gc = (globalThis as { gc?: () => void }).gc;
      if (message.gc && gc) gc();
      process.send?.({ type: 'stats', stats: present.relay.stats(), memory: process.memoryUsage(), maxRssKB: process.resourceUsage().maxRSS });
    });
    // If whoever started us goes away, so do we.
    process.on('disconnect', stop);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
