// `npm run new -- <folder> [--lang en|es|fr]`: makes a complete new talk to fill in, from templates/<lang>/: every
// data file and slides/order.yaml with each field explained in a comment in the talk's language, one example of each
// kind of entry marked as a placeholder, a source text and a hand-written slide. Each YAML file's first line points
// the editor at its JSON Schema (schemas/), so VS Code's YAML extension completes fields and underlines mistakes.
// The talk is written into a temporary folder and then moved into place: never half a talk, and never over a folder
// that exists.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { rememberTalk } from '../src/names/talk-folder.ts';
import { shownPath } from '../src/names/shown-path.ts';
import { shellWord } from '../src/cli/chosen-talk.ts';
import { SCHEMA_FILES } from '../src/schema/json-schemas.ts';

const project = resolve(import.meta.dirname, '..');
const templates = resolve(project, 'templates');
const languages = readdirSync(templates).filter((l) => statSync(join(templates, l)).isDirectory()).sort();
const USAGE = `Usage: npm run new -- <folder> [--lang ${languages.join('|')}]
  Makes a new talk to fill in, such as: npm run new -- talks/yoga-and-balance --lang en`;

function fail(message: string, code = 1): never {
  console.error(`npm run new: ${message}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), options: { lang: { type: 'string', default: 'en' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
} catch (e) {
  fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`, 2);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [given, ...extra] = parsed.positionals;
if (!given) fail(`say which folder to make the talk in.\n${USAGE}`, 2);
if (extra.length) fail(`one folder only, found also "${extra[0]}" (a folder name with spaces goes in quotes).\n${USAGE}`, 2);
const lang = parsed.values.lang!;
if (!languages.includes(lang)) fail(`there is no template in the language "${lang}": choose one of ${languages.join(', ')}.`, 2);

const target = resolve(given);
if (existsSync(target)) fail(`${shownPath(target)} already exists; nothing was written. Choose a new folder name, or work on that talk with --talk ${shellWord(shownPath(target))}.`);
if (target === project || project.startsWith(`${target}${sep}`)) fail('the new talk needs a folder of its own.');

/** A file-name stem from the folder's name: lower-case letters and digits joined by single hyphens. */
function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'talk';
}

const slug = slugOf(basename(target));
const shown = shownPath(target);
const partial = join(dirname(target), `.${basename(target)}.partial-${randomBytes(6).toString('hex')}`);
try {
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(templates, lang), partial, { recursive: true, errorOnExist: true, force: false });
  // The schema line for each YAML file, from where the file will be.
  const schemaOf = new Map<string, string>(Object.entries(SCHEMA_FILES).map(([name, s]) => [s.file as string, name]));
  const fill = (file: string) => {
    const path = join(partial, file);
    let text = readFileSync(path, 'utf8').replaceAll('{{slug}}', slug).replaceAll('{{folder}}', shellWord(shown));
    const schema = schemaOf.get(file);
    if (schema) {
      const from = relative(dirname(join(target, file)), join(project, 'schemas', `${schema}.schema.json`)).split(sep).join('/');
      text = `# yaml-language-server: $schema=${from}\n${text}`;
    }
    writeFileSync(path, text);
  };
  const walk = (dir: string): string[] =>
    readdirSync(join(partial, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name).split(sep).join('/')]));
  for (const file of walk('')) fill(file);
  // Moved into place whole: a talk is never half there.
  renameSync(partial, target);
} catch (e) {
  rmSync(partial, { recursive: true, force: true });
  fail(`could not make the talk: ${e instanceof Error ? e.message : String(e)}; nothing was left behind.`);
}
rememberTalk(target);
const talk = shellWord(shown);
console.log(`Made a new talk in ${shown}/ (language: ${lang}). Commands without --talk now work on it.

Next:
  1. Fill in the files in ${shown}/data/, slides/ and sources/: replace each line marked as a placeholder.
  2. Check it:            npm run check -- --talk ${talk}
  3. Look at it:          npm run dev -- --talk ${talk}      (or every slide as pictures: npm run screenshots -- --talk ${talk})
  4. Build and print it:  npm run build -- --talk ${talk}    then  npm run pdf -- --talk ${talk}`);
