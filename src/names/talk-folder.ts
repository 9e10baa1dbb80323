// Which talk a command works on, decided the same way by every command and both Vite plugins: the folder given (an
// option, or --talk), else the DECK_TALK environment variable, else this project. A relative folder is read from
// where the command was started (npm runs every script from the project's folder), so "examples/x" means the same
// folder to npm run build, npm run pdf, npm run check and the dev server.
import { resolve } from 'node:path';

export function talkFolder(given?: string, env: NodeJS.ProcessEnv = process.env, base: string = process.cwd()): string {
  return resolve(base, given ?? env.DECK_TALK ?? '.');
}
