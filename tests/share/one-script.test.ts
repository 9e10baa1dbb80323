// The single file's one script: the build's script and the chunks it loads on demand, bundled again by Rolldown.
import { describe, expect, it } from 'vitest';
import { bundleOneScript } from '../../src/share/one-script.ts';

describe('chunks loaded on demand, in the single file', () => {
  // Shaped as Vite writes them: the entry loads a chunk on demand, and the chunk imports a helper back from the entry.
  const files: Record<string, string> = {
    'assets/index-x9.js': 'function h(n){return n+1}globalThis.__loaded=Promise.all([import("./notes-a1.js"),import(`./notes-a1.js`)]);export{h as t};',
    'assets/notes-a1.js': 'import{t as h}from"./index-x9.js";function e(){return h(1)}var t={open:e};export{t as default,e as helper};',
    'assets/computed.js': 'import(location.hash.slice(1));',
    'assets/bare.js': 'import("reveal.js/plugin/notes");',
    'assets/missing.js': 'import("./gone-z1.js");',
    'assets/words.js': 'globalThis.__words="import(x) import(\'./y.js\')";',
  };
  const read = (p: string) => {
    const f = files[p];
    if (f === undefined) throw new Error(`no ${p}`);
    return f;
  };
  /** Runs a bundled script as the browser would run an inline module. */
  const run = (code: string) => import(`data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`);

  it('places every chunk inside the one script, whatever its shape, and both imports give the same module', async () => {
    const out = await bundleOneScript('assets/index-x9.js', read);
    expect(out).not.toMatch(/\bimport\s*\(|\bfrom\s*["'`]/);
    await run(out);
    const [a, b] = (await (globalThis as { __loaded?: Promise<[{ default: { open(): number }; helper(): number }, unknown]> }).__loaded)!;
    expect(a).toBe(b);
    expect(a.default.open()).toBe(2);
    expect(a.helper()).toBe(2);
  });

  it('refuses what would fetch at run time: a computed import, a package, a file the build did not write', async () => {
    await expect(bundleOneScript('assets/computed.js', read)).rejects.toThrow(/still imports at run time \(import\(location\.hash/);
    await expect(bundleOneScript('assets/bare.js', read)).rejects.toThrow(/imports "reveal\.js\/plugin\/notes", which is not a file of the build/);
    await expect(bundleOneScript('assets/missing.js', read)).rejects.toThrow(/imports assets\/gone-z1\.js, which the build did not write/);
  });

  it('leaves text that only looks like an import alone', async () => {
    await run(await bundleOneScript('assets/words.js', read));
    expect((globalThis as { __words?: string }).__words).toBe("import(x) import('./y.js')");
  });
});
