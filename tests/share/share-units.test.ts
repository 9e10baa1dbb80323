// The pieces of the share step on their own: hashing, escaping, inlining, the deck's policy and the preview meta.
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/html/escape.ts';
import { cspHash, cspMeta, deckPolicy, serializeCsp } from '../../src/share/csp.ts';
import { sharedUrl } from '../../src/names/output-files.ts';
import { linkPreviewMeta } from '../../src/share/link-preview.ts';
import { escapeScript, inlineCssUrls, makeSingleFile } from '../../src/share/single-file.ts';
import { speakerViewHtml, speakerViewInline } from '../../src/share/speaker-view.ts';
import { inlineStylesheets } from '../../src/share/inline-styles.ts';
import type { Talk } from '../../src/schema/index.ts';
import { loadWords } from '../../src/data/load-locale.ts';

const talk: Talk = {
  slug: 'demo',
  lang: 'en',
  title: 'A "quoted" <talk>',
  description: 'Says <b>this</b> & "that"',
  speaker: { role: 'Speaker' },
  event: { kind: 'Call', chapter: 'Chapter', organisation: 'Org' },
  lengthMinutes: 10,
  shareUrl: 'https://example.org/talks/demo',
  publishNotes: true,
  replay: false,
};

describe('cspHash', () => {
  it('is the base64 SHA-256 of the UTF-8 text, quoted as a CSP source', () => {
    expect(cspHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(cspHash('é')).not.toBe(cspHash('e'));
  });
});

describe('the deck policy', () => {
  it('allows only its own origin, plus the speaker view by hash and data: images', () => {
    const policy = deckPolicy();
    expect(policy['default-src']).toEqual(["'self'"]);
    for (const sources of Object.values(policy)) {
      for (const s of sources) expect(s).toMatch(/^('none'|'self'|'unsafe-hashes'|'sha256-[A-Za-z0-9+/=]+'|data:)$/);
    }
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['script-src']).toContain(cspHash(speakerViewInline().scripts[0]!));
  });

  it('is written as one meta tag whose quotes survive', () => {
    const meta = cspMeta({ 'default-src': ["'self'"], 'img-src': ['data:'] });
    expect(meta).toBe(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src data:">`);
    expect(serializeCsp({ a: ['x', 'y'], b: ['z'] })).toBe('a x y; b z');
  });

  it('reads the speaker view from the notes plugin the deck bundles', () => {
    const view = speakerViewHtml();
    expect(view).toContain('Speaker View');
    const inline = speakerViewInline();
    expect(inline.scripts).toHaveLength(1);
    expect(inline.styles.length).toBeGreaterThanOrEqual(1);
    expect(inline.styleAttributes).toContain('display: none');
  });
});

describe('escapeScript', () => {
  it('keeps script text from closing its element or opening a comment', () => {
    const code = 'const a = "</script><!-- x -->"; const b = `</SCRIPT>`; const r = /<!--/;';
    const out = escapeScript(code);
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain('<!--');
    // The escaped program means the same thing.
    const run = (src: string) => new Function(`${src}; return [a, b, r.test("<!--"), r.test("<!-")];`)();
    expect(run(out)).toEqual(run(code));
  });
});

describe('inlineCssUrls', () => {
  const files: Record<string, Buffer> = {
    'assets/f.woff2': Buffer.from('woff2-bytes'),
    'assets/f.woff': Buffer.from('woff-bytes'),
    'assets/img/p.png': Buffer.from('png'),
  };
  const read = (p: string) => {
    const f = files[p];
    if (!f) throw new Error(`no ${p}`);
    return f;
  };

  it('inlines fonts and images as data: URLs and drops WOFF fallbacks', () => {
    const css = `@font-face{src:url(./f.woff2) format("woff2"),url(./f.woff) format("woff")}a{background:url('img/p.png')}b{background:url(data:image/gif;base64,R0)}`;
    const out = inlineCssUrls(css, 'assets', read);
    expect(out).toContain(`url(data:font/woff2;base64,${files['assets/f.woff2']!.toString('base64')}) format("woff2")}`);
    expect(out).not.toContain('woff-bytes');
    expect(out).not.toContain(`format("woff")`);
    expect(out).toContain(`url(data:image/png;base64,${files['assets/img/p.png']!.toString('base64')})`);
    expect(out).toContain('url(data:image/gif;base64,R0)');
  });

  it('reads minified sources, quoted addresses and a font list whose WOFF comes first, and leaves other rules as written', () => {
    const css = `@font-face{font-family:A;src:url("./f.woff")format("woff"),url('./f.woff2')format("woff2")}\np { color : red }`;
    const out = inlineCssUrls(css, 'assets', read);
    expect(out).toBe(`@font-face{font-family:A;src:url(data:font/woff2;base64,${files['assets/f.woff2']!.toString('base64')})format("woff2")}\np { color : red }`);
  });

  it('refuses a style sheet that points at another site', () => {
    expect(() => inlineCssUrls('a{background:url(https://cdn.example/x.png)}', 'assets', read)).toThrow(/another site/);
  });
});

describe('makeSingleFile', () => {
  const index = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<script type="module" crossorigin src="./assets/app.js"></script>
<link rel="stylesheet" crossorigin href="./assets/app.css">
</head>
<body><a href="demo-text.html">Text version</a> <a href="https://doi.org/x" rel="noopener noreferrer" target="_blank">doi</a></body>
</html>`;
  const assets: Record<string, string> = {
    'assets/app.js': 'document.body.dataset.ok = "</script>";',
    'assets/app.css': 'body{color:red}',
  };
  const read = (p: string) => assets[p] ?? Buffer.alloc(0);

  it('inlines the script and styles and allows exactly them by hash', async () => {
    const out = await makeSingleFile(index, read, talk);
    const scripts = [...out.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const js = scripts[0]!;
    // The script's own "</script>" text cannot close its element, and it still says what it said.
    expect(js).toContain('document.body.dataset.ok');
    expect(js).toContain('<\\/script>');
    expect(out).toContain(`<style>body{color:red}</style>`);
    expect(out).not.toContain('src="./assets');
    expect(out).not.toContain("default-src 'self'");
    const csp = /content="(default-src 'none';[^"]*)"/.exec(out)?.[1] ?? '';
    expect(csp).toContain(cspHash(js));
    expect(csp).toContain(cspHash('body{color:red}'));
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('points the text-version link at its published copy', async () => {
    const out = await makeSingleFile(index, read, talk);
    expect(out).toContain(`<a href="${sharedUrl(talk, 'demo-text.html')}" rel="noopener noreferrer">Text version</a>`);
    expect(sharedUrl(talk, 'demo-text.html')).toBe('https://example.org/talks/demo/demo-text.html');
  });

  it('refuses to leave anything to be loaded from beside it', async () => {
    await expect(makeSingleFile(index.replace('<body>', '<body><img src="./assets/x.png">'), read, talk)).rejects.toThrow(/beside the page/);
    await expect(makeSingleFile(index.replace('<body>', "<body><img alt=x src='./assets/x.png'>"), read, talk)).rejects.toThrow(/"\.\/assets\/x\.png" would still be loaded/);
  });

  it('reads the page, not text that looks like markup: code showing a link or a tag is left alone', async () => {
    const shown = '<p><code>&lt;link rel="stylesheet" href="x.css"&gt; src="y.png"</code></p><a title="t" href="demo-text.html">T</a>';
    const out = await makeSingleFile(index.replace('<body>', `<body>${shown}`), read, talk);
    expect(out).toContain('<code>&lt;link rel="stylesheet" href="x.css"&gt; src="y.png"</code>');
    expect(out).toContain(`<a title="t" href="${sharedUrl(talk, 'demo-text.html')}" rel="noopener noreferrer">T</a>`);
  });

  it('puts its policy after the charset when the page has none, and drops module preloads with their line', async () => {
    const bare = index.replace(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">\n`, '<link rel="modulepreload" href="./assets/c.js">\n');
    const out = await makeSingleFile(bare, read, talk);
    expect(out).toMatch(/<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*">\n<script type="module">/);
    expect(out).not.toContain('modulepreload');
  });
});

describe('linkPreviewMeta', () => {
  const { words } = loadWords('en', undefined, { file: 'data/talk.yaml', locate: () => ({ line: 1, column: 1 }) });
  it('escapes what it quotes and gives absolute addresses', () => {
    const meta = unwrap(linkPreviewMeta(talk, words));
    expect(meta).toContain('<meta property="og:title" content="A &quot;quoted&quot; &lt;talk&gt;">');
    expect(meta).toContain('<meta property="og:description" content="Says &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot;">');
    expect(meta).toContain('<meta property="og:url" content="https://example.org/talks/demo/">');
    expect(meta).toContain('<meta property="og:image" content="https://example.org/talks/demo/demo-preview.png">');
    expect(meta).not.toContain('og:locale');
    expect(unwrap(linkPreviewMeta({ ...talk, lang: 'en-US' }, words))).toContain('<meta property="og:locale" content="en_US">');
  });
});

describe('the style sheet inside the served page', () => {
  const files: Record<string, string> = {
    'assets/index-a.css': '@font-face{src:url(./f-1.woff2)format("woff2"),url("../icons/i.svg")}a{background:url(data:image/png;base64,AA)}</style>',
  };
  const read = (p: string) => {
    const f = files[p];
    if (f === undefined) throw new Error(`no ${p}`);
    return f;
  };

  it('replaces the link with the sheet, its addresses rewritten from assets/ to the page, and returns it for the policy', () => {
    const { page, styles } = inlineStylesheets('<head><link rel="stylesheet" crossorigin href="./assets/index-a.css"></head>', read);
    expect(page).not.toContain('<link');
    expect(styles).toHaveLength(1);
    expect(page).toBe(`<head><style>${styles[0]}</style></head>`);
    expect(styles[0]).toContain('url(./assets/f-1.woff2)');
    expect(styles[0]).toContain('url("./icons/i.svg")');
    expect(styles[0]).toContain('url(data:image/png;base64,AA)');
    // Text that would close the element is escaped.
    expect(styles[0]).not.toContain('</style>');
    expect(deckPolicy({ styles })['style-src']).toContain(cspHash(styles[0]!));
  });

  it('refuses a sheet from another site', () => {
    expect(() => inlineStylesheets('<link rel="stylesheet" href="https://cdn.example/x.css">', read)).toThrow(/not part of the build/);
  });
});
