// The part of Citation.js the project uses (it ships no types): a list of CSL-JSON items in, a format out; the CSL
// plugin's registers of styles and locales.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    format(format: string, options?: Record<string, unknown>): string | unknown;
    data: unknown[];
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
  }
  interface Register {
    add(name: string, value: string): void;
    has(name: string): boolean;
  }
  export const plugins: {
    config: { get(name: '@csl'): { templates: Register; locales: Register } };
    input: { list(): string[] };
  };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
