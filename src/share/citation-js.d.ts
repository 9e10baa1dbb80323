// The part of Citation.js the project uses (it ships no types): a list of CSL-JSON items in, a format out.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): string | unknown;
    data: unknown[];
  }
}
declare module '@citation-js/plugin-ris';
