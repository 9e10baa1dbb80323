// `npm run refs -- import <file> [--talk <folder>] [--abstracts] [--dry-run]`: fills the references in
// data/studies.yaml from what PubMed, Zotero, EndNote or Mendeley export (RIS, BibTeX, .nbib, CSL-JSON). Each record
// is matched to a study by DOI, then PubMed id, then title; a matched study gets the reference fields it lacks (the
// ones it has are never overwritten: a difference is listed), a record matching none is added as a new study for the
// volunteer to finish. Everything is worked out before anything is written; a problem writes nothing.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NotATalk, openTalk } from './chosen-talk.ts';
import { shownPath } from '../names/shown-path.ts';
import { outsideTalk } from '../data/inside-talk.ts';
import { YamlEditError } from '../data/edit-yaml.ts';
import { decodeReferenceFile, formatOf, ImportFileError, readReferences, type ReferenceFormat } from '../references/read-reference-file.ts';
import { ImportConflict } from '../references/plan-import.ts';
import { applyImport } from '../references/apply-import.ts';

const USAGE = `Usage: npm run refs -- import <file> [--talk <folder>] [--abstracts] [--dry-run]
  <file>       a RIS (.ris), BibTeX (.bib), PubMed (.nbib) or CSL-JSON (.json) export of the studies
  --abstracts  also write each record's abstract to sources/<study>.txt, so quotes and figures are checked against it
  --dry-run    say what would change, and write nothing`;

const FORMAT_NAMES: Record<ReferenceFormat, string> = { ris: 'RIS', bibtex: 'BibTeX', medline: 'PubMed (MEDLINE)', 'csl-json': 'CSL-JSON' };

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    args: process.argv.slice(2),
    options: { talk: { type: 'string' }, abstracts: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
} catch (e) {
  fail(`npm run refs: ${(e as Error).message}\n${USAGE}`);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [command, file, ...extra] = args.positionals;
if (command !== 'import' || !file || extra.length) fail(`npm run refs: ${command && command !== 'import' ? `"${command}" is not a refs command.` : 'which file?'}\n${USAGE}`);

let talk;
try {
  talk = openTalk(args.values.talk);
} catch (e) {
  if (!(e instanceof NotATalk)) throw e;
  fail(e.message);
}
console.log(talk.line);
const root = talk.root;
const shown = (p: string) => shownPath(p, process.cwd());
const path = resolve(file);
if (!existsSync(path)) fail(`There is no file ${shown(path)}.`);

// Read and check everything first.
let records;
let format: ReferenceFormat | undefined;
try {
  const text = decodeReferenceFile(readFileSync(path));
  format = formatOf(path, text);
  if (!format) fail(`${shown(path)}: not a file this command reads. Expected RIS (.ris), BibTeX (.bib), PubMed (.nbib) or CSL-JSON (.json).\nNothing was written.`);
  records = readReferences(format, text);
} catch (e) {
  if (e instanceof ImportFileError) fail(`${shown(path)}:${e.line}: ${e.message}\nNothing was written.`);
  throw e;
}
console.log(`Read ${records.length} reference${records.length === 1 ? '' : 's'} from ${shown(path)} (${FORMAT_NAMES[format]}).`);

const studiesPath = join(root, 'data/studies.yaml');
if (!existsSync(studiesPath)) fail(`${shown(studiesPath)} is missing: a talk's studies go there (npm run new makes one).`);
const away = outsideTalk(studiesPath, root);
if (away) fail(`${shown(studiesPath)}: ${away}`);
const sourcesDir = join(root, 'sources');
const existingSources = new Map(
  existsSync(sourcesDir) ? readdirSync(sourcesDir).filter((f) => f.endsWith('.txt')).map((f) => [basename(f, '.txt'), readFileSync(join(sourcesDir, f), 'utf8')] as const) : [],
);
let result;
try {
  result = applyImport(readFileSync(studiesPath, 'utf8'), records, { abstracts: Boolean(args.values.abstracts), existingSources });
} catch (e) {
  if (e instanceof ImportConflict) fail(`${shown(path)}:${e.line}: ${e.message}\nNothing was written.`);
  if (e instanceof YamlEditError) fail(`${shown(studiesPath)}: ${e.message}. Run "${talk.again('check')}" to see where.\nNothing was written.`);
  throw e;
}

const { plan } = result;
const quoted = (v: unknown) => JSON.stringify(String(v));
for (const m of plan.matches) {
  const filled = Object.keys(m.fill);
  console.log(`- ${m.study.id ?? `study ${m.study.index + 1}`} matched ${m.record.label} by its ${m.by}: ${filled.length ? `filled ${filled.join(', ')}` : 'nothing to fill'}`);
  for (const d of m.differs) console.log(`    left alone: ${d.field} is ${quoted(d.talk)} in studies.yaml, ${quoted(d.file)} in the file`);
}
for (const a of plan.additions) console.log(`- added study ${a.id}${a.title ? ` ("${a.title}")` : ''} from ${a.record.label}: it still needs its short title, design, what was measured and results`);
for (const s of result.sources) console.log(`- ${args.values['dry-run'] ? 'would write' : 'wrote'} its abstract to sources/${s.id}.txt`);
for (const l of result.abstractsLeft) console.log(`- abstract of ${l.id} not written: ${l.why}`);

if (args.values['dry-run']) {
  console.log('Nothing was written (--dry-run).');
  process.exit(0);
}
const changed = result.studiesText !== readFileSync(studiesPath, 'utf8');
if (changed) {
  // A whole file or none: written beside it, then moved into place.
  const temporary = `${studiesPath}.import-${process.pid}`;
  writeFileSync(temporary, result.studiesText);
  renameSync(temporary, studiesPath);
}
if (result.sources.length) {
  const newFolder = !existsSync(sourcesDir);
  mkdirSync(sourcesDir, { recursive: true });
  for (const s of result.sources) writeFileSync(join(sourcesDir, `${s.id}.txt`), s.text, { flag: 'wx' });
  if (newFolder) console.log(`The talk now has a sources/ folder: npm run check holds its quotes, figures and claims to the texts there.`);
}
console.log(
  changed || result.sources.length
    ? `${changed ? `Updated ${shown(studiesPath)}` : 'studies.yaml unchanged'}. Run "${talk.again('check')}" to see what ${plan.additions.length ? 'the new studies still need' : 'is left to do'}.`
    : 'Nothing to change: the talk already has these references.',
);
