// decktape (a benchmark peer) depends on puppeteer, whose install step would otherwise download
// its own Chrome: this project only ever drives Debian's chromium (see scripts/ensure-chromium.mjs).
module.exports = { skipDownload: true };
