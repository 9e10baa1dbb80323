// After `vite build` (npm run build runs it as postbuild): the link-preview image of the title slide,
// dist/<slug>-preview.png, rendered by Chromium from the single file. Usage: npm run share [-- --talk <folder>] [-- <dist>]
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTalk } from '../src/data/load-data.ts';
import { previewImageFile, singleFile } from '../src/names/output-files.ts';
import { renderPreviewImage } from '../src/share/preview-image.ts';
import { talkDist } from '../src/names/talk-folder.ts';
import { shownPath } from '../src/names/shown-path.ts';
import { NotATalk, openTalk, shellWord, talkOption } from '../src/cli/chosen-talk.ts';

const argv = process.argv.slice(2);
let opened;
try {
  opened = openTalk(talkOption(argv));
} catch (e) {
  if (!(e instanceof NotATalk)) throw e;
  console.error(e.message);
  process.exit(1);
}
if (process.env.DECK_QUIET_TALK !== '1') console.log(opened.line);
const root = opened.root;
const given = argv.filter((a, i) => !a.startsWith('--talk') && argv[i - 1] !== '--talk')[0];
const dist = resolve(given ?? talkDist(root));
const { talk } = loadTalk({ root });
const single = resolve(dist, singleFile(talk));
if (!existsSync(single)) {
  console.error(`${single} is missing: build the deck first with "${opened.again('build')}" (it makes this image too).`);
  process.exit(1);
}
const out = resolve(dist, previewImageFile(talk));
try {
  await renderPreviewImage(single, out);
} catch (e) {
  console.error(`Could not make the link-preview image: ${e instanceof Error ? e.message : String(e)}`);
  const where = shownPath(dist);
  const again = opened.again('share', dist === talkDist(root) ? [] : [shellWord(where)]);
  console.error(`${where}/ is otherwise complete; only the image that link previews show is missing. Run "${again}" to make it.`);
  process.exit(1);
}
console.log(`${shownPath(out)}  ${(statSync(out).size / 1024).toFixed(1)} kB  (link preview, title slide)`);
