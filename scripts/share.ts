// After `vite build` (npm run build runs it as postbuild): the link-preview image of the title slide,
// dist/<slug>-preview.png, rendered by Chromium from the single file. Usage: tsx scripts/share.ts [dist]
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTalk } from '../src/data/load-data.ts';
import { previewImageFile, singleFile } from '../src/names/output-files.ts';
import { renderPreviewImage } from '../src/share/preview-image.ts';
import { talkFolder } from '../src/names/talk-folder.ts';
import { shownPath } from '../src/names/shown-path.ts';

const root = talkFolder();
const dist = resolve(process.argv[2] ?? 'dist');
const { talk } = loadTalk({ root });
const single = resolve(dist, singleFile(talk));
if (!existsSync(single)) {
  console.error(`${single} is missing: run "vite build" first (npm run build does both).`);
  process.exit(1);
}
const out = resolve(dist, previewImageFile(talk));
try {
  await renderPreviewImage(single, out);
} catch (e) {
  console.error(`Could not make the link-preview image: ${e instanceof Error ? e.message : String(e)}`);
  const where = shownPath(dist);
  const again = where === 'dist' ? 'npm run share' : `npm run share -- ${where}`;
  console.error(`${where}/ is otherwise complete; only the image that link previews show is missing. Run "${again}" to make it.`);
  process.exit(1);
}
console.log(`${shownPath(out)}  ${(statSync(out).size / 1024).toFixed(1)} kB  (link preview, title slide)`);
