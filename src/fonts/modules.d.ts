// Types for the two font libraries the build and its tests use, which ship none of their own.
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    keepFeatures?: string[];
    noHinting?: boolean;
    noLayoutClosure?: boolean;
    preserveNameIds?: number[];
  }
  export default function subsetFont(font: Buffer | Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}

declare module 'fontkit' {
  export interface Font {
    familyName: string;
    /** Every code point the font's cmap maps to a glyph. */
    characterSet: number[];
    availableFeatures: string[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): { id: number; name?: string; advanceWidth: number };
    unitsPerEm: number;
  }
  export function create(buffer: Buffer | Uint8Array): Font;
}
