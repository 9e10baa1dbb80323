// `npm run edit [-- --talk <folder>] [-- --port <n>]`: opens the talk in the editor, a page in the browser with the
// talk's parts as forms and the live deck beside them. Only this computer can open it, at the address printed here.
import { parseArgs } from 'node:util';
import { NotATalk, openTalk } from '../cli/chosen-talk.ts';
import { startEditor } from './start-editor.ts';

const USAGE = 'Usage: npm run edit [-- --talk <folder>] [-- --port <number>]';
let values: { talk?: string; port?: string };
try {
  values = parseArgs({ args: process.argv.slice(2), options: { talk: { type: 'string' }, port: { type: 'string' } }, strict: true }).values;
} catch (e) {
  console.error(`npm run edit: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
let talk;
try {
  talk = openTalk(values.talk);
} catch (e) {
  if (!(e instanceof NotATalk)) throw e;
  console.error(e.message);
  process.exit(1);
}
console.log(talk.line);
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`npm run edit: --port takes a number from 1 to 65535, such as 5180\n${USAGE}`);
  process.exit(2);
}
const editor = await startEditor({ root: talk.root, port });
console.log(`\nThe editor is open at:\n\n  ${editor.url}\n\nOpen that address in your browser (only this computer can open it; keep it to yourself: it lets whoever has it change the talk).\nEvery change is saved to the talk's files once it passes the check, and the deck beside the forms shows it.\nPress Ctrl+C to stop.`);
