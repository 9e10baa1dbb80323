// `npm run check`: validates the talk's files without building, printing every problem with its line.
import { resolve } from 'node:path';
import { DataError } from '../data/data-error.ts';
import { CHECK_CLOSING, problemReport } from './report.ts';
import { loadTalk } from '../data/load-data.ts';
import { talkRootFromArgs } from './talk-root.ts';

const root = talkRootFromArgs(process.argv.slice(2));
try {
  const model = loadTalk({ root });
  const count = model.files.length;
  console.log(`The talk in ${resolve(root)} is fine: ${count} files checked.`);
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  console.error(problemReport(e.problems, CHECK_CLOSING));
  process.exitCode = 1;
}
