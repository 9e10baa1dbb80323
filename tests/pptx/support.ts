// Reading a .pptx back: it is a zip of XML files. The XML is read with htmlparser2 in XML mode, never with patterns.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import JSZip from 'jszip';
import { makePptx } from '../../src/pptx/make-pptx.ts';
import { buildTalk } from '../../src/deck/build-talk.ts';

export { ROOT } from '../support/project.ts';
import { ROOT } from '../support/project.ts';
export const TMP = resolve(ROOT, '.tmp', `pptx-test-${process.pid}`);

export interface Pptx {
  zip: JSZip;
  files: string[];
  xml(name: string): Promise<Document>;
  /** The slides' XML, in presentation order. */
  slides(): Promise<Document[]>;
  /** Each slide's notes XML (undefined when the slide has none), in order. */
  notes(): Promise<(Document | undefined)[]>;
}

export async function readPptx(buffer: Buffer): Promise<Pptx> {
  const zip = await JSZip.loadAsync(buffer);
  const files = Object.keys(zip.files);
  const xml = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is not in the .pptx`);
    return parseDocument(await file.async('string'), { xmlMode: true });
  };
  const rels = async (name: string) => {
    const dir = name.slice(0, name.lastIndexOf('/'));
    const relsName = `${dir}/_rels/${name.slice(dir.length + 1)}.rels`;
    return zip.file(relsName) ? DomUtils.getElementsByTagName('Relationship', (await xml(relsName)).children) : [];
  };
  const slideNames = async () => {
    const pres = await xml('ppt/presentation.xml');
    const presRels = await rels('ppt/presentation.xml');
    return DomUtils.getElementsByTagName('p:sldId', pres.children).map((id) => {
      const rel = presRels.find((r) => r.attribs.Id === id.attribs['r:id'])!;
      return `ppt/${rel.attribs.Target}`;
    });
  };
  return {
    zip,
    files,
    xml,
    slides: async () => Promise.all((await slideNames()).map(xml)),
    notes: async () =>
      Promise.all(
        (await slideNames()).map(async (name) => {
          const rel = (await rels(name)).find((r) => r.attribs.Type?.endsWith('/notesSlide'));
          return rel ? xml(`ppt/notesSlides/${rel.attribs.Target!.split('/').pop()}`) : undefined;
        }),
      ),
  };
}

/** The text of a piece of DrawingML: each paragraph on a line, runs joined. */
export function textOf(node: Document | Element): string {
  return DomUtils.getElementsByTagName('a:p', [node])
    .map((p) => DomUtils.getElementsByTagName('a:t', [p]).map((t) => DomUtils.textContent(t)).join(''))
    .join('\n');
}

/** The shapes of a slide (text boxes and placeholders). */
export function shapes(slide: Document): Element[] {
  return DomUtils.getElementsByTagName('p:sp', slide.children);
}

export function placeholderType(sp: Element): string | undefined {
  return DomUtils.findOne((e) => e.name === 'p:ph', [sp], true)?.attribs.type;
}

/** The text of a notes slide's notes placeholder (its body). */
export function notesBody(notes: Document): string {
  const body = shapes(notes).find((sp) => placeholderType(sp) === 'body');
  return body ? textOf(body) : '';
}

const made = new Map<string, Promise<{ buffer: Buffer; deck: Awaited<ReturnType<typeof buildTalk>> }>>();
/** The talk's PowerPoint file, made once per talk folder for all tests of a file. */
export function pptxOf(root: string) {
  if (!made.has(root))
    made.set(
      root,
      (async () => {
        const deck = await buildTalk(root);
        return { buffer: (await makePptx(deck)).buffer, deck };
      })(),
    );
  return made.get(root)!;
}

/** The install command when LibreOffice or poppler-utils is missing: the tests fail with it, never skip. */
export function requireTools() {
  const missing = ['soffice', 'pdftotext', 'pdftoppm', 'pdfinfo'].filter((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status !== 0);
  if (missing.length)
    throw new Error(`Missing ${missing.join(', ')}: run  node scripts/ensure-libreoffice.mjs  (as root: apt-get update && apt-get install -y libreoffice-impress poppler-utils)`);
}

/** The .pptx rendered by LibreOffice Impress to a PDF, in a folder of its own (with its own LibreOffice profile). */
export function renderWithLibreOffice(buffer: Buffer, name: string): string {
  requireTools();
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pptx`);
  writeFileSync(file, buffer);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return join(dir, `${name}.pdf`);
}

