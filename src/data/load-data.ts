// Loads every data file and the running order, validates them, and checks that ids line up.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COLLECTIONS, type CollectionName } from '../schema/index.ts';
import { GENERATED, OrderSchema, type Order } from '../schema/order.ts';
import type { z } from 'zod';
import { DataError, type Problem } from './data-error.ts';
import { parseYaml, readText, type Located } from './load-yaml.ts';
import { loadMarkdownSlides, type MarkdownSlide } from './load-markdown-slide.ts';
import { checkReferences } from './check-references.ts';
import { nearest } from './describe-value.ts';

type Model = { [K in CollectionName]: z.infer<(typeof COLLECTIONS)[K]['schema']> };

/** Everything the deck is made from, validated. */
export interface TalkModel extends Model {
  order: Order;
  markdown: Map<string, MarkdownSlide>;
  /** Files read, so a dev server can watch them. */
  files: string[];
}

export interface TalkPaths {
  /** The folder that holds data/ and slides/. */
  root: string;
  /** How file names appear in messages (relative to here). */
  cwd?: string;
}

export function loadTalk({ root, cwd = process.cwd() }: TalkPaths): TalkModel {
  const problems: Problem[] = [];
  const files: string[] = [];
  const shown = (p: string) => relative(cwd, p) || p;
  const collect = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (e) {
      if (e instanceof DataError) problems.push(...e.problems);
      else throw e;
      return undefined;
    }
  };

  if (!existsSync(join(root, 'data')) || !statSync(join(root, 'data')).isDirectory()) {
    const where = relative(cwd, root) || 'this folder';
    throw new DataError([
      {
        file: shown(join(root, 'data')),
        line: 1,
        column: 1,
        field: '',
        message: `no talk here: ${where} has no data folder. A talk is a folder holding data/ and slides/, such as examples/library-hours`,
      },
    ]);
  }

  const located: Partial<Record<CollectionName | 'order', Located<unknown>>> = {};
  const model: Partial<Model> & { order?: Order } = {};
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const { file, schema } = COLLECTIONS[name];
    const path = join(root, 'data', file);
    files.push(path);
    const result = collect(() => parseYaml(readText(path, shown(path)), shown(path), schema));
    if (result) {
      located[name] = result;
      (model as Record<string, unknown>)[name] = result.value;
    }
  }
  const orderPath = join(root, 'slides', 'order.yaml');
  files.push(orderPath);
  const order = collect(() => parseYaml(readText(orderPath, shown(orderPath)), shown(orderPath), OrderSchema));
  if (order) {
    located.order = order;
    model.order = order.value;
  }

  const markdown = new Map<string, MarkdownSlide>();
  if (order) {
    const slidesDir = join(root, 'slides');
    const mdFiles = existsSync(slidesDir) ? readdirSync(slidesDir).filter((f) => f.endsWith('.md')).sort() : [];
    for (const [i, entry] of order.value.slides.entries()) {
      const problem = (message: string) =>
        problems.push({ file: shown(orderPath), ...order.locate(['slides', i]), field: `slides[${i}]`, message });
      if ((GENERATED as readonly string[]).includes(entry)) continue;
      if (!entry.endsWith('.md')) {
        const guess = mdFiles.includes(`${entry}.md`) ? `${entry}.md` : nearest(entry, [...GENERATED, ...mdFiles]);
        problem(
          `"${entry}" is not a slide${guess ? `: did you mean "${guess}"?` : ''} Expected a file of the slides folder ending in .md` +
            `${mdFiles.length ? ` (${mdFiles.join(', ')})` : ''}, or one of the slides made from the data: ${GENERATED.join(', ')}`,
        );
        continue;
      }
      const path = join(slidesDir, entry);
      if (!existsSync(path)) {
        const guess = nearest(entry, mdFiles);
        problem(`no slide file "${entry}" in ${shown(slidesDir)}${guess ? `: did you mean "${guess}"?` : ''}`);
        continue;
      }
      files.push(path);
      const slide = collect(() => loadMarkdownSlides(readText(path, shown(path)), shown(path)));
      if (slide) markdown.set(entry, slide);
    }
  }

  // Ids are checked across files with whatever did load, so these problems come in the same report.
  problems.push(...checkReferences(model, markdown, located, (n) => shown(join(root, n === 'order' ? 'slides/order.yaml' : `data/${COLLECTIONS[n].file}`))));
  if (problems.length > 0) throw new DataError(problems);
  return { ...(model as Model & { order: Order }), markdown, files };
}
