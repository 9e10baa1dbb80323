// The talk's files as the editor sees them: each data file's value, text and version; the hand-written slides and
// the sources as text. Saving goes through here: the new value checked against the file's schema (the same messages
// as npm run check), written as line edits of the file as it is on disk (src/data/apply-changes.ts), and only if the
// file is still the version the page was editing. Only data/*.yaml, slides/*.md and sources/*.txt of the talk are
// ever written.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { applyChanges } from '../data/apply-changes.ts';
import { YamlEditError } from '../data/edit-yaml.ts';
import { readYaml } from '../data/load-yaml.ts';
import { loadMarkdownSlides } from '../data/load-markdown-slide.ts';
import { DataError, type Problem } from '../data/data-error.ts';
import { outsideTalk } from '../data/inside-talk.ts';
import { forbiddenCharacter, Id } from '../schema/common.ts';
import { SCHEMA_FILES, type SchemaName } from '../schema/json-schemas.ts';

export const PARTS = Object.keys(SCHEMA_FILES) as SchemaName[];

export interface PartState {
  name: SchemaName;
  file: string;
  /** The file's data, or undefined when it is missing or does not parse. */
  data: unknown;
  version: string;
  exists: boolean;
}

export interface TextState {
  id: string;
  file: string;
  text: string;
  version: string;
}

export type SaveResult =
  | { ok: true; version: string; changed: boolean }
  | { ok: false; kind: 'invalid'; problems: Problem[] }
  | { ok: false; kind: 'clash'; version: string; data: unknown }
  | { ok: false; kind: 'refused'; message: string };

const versionOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const MAX_SOURCE_CHARS = 2_000_000;

export class TalkStore {
  constructor(readonly root: string) {}

  #path(relative: string): string {
    return join(this.root, relative);
  }

  #read(relative: string): string | undefined {
    const path = this.#path(relative);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }

  part(name: SchemaName): PartState {
    const file = SCHEMA_FILES[name].file;
    const text = this.#read(file);
    let data: unknown;
    try {
      data = text === undefined ? undefined : parse(text);
    } catch {
      data = undefined;
    }
    return { name, file, data, version: versionOf(text ?? ''), exists: text !== undefined };
  }

  slides(): TextState[] {
    return this.#texts('slides', '.md');
  }

  sources(): TextState[] {
    return this.#texts('sources', '.txt');
  }

  #texts(dir: string, ext: string): TextState[] {
    const folder = this.#path(dir);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => {
        const text = readFileSync(join(folder, f), 'utf8');
        return { id: basename(f, ext), file: `${dir}/${f}`, text, version: versionOf(text) };
      });
  }

  /** Writes a data file's new value, if it passes the schema and the file is still at `version`. */
  savePart(name: SchemaName, data: unknown, version: string): SaveResult {
    const { file, schema } = SCHEMA_FILES[name];
    const refused = this.#refusedPath(file);
    if (refused) return { ok: false, kind: 'refused', message: refused };
    const current = this.part(name);
    if (current.version !== version) return { ok: false, kind: 'clash', version: current.version, data: current.data };
    const before = this.#read(file);
    if (before === undefined || current.data === undefined) return { ok: false, kind: 'refused', message: `${file} is missing or is not valid YAML: fix it in a text editor (npm run check says where), then reload` };
    let text: string;
    try {
      text = applyChanges(before, current.data, data);
    } catch (e) {
      if (e instanceof YamlEditError) return { ok: false, kind: 'refused', message: `${file}: ${e.message}` };
      throw e;
    }
    const read = readYaml(text, file, schema);
    if (read.problems.length) return { ok: false, kind: 'invalid', problems: read.problems };
    if (text === before) return { ok: true, version, changed: false };
    this.#write(file, text);
    return { ok: true, version: versionOf(text), changed: true };
  }

  /** Writes a hand-written slide's text, if it reads as a slide. */
  saveSlide(id: string, text: string, version: string | undefined): SaveResult {
    return this.#saveText('slides', '.md', id, text, version, (file) => loadMarkdownSlides(text.replace(/\r\n/g, '\n'), file));
  }

  /** Writes a source text: UTF-8 text without control characters, under a size cap. */
  saveSource(id: string, text: string, version: string | undefined): SaveResult {
    return this.#saveText('sources', '.txt', id, text, version, (file) => {
      if (text.length > MAX_SOURCE_CHARS) throw new DataError([{ file, line: 1, column: 1, field: '', message: `the text is ${text.length} characters: a source is an abstract or a message, far shorter` }]);
      const lines = text.split('\n');
      const problems = lines.flatMap((line, i) => {
        const control = forbiddenCharacter(line.replace(/\r$/, '').replace(/\t/g, ' '));
        return control ? [{ file, line: i + 1, column: 1, field: '', message: control }] : [];
      });
      if (!text.trim()) problems.push({ file, line: 1, column: 1, field: '', message: 'the source is empty: paste the text it holds' });
      if (problems.length) throw new DataError(problems);
    });
  }

  #saveText(dir: string, ext: string, id: string, text: string, version: string | undefined, check: (file: string) => unknown): SaveResult {
    if (!Id.safeParse(id).success) return { ok: false, kind: 'refused', message: `"${id}" is not a name for a file of the talk: use lower-case letters, digits and single hyphens, such as "smith-2020"` };
    const file = `${dir}/${id}${ext}`;
    const refused = this.#refusedPath(file);
    if (refused) return { ok: false, kind: 'refused', message: refused };
    const before = this.#read(file);
    const current = versionOf(before ?? '');
    // A new file must not exist yet; an existing one must be the version the page had.
    if ((version === undefined && before !== undefined) || (version !== undefined && version !== current)) {
      return { ok: false, kind: 'clash', version: current, data: before };
    }
    try {
      check(file);
    } catch (e) {
      if (e instanceof DataError) return { ok: false, kind: 'invalid', problems: e.problems };
      throw e;
    }
    if (text === before) return { ok: true, version: current, changed: false };
    this.#write(file, text);
    return { ok: true, version: versionOf(text), changed: true };
  }

  /** Why a file may not be written: outside data/, slides/ or sources/, or a link leading out of the talk. */
  #refusedPath(file: string): string | undefined {
    if (!/^(data\/[\w-]+\.yaml|slides\/[\w-]+\.(md|yaml)|sources\/[\w-]+\.txt)$/.test(file)) return `${file} is not one of the talk's data, slide or source files`;
    return outsideTalk(this.#path(file), this.root);
  }

  #write(file: string, text: string): void {
    const path = this.#path(file);
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.edit-${process.pid}`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  }
}
