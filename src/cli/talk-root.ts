// Which talk `npm run check` works on: `--talk <folder>`, else what every other command uses (src/names/talk-folder.ts).
import { talkFolder } from '../names/talk-folder.ts';

export function talkRootFromArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = args.indexOf('--talk');
  if (i >= 0) {
    const value = args[i + 1];
    if (!value || value.startsWith('--')) throw new Error('--talk needs a folder, such as --talk examples/hand-washing');
    return talkFolder(value, env);
  }
  const inline = args.find((a) => a.startsWith('--talk='));
  return talkFolder(inline?.slice('--talk='.length), env);
}
