// npm run new: a complete talk to fill in, in each language, that passes npm run check with a warning at each
// placeholder; every YAML file wired to its JSON Schema, so the real YAML language server underlines a misspelled
// field; no word of the massage talk; refusals (a folder that exists, an unknown language) change nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/project.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';

const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
const run = (script: string, args: string[]) =>
  spawnSync(tsx, [script, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DECK_TALK_MEMORY: 'off', NO_COLOR: '1' }, timeout: 120_000 });
const make = (args: string[]) => run('scripts/new-talk.ts', args);
const check = (folder: string) => run('src/cli/check.ts', ['--talk', folder]);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'new-talk-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file of a folder, by its path inside it. */
function files(root: string, sub = ''): string[] {
  return readdirSync(join(root, sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(root, join(sub, e.name)) : [join(sub, e.name)]));
}

describe('npm run new', () => {
  it.each([
    ['en', 'REPLACE'],
    ['es', 'REEMPLAZAR'],
    ['fr', 'REMPLACER'],
  ])('makes a talk in %s that passes npm run check, with a warning at each placeholder left', async (lang, marker) => {
    const folder = join(dir, `talk ${lang}`);
    const made = make([folder, '--lang', lang]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain(`npm run check -- --talk '${folder}'`);
    expect(files(folder).sort()).toEqual(
      expect.arrayContaining(['data/talk.yaml', 'data/people.yaml', 'data/studies.yaml', 'data/quotes.yaml', 'data/takeaways.yaml', 'data/resources.yaml', 'slides/order.yaml']),
    );
    expect(files(folder).some((f) => f.startsWith('sources/') && f.endsWith('.txt'))).toBe(true);
    expect(files(folder).some((f) => f.startsWith('slides/') && f.endsWith('.md'))).toBe(true);
    const checked = check(folder);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('is fine');
    const placeholders = checked.stderr.split('\n').filter((l) => l.includes('placeholder left'));
    // Every line that holds the marker, outside comments, is listed once.
    const expected = files(folder).flatMap((f) =>
      readFileSync(join(folder, f), 'utf8')
        .split('\n')
        .filter((l) => l.includes(marker) && !(f.endsWith('.yaml') && /^\s*#/.test(l))),
    );
    expect(placeholders).toHaveLength(expected.length);
    expect(placeholders[0]).toMatch(new RegExp(`data/talk\\.yaml:\\d+:\\d+ {2}placeholder left: "${marker}`));
    // The example address is a placeholder too.
    expect(checked.stderr).toMatch(/data\/talk\.yaml:\d+:\d+ {2}https:\/\/example\.org\/talks\/talk-\w\w\/ is a placeholder address/);
    // Its slides are in its language, built from it alone.
    const deck = await buildTalk(folder);
    expect(deck.model.talk.lang).toBe(lang);
    expect(deck.slides.map((s) => s.id)).toContain('tips');
  }, 120_000);

  it('holds no word of the massage talk', () => {
    const words = /massage|sclerosis|esclerosis|sclérose|\bMS\b|\bEM\b|negahban|mcclurg|sutherland|st\. louis/i;
    for (const f of files(resolve(ROOT, 'templates'))) {
      expect(readFileSync(resolve(ROOT, 'templates', f), 'utf8'), f).not.toMatch(words);
    }
  });

  it('wires each YAML file to its JSON Schema, so the YAML language server underlines a misspelled field', async () => {
    const folder = join(dir, 'language-server');
    expect(make([folder]).status).toBe(0);
    const file = join(folder, 'data/people.yaml');
    const text = readFileSync(file, 'utf8').replace('  summary:', '  sumary:');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${relative(join(folder, 'data'), resolve(ROOT, 'schemas/people.schema.json'))}`);
    const service = getLanguageService({
      schemaRequestService: async (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'),
      workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).href },
    } as never);
    service.configure({ validate: true, completion: true, hover: true, isKubernetes: false } as never);
    const doc = TextDocument.create(pathToFileURL(file).href, 'yaml', 1, text);
    const diagnostics = await service.doValidation(doc, false);
    const line = text.split('\n').findIndex((l) => l.startsWith('  sumary:'));
    expect(diagnostics.map((d) => [d.range.start.line, d.message])).toContainEqual([line, 'Property sumary is not allowed.']);
    // And completes the fields of the team, with their descriptions.
    const complete = await service.doComplete(doc, { line, character: 2 }, false);
    expect(complete.items.map((i) => i.label)).toContain('summary');
  }, 60_000);

  it('refuses a folder that exists, changing nothing in it', () => {
    const folder = join(dir, 'exists');
    mkdirSync(folder);
    writeFileSync(join(folder, 'mine.txt'), 'my notes');
    const made = make([folder]);
    expect(made.status).toBe(1);
    expect(made.stderr).toMatch(/already exists; nothing was written/);
    expect(readdirSync(folder)).toEqual(['mine.txt']);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('refuses an unknown language and a missing folder with the usage, writing nothing', () => {
    const unknown = make([join(dir, 'de-talk'), '--lang', 'de']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('there is no template in the language "de": choose one of en, es, fr.');
    expect(existsSync(join(dir, 'de-talk'))).toBe(false);
    const none = make([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage: npm run new -- <folder>');
  });
});
