// The provenance page: each claim with the passages it rests on (and the speaker's own views, as such), each quote, conclusion, quoted passage and result figure of the talk beside the passage of
// its source it was checked against, so a reviewer can hold the talk to its sources in minutes. Everything on it
// comes from the talk's files and is escaped; the page loads nothing and runs no script.
import type { Provenance } from '../data/check-sources.ts';
import { html, raw, unwrap, type Raw } from '../html/escape.ts';
import type { Words } from '../locale/words.ts';
import type { BuiltDeck } from '../deck/build-talk.ts';
import { cspMeta, textPagePolicy } from './csp.ts';
import { provenanceFile, textVersionFile } from '../names/output-files.ts';

const STYLE = `body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem 3rem;font:1.2rem/1.5 system-ui,sans-serif;color:#111;background:#fff}
h1{font-size:2rem;line-height:1.2}h2{font-size:1.5rem;margin-top:2.5rem;border-bottom:2px solid #111}
a{color:#0645ad}a:focus{outline:3px solid #111;outline-offset:2px}
.check{display:grid;grid-template-columns:1fr 1fr;gap:1rem 2rem;border-bottom:1px solid #666;padding:1rem 0}
.check h3{grid-column:1/-1;margin:0;font-size:1rem;font-weight:normal;font-family:ui-monospace,monospace}
.said p{white-space:pre-line}
.check blockquote{margin:0;padding:0 0 0 1rem;border-left:4px solid #111}
.label{margin:0;font-weight:bold}.source blockquote{border-left-color:#555}.source blockquote+.label{margin-top:.75rem}
@media (max-width:48rem){.check{grid-template-columns:1fr}}
@media print{a{color:#000}.check{break-inside:avoid}}`;

/** Each kind of check, in the order the page shows them, with its heading's key in the locale. */
const KINDS: Record<Provenance['kind'], string> = {
  claim: 'provenancePage.claims',
  'own view': 'provenancePage.ownViews',
  quote: 'provenancePage.quotes',
  conclusion: 'provenancePage.conclusions',
  'quoted words': 'provenancePage.quotedWords',
  figures: 'provenancePage.figures',
};

export function renderProvenancePage(deck: BuiltDeck): { fileName: string; source: string } {
  const { talk, provenance, words: w } = deck.model;
  const fileName = provenanceFile(talk);
  const sources = [...new Map(provenance.map((p) => [p.source, p.sourceFile])).entries()];
  const title = w.text('provenancePage.title', { title: talk.title });
  const page = html`<!doctype html>
<html lang="${talk.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${raw(cspMeta(textPagePolicy({ scripts: [], styles: [STYLE] })))}
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p>${w.text('provenancePage.about')}</p>
${sources.length
  ? html`<p>${w.text('provenancePage.sources', { sources: w.list(sources.map(([id, file]) => `${id} (${file})`)), count: provenance.length })}</p>`
  : html`<p>${w.text('provenancePage.noSources')}</p>`}
<p><a href="${textVersionFile(talk)}">${w.text('provenancePage.back')}</a> · <a href="index.html">${w.text('textPage.openSlides')}</a></p>
</header>
<main>
${(Object.keys(KINDS) as Provenance['kind'][]).map((kind) => section(kind, provenance.filter((p) => p.kind === kind), w))}
</main>
</body>
</html>
`;
  return { fileName, source: unwrap(page) };
}

function section(kind: Provenance['kind'], checks: Provenance[], w: Words): Raw | '' {
  if (checks.length === 0) return '';
  return html`<section aria-labelledby="${kind.replace(' ', '-')}">
<h2 id="${kind.replace(' ', '-')}">${w.text(KINDS[kind])}</h2>
${checks.map(
  (p) => html`<article class="check">
<h3>${p.where}</h3>
<div class="said"><p class="label">${w.text('provenancePage.talkSide')}</p><blockquote><p>${p.said}</p></blockquote></div>
${sourceSide(p, w)}
</article>
`,
)}</section>
`;
}

/** The source's side: its passage, or each passage a claim rests on, or that the speaker's own view rests on none. */
function sourceSide(p: Provenance, w: Words): Raw {
  const passages = p.passages ?? [{ source: p.source, sourceFile: p.sourceFile, passage: p.passage, line: p.line }];
  if (passages.length === 0) return html`<div class="source"><p class="label">${w.text('provenancePage.ownViewSide')}</p></div>`;
  return html`<div class="source">${passages.map(
    (x) => html`<p class="label">${w.text('provenancePage.sourceSide', { file: x.sourceFile, line: x.line })}</p><blockquote><p>${x.passage}</p></blockquote>`,
  )}</div>`;
}
