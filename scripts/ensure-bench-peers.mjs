// `npm run bench` measures the deck against decktape and Marp. They (and the puppeteer they bring) are not the
// project's dependencies, so `npm ci` and CI never install them: this installs them on demand, into
// bench/peer-tools/node_modules, from its own lock file, without letting puppeteer download a browser of its own
// (the benchmark drives Debian's chromium, like everything else here).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'peer-tools');
const have = ['decktape', '@marp-team/marp-cli'].every((p) => existsSync(join(dir, 'node_modules', p, 'package.json')));
if (!have) {
  console.log('Installing the benchmark\'s peers (decktape, Marp CLI) into bench/peer-tools …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  if (run.status !== 0) {
    console.error('Could not install them. Run this, then npm run bench again:\n  cd bench/peer-tools && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts');
    process.exit(1);
  }
}
