// The PDFs' outline (bookmarks), set to the slides' own titles. Chromium builds an outline from the headings it
// prints, but a slide's heading is not always its title ("What they found" on each study's results), and a heading
// pushed to the top of a new page comes out doubled ("Slide 3Slide 3: : …"). So the outline is written anew,
// as an incremental update appended to Chromium's file: the file's own bytes stay as they are, and a new catalog
// points at the new outline. Chromium's PDFs use a classic cross-reference table, which is all this reads.

export interface OutlineEntry {
  title: string;
  /** A PDF destination, such as `[12 0 R /Fit]`. */
  dest: string;
  /** The structure element the entry stands for, if known (ties the bookmark to the tagged heading). */
  se?: string;
}

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
}

/** What Chromium wrote as the outline, depth-first: each entry's title, destination and structure element. */
export function readOutline(pdf: Uint8Array): OutlineEntry[] {
  const doc = new PdfReader(pdf);
  const outlines = doc.catalog().get('Outlines');
  if (!outlines) return [];
  const out: OutlineEntry[] = [];
  const visit = (ref: string | undefined, depth: number) => {
    for (let r = ref; r && depth < 16; ) {
      const item = doc.dict(r);
      out.push({ title: decodePdfString(item.get('Title') ?? '()'), dest: item.get('Dest') ?? '[]', se: item.get('SE') });
      visit(item.get('First'), depth + 1);
      r = item.get('Next');
    }
  };
  visit(doc.dict(outlines).get('First'), 0);
  return out;
}

/** References of the pages, in order ("12 0 R"). */
export function pageRefs(pdf: Uint8Array): string[] {
  const doc = new PdfReader(pdf);
  const refs: string[] = [];
  const walk = (ref: string, depth: number) => {
    const node = doc.dict(ref);
    if (node.get('Type') === '/Page') refs.push(ref);
    else if (depth < 32) for (const kid of (node.get('Kids') ?? '').match(/\d+\s+\d+\s+R/g) ?? []) walk(kid.replace(/\s+/g, ' '), depth + 1);
  };
  const pages = doc.catalog().get('Pages');
  if (pages) walk(pages, 0);
  return refs;
}

/** The PDF with a flat outline of these entries, in this order, and the document information given. */
export function withOutline(pdf: Uint8Array, entries: OutlineEntry[], info: PdfInfo = {}): Buffer {
  const doc = new PdfReader(pdf);
  let next = doc.size;
  const objects = new Map<number, string>();
  const rootNum = next++;
  const nums = entries.map(() => next++);
  const ref = (n: number) => `${n} 0 R`;
  objects.set(
    rootNum,
    entries.length
      ? `<</Type /Outlines /First ${ref(nums[0]!)} /Last ${ref(nums[nums.length - 1]!)} /Count ${entries.length}>>`
      : '<</Type /Outlines /Count 0>>',
  );
  entries.forEach((e, i) => {
    const parts = [`/Title ${encodePdfString(e.title)}`, `/Parent ${ref(rootNum)}`, `/Dest ${e.dest}`];
    if (e.se) parts.push(`/SE ${e.se}`);
    if (i > 0) parts.push(`/Prev ${ref(nums[i - 1]!)}`);
    if (i < entries.length - 1) parts.push(`/Next ${ref(nums[i + 1]!)}`);
    objects.set(nums[i]!, `<<${parts.join(' ')}>>`);
  });
  const catalog = doc.catalog();
  catalog.set('Outlines', ref(rootNum));
  const [catalogNum] = parseRef(doc.trailer.get('Root')!);
  objects.set(catalogNum, serializeDict(catalog));

  const infoRef = doc.trailer.get('Info');
  let infoNum: number | undefined;
  if (infoRef && (info.title || info.author || info.subject)) {
    const dict = doc.dict(infoRef);
    if (info.title) dict.set('Title', encodePdfString(info.title));
    if (info.author) dict.set('Author', encodePdfString(info.author));
    if (info.subject) dict.set('Subject', encodePdfString(info.subject));
    [infoNum] = parseRef(infoRef);
    objects.set(infoNum, serializeDict(dict));
  }

  // The update: the new and changed objects, their cross-reference section, and a trailer pointing back.
  const base = Buffer.from(pdf);
  const chunks: string[] = [base[base.length - 1] === 0x0a ? '' : '\n'];
  let offset = base.length + chunks[0]!.length;
  const offsets = new Map<number, number>();
  for (const [num, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    offsets.set(num, offset);
    const text = `${num} 0 obj\n${body}\nendobj\n`;
    chunks.push(text);
    offset += Buffer.byteLength(text, 'latin1');
  }
  const xrefAt = offset;
  const sorted = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    xref += `${sorted[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(sorted[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const trailer = new Map(doc.trailer);
  trailer.set('Size', String(next));
  trailer.set('Prev', String(doc.startxref));
  trailer.delete('XRefStm');
  chunks.push(`${xref}trailer\n${serializeDict(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat([base, Buffer.from(chunks.join(''), 'latin1')]);
}

/** A PDF text string: plain when it is printable ASCII, else UTF-16BE with a byte-order mark, as hex. */
export function encodePdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** Decodes a PDF string token, literal `(…)` or hex `<…>`, either PDFDocEncoding (as Latin-1) or UTF-16BE. */
export function decodePdfString(token: string): string {
  let bytes: number[] = [];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  } else {
    const s = token.slice(1, -1);
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c !== '\\') {
        bytes.push(c.charCodeAt(0) & 0xff);
        continue;
      }
      const n = s[++i] ?? '';
      const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
      if (n in escapes) bytes.push(escapes[n]!);
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
        bytes.push(parseInt(oct, 8) & 0xff);
      } else if (n === '\r' || n === '\n') {
        if (n === '\r' && s[i + 1] === '\n') i++;
      } else bytes.push(n.charCodeAt(0) & 0xff);
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  return String.fromCharCode(...bytes);
}

function parseRef(ref: string): [number, number] {
  const m = /^(\d+)\s+(\d+)\s+R$/.exec(ref.trim());
  if (!m) throw new Error(`not a PDF reference: ${ref}`);
  return [Number(m[1]), Number(m[2])];
}

function serializeDict(dict: Map<string, string>): string {
  return `<<${[...dict].map(([k, v]) => `/${k} ${v}`).join('\n')}>>`;
}

/** Just enough of a PDF reader for the catalog, the page tree, the outline and the document information. */
class PdfReader {
  readonly text: string;
  readonly offsets = new Map<number, number>();
  readonly trailer: Map<string, string>;
  readonly startxref: number;
  readonly size: number;

  constructor(pdf: Uint8Array) {
    this.text = Buffer.from(pdf).toString('latin1');
    const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text.slice(-1024));
    if (!tail) throw new Error('not a PDF this can read: no startxref at the end');
    this.startxref = Number(tail[1]);
    let trailer: Map<string, string> | undefined;
    // Newest section first; an older one never overrides what a newer one says.
    for (let at: number | undefined = this.startxref, guard = 0; at !== undefined && guard < 64; guard++) {
      const section = this.readXref(at);
      trailer ??= section.trailer;
      const prev = section.trailer.get('Prev');
      at = prev === undefined ? undefined : Number(prev);
    }
    this.trailer = trailer!;
    this.size = Number(this.trailer.get('Size'));
  }

  catalog(): Map<string, string> {
    return this.dict(this.trailer.get('Root') ?? '');
  }

  dict(ref: string): Map<string, string> {
    const [num] = parseRef(ref);
    const at = this.offsets.get(num);
    if (at === undefined) throw new Error(`PDF object ${num} is not in the cross-reference table`);
    const head = /^\s*\d+\s+\d+\s+obj\s*/.exec(this.text.slice(at, at + 64));
    if (!head) throw new Error(`PDF object ${num} does not start where the cross-reference table says`);
    return parseDict(this.text, at + head[0].length).dict;
  }

  private readXref(at: number): { trailer: Map<string, string> } {
    if (!this.text.startsWith('xref', at)) throw new Error('not a PDF this can read: a cross-reference stream, not a table');
    const end = this.text.indexOf('trailer', at);
    const lines = this.text.slice(at + 4, end).split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
    let num = 0;
    for (const line of lines) {
      const parts = line.split(/\s+/);
      if (parts.length === 2) num = Number(parts[0]);
      else {
        if (parts[2] === 'n' && !this.offsets.has(num)) this.offsets.set(num, Number(parts[0]));
        num++;
      }
    }
    const open = this.text.indexOf('<<', end);
    return { trailer: parseDict(this.text, open).dict };
  }
}

/** Parses the dictionary starting at `<<`: each key with its value's raw text. */
function parseDict(text: string, start: number): { dict: Map<string, string>; end: number } {
  if (!text.startsWith('<<', start)) throw new Error('expected a PDF dictionary');
  const dict = new Map<string, string>();
  let i = start + 2;
  const ws = () => {
    while (i < text.length && /[\s\0]/.test(text[i]!)) i++;
  };
  for (;;) {
    ws();
    if (text.startsWith('>>', i)) return { dict, end: i + 2 };
    if (text[i] !== '/') throw new Error(`unexpected "${text.slice(i, i + 20)}" in a PDF dictionary`);
    const key = readName(text, i);
    i += key.length + 1;
    ws();
    const valueStart = i;
    i = skipValue(text, i);
    // A reference is three tokens: "12 0 R".
    const ref = /^\s+\d+\s+R\b/.exec(text.slice(i, i + 24));
    if (/^\d+$/.test(text.slice(valueStart, i)) && ref) i += ref[0].length;
    dict.set(key, text.slice(valueStart, i).trim());
  }
}

function readName(text: string, i: number): string {
  let j = i + 1;
  while (j < text.length && !/[\s/<>[\]()%{}]/.test(text[j]!)) j++;
  return text.slice(i + 1, j);
}

/** The index just after the value starting at i. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (text.startsWith('<<', i)) return parseDict(text, i).end;
  if (c === '<') return text.indexOf('>', i) + 1;
  if (c === '(') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const ch = text[j];
      if (ch === '\\') j++;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) return j + 1;
    }
    return text.length;
  }
  if (c === '[') {
    let j = i + 1;
    for (;;) {
      while (j < text.length && /[\s\0]/.test(text[j]!)) j++;
      if (text[j] === ']') return j + 1;
      if (j >= text.length) return j;
      j = skipValue(text, j);
    }
  }
  if (c === '/') return i + 1 + readName(text, i).length;
  let j = i;
  while (j < text.length && !/[\s/<>[\]()]/.test(text[j]!)) j++;
  return j;
}
