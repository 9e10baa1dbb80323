// The link-preview image: the title slide, rendered by Chromium from the single file at 1200×630.
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../chromium/chromium.ts';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from '../names/output-files.ts';

interface RevealApi {
  isReady(): boolean;
  configure(options: Record<string, unknown>): void;
  slide(h: number): void;
  layout(): void;
}

/** Opens the single file with every network request refused and writes a PNG of its title slide. */
export async function renderPreviewImage(singleFilePath: string, outPath: string): Promise<void> {
  const browser = await launchChromium();
  try {
    // The page's own policy forbids the few styles set here, so this tool (not a reader) sets it aside.
    const context = await browser.newContext({
      viewport: { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT },
      deviceScaleFactor: 1,
      bypassCSP: true,
      reducedMotion: 'reduce',
    });
    await context.route('**', (route) => (/^(file|data):/.test(route.request().url()) ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(`${pathToFileURL(singleFilePath).href}#/title`);
    await page.waitForFunction(() => (window as unknown as { Reveal?: RevealApi }).Reveal?.isReady() === true);
    await page.evaluate(
      ({ width, height }) => {
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        // A card, not a screen: the slide fills the image, with no controls, progress bar or slide number.
        reveal.configure({ width, height, margin: 0, controls: false, progress: false, slideNumber: false, display: 'flex' });
        reveal.slide(0);
        const hide = document.createElement('style');
        hide.textContent = [
          '.reveal .slides > section.title{padding:40px 64px 58px;box-shadow:inset 0 -18px 0 #1f5fa8}',
          '.reveal section.title h1{font-size:72px}',
          '.reveal section.title .text-link{display:none}',
        ].join('');
        document.head.append(hide);
        reveal.layout();
      },
      { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT },
    );
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: outPath, type: 'png', clip: { x: 0, y: 0, width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT } });
  } finally {
    await browser.close();
  }
}
