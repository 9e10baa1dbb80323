// `npm run check`: validates the talk's files without building, printing every problem with its line.
import { DataError, formatProblem, type Problem } from '../data/data-error.ts';
import { checkClosing, problemReport } from './report.ts';
import { loadTalk } from '../data/load-data.ts';
import { replayFileProblems } from '../replay/talk-inputs.ts';
import { buildDeck } from '../slides/build-deck.ts';
import { NotATalk, openTalk, talkOption } from './chosen-talk.ts';
import { shownPath } from '../names/shown-path.ts';

let talk;
try {
  talk = openTalk(talkOption(process.argv.slice(2)));
} catch (e) {
  if (!(e instanceof NotATalk)) throw e;
  console.error(e.message);
  process.exit(1);
}
console.log(talk.line);
const root = talk.root;
try {
  const model = loadTalk({ root });
  // The slides are made too (nothing is written), so text too long for any slide is reported here as well; and the
  // replay's files the talk names must be there (npm run build makes the replay from them; they are not decoded).
  const problems: Problem[] = await buildDeck(model).then(
    () => [],
    (e: unknown) => {
      if (e instanceof DataError) return e.problems;
      throw e;
    },
  );
  problems.push(...replayFileProblems(model, root));
  if (problems.length) throw new DataError(problems);
  for (const warning of model.warnings) console.warn(`${formatProblem(warning)}  (a warning: the deck still builds)`);
  const count = model.files.length;
  console.log(`The talk in ${root === process.cwd() ? 'this folder' : shownPath(root)} is fine: ${count} files checked.`);
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  console.error(problemReport(e.problems, checkClosing(talk.again('check'))));
  process.exitCode = 1;
}
