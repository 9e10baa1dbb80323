// What `npm run pdf` and `npm run pptx` share as commands: the options that say where and whether to build (read with
// node:util's parseArgs), failing with the command's name and an exit code, and stopping at once on Ctrl-C.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NotATalk, openTalk, type OpenedTalk } from '../../src/cli/chosen-talk.ts';
import { talkDist } from '../../src/names/talk-folder.ts';

export type BuildMode = 'auto' | 'always' | 'never';

export interface OutputCommand<Flag extends string> {
  /** Says what went wrong, prefixed with the command's name, and exits (1 unless told; 2 for a wrong option). */
  fail(message: string, code?: number): never;
  buildMode: BuildMode;
  /** The talk, chosen and named on the command's first line. */
  talk: OpenedTalk;
  /** The built folder: --dist, else the talk's own dist/. */
  dist: string;
  out: string | undefined;
  /** The command's own on/off options, such as --a4. */
  flags: Set<Flag>;
}

/** What the options ask for, or what is wrong with them (said in this command's words, with exit code 2). */
export type OutputOptions<Flag extends string> =
  | { help: true }
  | { help: false; buildMode: BuildMode; talk: string | undefined; dist: string | undefined; out: string | undefined; flags: Set<Flag> }
  | { mistake: string };

/** Reads the options without acting on them, so each mistake can be tested without running a command. */
export function readOutputOptions<Flag extends string = never>(argv: readonly string[], own: readonly Flag[] = []): OutputOptions<Flag> {
  const options = {
    build: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    dist: { type: 'string' },
    out: { type: 'string' },
    talk: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...Object.fromEntries(own.map((f) => [f, { type: 'boolean' }])),
  } as const;
  // Not strict, so that a mistake is said in this command's words rather than parseArgs's.
  const { values, tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') return { mistake: `"${token.value}" is not an option` };
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(options, token.name)) return { mistake: `unknown option "${token.rawName}"` };
    const wantsValue = (options as Record<string, { type: string }>)[token.name]!.type === 'string';
    // "--dist --no-build" is a forgotten folder, not a folder named "--no-build".
    if (wantsValue && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      return { mistake: `${token.rawName} needs a folder or file after it` };
    }
    if (!wantsValue && token.value !== undefined) return { mistake: `${token.rawName} takes no value` };
  }
  if (values.help) return { help: true };
  if (values.build && values['no-build']) return { mistake: '--build and --no-build ask for opposite things: give one of them' };
  return {
    help: false,
    buildMode: values.build ? 'always' : values['no-build'] ? 'never' : 'auto',
    talk: values.talk as string | undefined,
    dist: values.dist as string | undefined,
    out: values.out as string | undefined,
    flags: new Set(own.filter((f) => values[f] === true)),
  };
}

export function outputCommand<Flag extends string = never>(name: string, usage: string, argv: readonly string[], own: readonly Flag[] = []): OutputCommand<Flag> {
  // Killed while Chromium or the build runs: exit with the signal's code rather than leave a half-written file behind.
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  const fail = (message: string, code = 1): never => {
    console.error(`npm run ${name}: ${message}`);
    process.exit(code);
  };
  const read = readOutputOptions(argv, own);
  if ('mistake' in read) return fail(`${read.mistake}\n${usage}`, 2);
  if (read.help) {
    console.log(usage);
    process.exit(0);
  }
  let talk: OpenedTalk;
  try {
    talk = openTalk(read.talk);
  } catch (e) {
    if (e instanceof NotATalk) return fail(e.message);
    throw e;
  }
  console.log(talk.line);
  return { fail, talk, buildMode: read.buildMode, dist: resolve(read.dist ?? talkDist(talk.root)), out: read.out, flags: read.flags };
}
