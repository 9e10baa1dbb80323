// Paths of files inside the build, as pages and style sheets refer to them.

/** A path inside dist/ with "./", ".." and doubled slashes resolved: "assets/x.woff2". */
export function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.replace(/^\.?\//, '').split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
