// Reading data as written (before, or despite, its schema): what the checks across files walk.

/** The value at a path of data as written, or undefined where the path does not exist. */
export function get(value: unknown, ...path: PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The value as a list, or undefined when it is not one. */
export function items(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
