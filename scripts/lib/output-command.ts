// What `npm run pdf` and `npm run pptx` share as commands: the options that say where and whether to build (read with
// node:util's parseArgs), failing with the command's name and an exit code, and stopping at once on Ctrl-C.
import { parseArgs } from 'node:util';

export type BuildMode = 'auto' | 'always' | 'never';

export interface OutputCommand<Flag extends string> {
  /** Says what went wrong, prefixed with the command's name, and exits (1 unless told; 2 for a wrong option). */
  fail(message: string, code?: number): never;
  buildMode: BuildMode;
  dist: string | undefined;
  out: string | undefined;
  /** The command's own on/off options, such as --a4. */
  flags: Set<Flag>;
}

export function outputCommand<Flag extends string = never>(name: string, usage: string, argv: readonly string[], own: readonly Flag[] = []): OutputCommand<Flag> {
  // Killed while Chromium or the build runs: exit with the signal's code rather than leave a half-written file behind.
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  const fail = (message: string, code = 1): never => {
    console.error(`npm run ${name}: ${message}`);
    process.exit(code);
  };
  const options = {
    build: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    dist: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...Object.fromEntries(own.map((f) => [f, { type: 'boolean' }])),
  } as const;
  // Not strict, so that a mistake is said in this command's words (and with its usage) rather than parseArgs's.
  const { values, tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') fail(`"${token.value}" is not an option\n${usage}`, 2);
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(options, token.name)) fail(`unknown option "${token.rawName}"\n${usage}`, 2);
    const wantsValue = (options as Record<string, { type: string }>)[token.name]!.type === 'string';
    // "--dist --no-build" is a forgotten folder, not a folder named "--no-build".
    if (wantsValue && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      fail(`${token.rawName} needs a folder or file after it\n${usage}`, 2);
    }
    if (!wantsValue && token.value !== undefined) fail(`${token.rawName} takes no value\n${usage}`, 2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (values.build && values['no-build']) fail(`--build and --no-build ask for opposite things: give one of them\n${usage}`, 2);
  return {
    fail,
    buildMode: values.build ? 'always' : values['no-build'] ? 'never' : 'auto',
    dist: values.dist as string | undefined,
    out: values.out as string | undefined,
    flags: new Set(own.filter((f) => values[f] === true)),
  };
}
