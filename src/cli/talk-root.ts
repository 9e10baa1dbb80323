// Which talk a command works on: `--talk <folder>`, else the DECK_TALK environment variable, else this project.

export function talkRootFromArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = args.indexOf('--talk');
  if (i >= 0) {
    const value = args[i + 1];
    if (!value || value.startsWith('--')) throw new Error('--talk needs a folder, such as --talk examples/hand-washing');
    return value;
  }
  const inline = args.find((a) => a.startsWith('--talk='));
  if (inline) return inline.slice('--talk='.length);
  return env.DECK_TALK ?? '.';
}
