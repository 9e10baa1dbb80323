// `npm run check`: validates the talk's files without building, printing every problem with its line.
import { resolve } from 'node:path';
import { DataError, formatProblem } from '../data/data-error.ts';
import { CHECK_CLOSING, problemReport } from './report.ts';
import { loadTalk } from '../data/load-data.ts';
import { replayFileProblems } from '../replay/talk-inputs.ts';
import { buildDeck } from '../slides/build-deck.ts';
import { talkRootFromArgs } from './talk-root.ts';

const root = talkRootFromArgs(process.argv.slice(2));
try {
  const model = loadTalk({ root });
  // The replay's files the talk names are there (npm run build makes the replay from them); they are not decoded.
  const replay = replayFileProblems(model, root);
  // The slides are made too (nothing is written), so text too long for any slide is reported here as well.
  await buildDeck(model).catch((e: unknown) => {
    throw e instanceof DataError ? new DataError([...e.problems, ...replay]) : e;
  });
  if (replay.length) throw new DataError(replay);
  for (const warning of model.warnings) console.warn(`${formatProblem(warning)}  (a warning: the deck still builds)`);
  const count = model.files.length;
  console.log(`The talk in ${resolve(root)} is fine: ${count} files checked.`);
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  console.error(problemReport(e.problems, CHECK_CLOSING));
  process.exitCode = 1;
}
