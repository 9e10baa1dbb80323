// The house's plan, checked: data flows one way (data files → typed model → slide descriptions → pages → adapters).
// Every module of src/ is read with TypeScript's own pre-processor (static imports, re-exports and dynamic
// import('…') alike); no module may import one of a higher layer, and no import may come back round in a circle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * The layers, lowest first. A module may import from its own layer and any layer below it. A folder sits in one
 * layer; browser code is its own world, at the top, as it runs in the page.
 */
const LAYERS: readonly (readonly string[])[] = [
  // Pieces with no knowledge of talks: escaping, words and numbers, Markdown, text measurement, files and browsers.
  ['html', 'locale', 'markdown', 'layout', 'serve', 'chromium', 'timeline'],
  // The typed model: one schema per data file; and the names of the files made from a talk.
  ['schema', 'names'],
  // Reading and checking the talk's files into the model.
  ['data', 'references'],
  // The model into slide descriptions, and their order and timing.
  ['render'],
  ['slides'],
  // A whole deck: the model with its slides, for every page made from them.
  ['deck'],
  // Pages and files made from a deck.
  ['share', 'handout', 'fonts', 'pptx', 'replay'],
  // Adapters: the build tool, the command line, the live server, the browser.
  ['vite', 'cli', 'present', 'edit', 'browser'],
];

function layerOf(file: string): number {
  const folder = relative(SRC, file).split(/[\\/]/)[0]!;
  const i = LAYERS.findIndex((l) => l.includes(folder));
  if (i < 0) throw new Error(`src/${folder}/ is in no layer of tests/architecture/layers.test.ts: add it where it belongs`);
  return i;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(f) && !/\.d\.ts$/.test(f) ? [p] : [];
  });
}

/** The modules of src/ a file imports (relative imports only: packages are not part of the plan). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name))
    .filter((target) => target.startsWith(SRC) && /\.ts$/.test(target));
}

const FILES = sources(SRC);
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));
const shown = (f: string) => relative(SRC, f);

/** Groups of modules that import one another round in a circle (Tarjan's strongly connected components). */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.map(shown).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  it('reads every module and finds the imports (the check itself works)', () => {
    expect(FILES.length).toBeGreaterThan(60);
    expect(GRAPH.get(join(SRC, 'slides/build-deck.ts'))).toContain(join(SRC, 'render/render-study.ts'));
    const fake = (n: string) => join(SRC, n);
    expect(circles(new Map([[fake('a'), [fake('b')]], [fake('b'), [fake('c')]], [fake('c'), [fake('a')]], [fake('d'), [fake('a')]]]))).toEqual([['a', 'b', 'c']]);
  });

  it('has no circle', () => {
    expect(circles(GRAPH)).toEqual([]);
  });

  it('imports only from the same layer or below', () => {
    const upward = [...GRAPH].flatMap(([file, targets]) =>
      targets.filter((t) => layerOf(t) > layerOf(file)).map((t) => `${shown(file)} → ${shown(t)}`),
    );
    expect(upward).toEqual([]);
  });
});
