// The deck's script and every chunk it loads on demand, bundled again into one script for the single file.
//
// A page opened from file:// cannot fetch a module, so the chunks have to live inside the page's one script.
// Rather than rewrite the build's JavaScript by pattern (which breaks the day Vite writes its chunks another way),
// the built files are handed back to the bundler Vite itself uses (Rolldown), with code splitting off: it reads the
// chunks as modules, whatever their shape, and writes one. Only files of the build may be imported; anything else
// would be a request leaving the page, so it is refused.
import { rolldown, type Plugin } from 'rolldown';
import { parseAst } from 'rolldown/parseAst';
import { dirOf, normalise } from './asset-paths.ts';

/** A built file's text by its path relative to dist/, such as "assets/index-abc.js". */
export type ReadScript = (path: string) => string;

// Ids of built files inside this bundle; the \0 keeps other plugins and the file system away from them.
const BUILT = '\0built:';

export async function bundleOneScript(entry: string, read: ReadScript): Promise<string> {
  const builtFiles: Plugin = {
    name: 'built-files',
    resolveId(source, importer) {
      if (importer === undefined) return BUILT + normalise(source);
      if (!/^\.\.?\//.test(source)) {
        throw new Error(`single file: the script imports "${source}", which is not a file of the build`);
      }
      return BUILT + normalise(`${dirOf(importer.slice(BUILT.length))}/${source}`);
    },
    load(id) {
      if (!id.startsWith(BUILT)) return null;
      const path = id.slice(BUILT.length);
      try {
        return read(path);
      } catch (e) {
        throw new Error(`single file: the script imports ${path}, which the build did not write (${e instanceof Error ? e.message : String(e)})`);
      }
    },
  };
  const bundle = await rolldown({
    input: entry,
    plugins: [builtFiles],
    // The chunks were made for the browser by Vite already; nothing here is for Node.
    platform: 'browser',
    // Warnings about the minified input's own shape are not the reader's concern; errors still throw.
    logLevel: 'silent',
  });
  try {
    const { output } = await bundle.generate({ format: 'es', codeSplitting: false, minify: true, comments: false });
    const chunks = output.filter((o) => o.type === 'chunk');
    if (chunks.length !== 1 || output.length !== 1) {
      throw new Error(`single file: bundling ${entry} gave ${output.map((o) => o.fileName).join(', ')}, not one script`);
    }
    const code = chunks[0]!.code;
    refuseImportsLeft(code, entry);
    return code;
  } finally {
    await bundle.close();
  }
}

/**
 * An import the bundler could not follow (a computed `import(url)`, say) would fetch at run time. The bundled script
 * is parsed and any import left in it is refused, so the single file never asks for anything beside it.
 */
function refuseImportsLeft(code: string, entry: string): void {
  const left: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const n = node as { type?: string; start?: number; end?: number };
    if (n.type === 'ImportExpression' || n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || (n.type === 'ExportNamedDeclaration' && (node as { source?: unknown }).source)) {
      left.push(code.slice(n.start, n.end).slice(0, 80));
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'parent') visit(value);
  };
  visit(parseAst(code, { sourceType: 'module' }));
  if (left.length > 0) {
    throw new Error(`single file: ${entry} still imports at run time (${left.join('; ')}); only files of the build can be placed inside the page`);
  }
}
