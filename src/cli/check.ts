// `npm run check`: validates the talk's files without building, printing every problem with its line.
import { resolve } from 'node:path';
import { DataError, formatProblem } from '../data/data-error.ts';
import { loadTalk } from '../data/load-data.ts';
import { talkRootFromArgs } from './talk-root.ts';

const root = talkRootFromArgs(process.argv.slice(2));
try {
  const model = loadTalk({ root });
  const count = model.files.length;
  console.log(`The talk in ${resolve(root)} is fine: ${count} files checked.`);
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  for (const p of e.problems) console.error(formatProblem(p));
  const n = e.problems.length;
  console.error(`\n${n} problem${n === 1 ? '' : 's'} found. Nothing was changed; fix ${n === 1 ? 'it' : 'them'} and run "npm run check" again.`);
  process.exitCode = 1;
}
