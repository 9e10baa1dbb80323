// The editor's page: the talk's parts as forms (schema-form.ts), its sources with the passages it uses marked and
// selected words made into its data (source-actions.ts), the live deck beside them at the slide of the field in hand.
// A change is saved once it passes the schema (after a short pause in typing); until then the field shows the same
// words npm run check would. A file changed on disk meanwhile is loaded again, or, if this page holds changes not yet
// saved, the clash is shown and the person chooses. Undo and redo step through the saved versions of this session.
import { IntlMessageFormat } from 'intl-messageformat';
import { events, getState, post, type Part, type Problem, type Saved, type State, type TextFile } from './api.ts';
import { el, labelOf, pathKey, renderField, showProblems, type Path } from './schema-form.ts';
import { quoteId, studyId, studyResultsId } from '../../layout/slide-ids.ts';
import { place, SelectionProblem, type Selection, type Target } from './source-actions.ts';

const SAVE_PAUSE_MS = 350;

let state: State;
let view = 'talk';
const working = new Map<string, unknown>();
const versions = new Map<string, string>();
const dirty = new Set<string>();
const undo: { part: string; data: unknown }[] = [];
const redo: { part: string; data: unknown }[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let selection: Selection | undefined;
/** Parts with a save on its way: the file's change on disk is this page's own. */
const saving = new Set<string>();

const app = document.getElementById('app')!;

function say(key: string, values: Record<string, string | number> = {}): string {
  const text = state?.words[key] ?? key;
  try {
    return String(new IntlMessageFormat(text, state?.lang ?? 'en').format(values));
  } catch {
    return text;
  }
}


function announce(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

function partOf(name: string): Part | undefined {
  return state.parts.find((p) => p.name === name);
}

// ---------------------------------------------------------------------------------------------------------------
// Layout

function layout(): void {
  app.textContent = '';
  app.removeAttribute('aria-busy');
  const title = (partOf('talk')?.data as { title?: string } | undefined)?.title ?? '';
  const header = el('header', { class: 'bar' });
  header.append(el('h1', {}, say('heading', { title })));
  const tools = el('div', { class: 'tools' });
  const undoButton = el('button', { type: 'button', id: 'undo' }, say('undo'));
  const redoButton = el('button', { type: 'button', id: 'redo' }, say('redo'));
  undoButton.addEventListener('click', () => void step(undo, redo));
  redoButton.addEventListener('click', () => void step(redo, undo));
  tools.append(undoButton, redoButton, el('p', { id: 'status', role: 'status', 'aria-live': 'polite' }));
  header.append(tools);
  const clash = el('div', { id: 'clash', role: 'alert', class: 'clash' });
  clash.hidden = true;
  const main = el('main', { id: 'editor-main', class: 'layout', tabindex: '-1' });
  const nav = el('nav', { 'aria-label': say('partsNav') });
  const list = el('ul');
  const views = [...state.parts.map((p) => p.name), 'slides', 'sources'];
  for (const name of views) {
    const item = el('li');
    const button = el('button', { type: 'button', 'data-view': name }, say(`part_${name}`));
    if (name === view) button.setAttribute('aria-current', 'page');
    button.addEventListener('click', () => {
      view = name;
      layout();
      document.getElementById('form-pane')?.focus();
    });
    item.append(button);
    list.append(item);
  }
  nav.append(list);
  const pane = el('section', { id: 'form-pane', 'aria-label': say(`part_${view}`), tabindex: '-1' });
  const preview = el('section', { id: 'preview-pane', 'aria-label': say('previewTitle') });
  const frame = (document.getElementById('preview') as HTMLIFrameElement | null) ?? el('iframe', { id: 'preview', src: '/', title: say('previewTitle') });
  preview.append(el('h2', {}, say('previewTitle')), frame);
  const problems = el('section', { id: 'problems', 'aria-label': say('problemsTitle') });
  main.append(nav, pane, preview);
  app.append(header, clash, main, problems);
  if (view === 'sources') renderSources(pane);
  else if (view === 'slides') renderSlides(pane);
  else renderPart(pane, view);
  renderProblems();
  updateUndo();
}

function renderPart(pane: HTMLElement, name: string): void {
  const part = partOf(name)!;
  pane.append(el('h2', {}, say(`part_${name}`)), el('p', { class: 'file' }, part.file));
  if (!part.exists || part.data === undefined) {
    pane.append(el('p', { class: 'field-error' }, say(part.exists ? 'notYaml' : 'noFile', { file: part.file })));
    return;
  }
  const form = renderField(
    part.schema,
    working.get(name),
    [],
    {
      say,
      changed: (p, v) => changed(name, p, v),
      // Drawn again, the focus on the entry added (its first field), or on the list an entry left.
      restructured: (focus) => {
        layout();
        const key = focus ? pathKey(focus) : '';
        const target = document.querySelector<HTMLElement>(`[data-path^="${CSS.escape(key)}."], [data-path="${CSS.escape(key)}"], [data-add-for="${CSS.escape(key)}"]`);
        target?.focus();
      },
      focused: (p) => showSlideFor(name, p),
      fieldName: (key) => state.words[`field_${key}`] ?? labelOf(key),
    },
    part.title,
    true,
  );
  pane.append(form);
  showProblems(pane, problemsFor(part.file));
}

// ---------------------------------------------------------------------------------------------------------------
// Changes and saving

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const container = (root ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  // A claim written as plain text keeps that form while only its text changes.
  if (typeof container === 'string') {
    if (head === 'text' && !rest.length) return value;
    return setAt({ text: container }, path, value);
  }
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<string | number, unknown>;
  const next = setAt(copy[head!], rest, value);
  if (next === undefined) delete copy[head!];
  else copy[head!] = next;
  return copy;
}

function changed(part: string, path: Path, value: unknown): void {
  working.set(part, setAt(working.get(part), path, value));
  dirty.add(part);
  announce(say('editing'));
  clearTimeout(timer);
  timer = setTimeout(() => void save(part), SAVE_PAUSE_MS);
}

async function save(part: string): Promise<boolean> {
  const before = partOf(part)!.data;
  const data = working.get(part);
  saving.add(part);
  try {
    const result = await post('save', { part, data, version: versions.get(part) });
    return settle(part, result, before, data);
  } finally {
    saving.delete(part);
  }
}

function settle(part: string, result: Saved, before: unknown, data: unknown): boolean {
  const p = partOf(part)!;
  const pane = document.getElementById('form-pane');
  if (result.ok) {
    if (result.changed) {
      undo.push({ part, data: before });
      redo.length = 0;
    }
    versions.set(part, result.version);
    p.version = result.version;
    p.data = data;
    dirty.delete(part);
    state.problems = result.problems;
    if (pane && view === part) showProblems(pane, problemsFor(p.file));
    renderProblems();
    updateUndo();
    announce(result.changed ? say('saved', { file: p.file }) : say('unchanged'));
    if (result.changed) previewFollows();
    return true;
  }
  if (result.kind === 'invalid') {
    if (pane && view === part) showProblems(pane, result.problems);
    announce(say('notSaved', { count: result.problems.length }));
    return false;
  }
  if (result.kind === 'clash') {
    showClash(part, result.data, result.version);
    return false;
  }
  announce(result.message);
  return false;
}

async function step(from: typeof undo, to: typeof undo): Promise<void> {
  const entry = from.pop();
  if (!entry) return;
  const current = partOf(entry.part)!.data;
  working.set(entry.part, entry.data);
  const result = await post('save', { part: entry.part, data: entry.data, version: versions.get(entry.part) });
  if (result.ok) {
    to.push({ part: entry.part, data: current });
    versions.set(entry.part, result.version);
    const p = partOf(entry.part)!;
    p.version = result.version;
    p.data = entry.data;
    state.problems = result.problems;
    view = entry.part;
    layout();
    announce(say(from === undo ? 'undone' : 'redone', { file: p.file }));
  } else {
    from.push(entry);
    working.set(entry.part, current);
    settle(entry.part, result, current, entry.data);
  }
}

/**
 * The preview is the dev server's page, which puts in the new slides when its file watcher sees the save. Should no
 * refresh come within a few seconds (a watcher can miss a file replaced by a rename on a busy machine), the preview
 * is loaded again, so it never shows a deck older than the files.
 */
let previewTimer: ReturnType<typeof setTimeout> | undefined;
function previewFollows(): void {
  const frame = document.getElementById('preview') as HTMLIFrameElement | null;
  const win = frame?.contentWindow;
  if (!win) return;
  clearTimeout(previewTimer);
  const refreshed = () => clearTimeout(previewTimer);
  win.addEventListener('deck:refreshed', refreshed, { once: true });
  previewTimer = setTimeout(() => {
    win.removeEventListener('deck:refreshed', refreshed);
    win.location.reload();
  }, 5000);
}

function updateUndo(): void {
  (document.getElementById('undo') as HTMLButtonElement | null)?.toggleAttribute('disabled', !undo.length);
  (document.getElementById('redo') as HTMLButtonElement | null)?.toggleAttribute('disabled', !redo.length);
}

function showClash(part: string, diskData: unknown, diskVersion: string): void {
  const box = document.getElementById('clash')!;
  const p = partOf(part)!;
  box.textContent = '';
  box.append(el('p', {}, say('clash', { file: p.file })));
  const load = el('button', { type: 'button' }, say('clashLoad'));
  const keep = el('button', { type: 'button' }, say('clashKeep'));
  load.addEventListener('click', () => {
    working.set(part, diskData);
    p.data = diskData;
    p.version = diskVersion;
    versions.set(part, diskVersion);
    dirty.delete(part);
    box.hidden = true;
    layout();
    announce(say('reloaded', { file: p.file }));
  });
  keep.addEventListener('click', async () => {
    box.hidden = true;
    versions.set(part, diskVersion);
    p.data = diskData;
    await save(part);
  });
  box.append(load, keep);
  box.hidden = false;
  load.focus();
}

/** A file changed on disk: loaded again where this page has nothing unsaved; a clash shown where it has. */
async function fileChanged(): Promise<void> {
  const fresh = await getState();
  for (const p of fresh.parts) {
    const mine = partOf(p.name)!;
    if (p.version === mine.version || saving.has(p.name)) continue;
    if (dirty.has(p.name)) {
      showClash(p.name, p.data, p.version);
      continue;
    }
    Object.assign(mine, p);
    working.set(p.name, structuredClone(p.data));
    versions.set(p.name, p.version);
    if (view === p.name) {
      layout();
      announce(say('reloaded', { file: p.file }));
    }
  }
  const textsChanged = JSON.stringify(fresh.sources.map((s) => s.version)) !== JSON.stringify(state.sources.map((s) => s.version)) || JSON.stringify(fresh.slides.map((s) => s.version)) !== JSON.stringify(state.slides.map((s) => s.version));
  state.sources = fresh.sources;
  state.slides = fresh.slides;
  state.problems = fresh.problems;
  if (textsChanged && (view === 'sources' || view === 'slides') && !document.activeElement?.closest('#form-pane textarea, #form-pane input')) layout();
  else renderProblems();
}

// ---------------------------------------------------------------------------------------------------------------
// Problems and the preview

function problemsFor(file: string): Problem[] {
  return state.problems.filter((p) => p.file === file || p.file.endsWith(`/${file}`));
}

function renderProblems(): void {
  const box = document.getElementById('problems');
  if (!box) return;
  box.textContent = '';
  box.append(el('h2', {}, say('problemsTitle')));
  if (!state.problems.length) {
    box.append(el('p', {}, say('noProblems')));
    return;
  }
  const list = el('ul');
  for (const p of state.problems) list.append(el('li', {}, `${p.file}:${p.line}:${p.column}  ${p.field}  ${p.message}`));
  box.append(list);
}

/** The slide a field belongs to, by the deck's slide ids (src/layout/slide-ids.ts). */
function slideIdFor(part: string, path: Path): string | undefined {
  const data = working.get(part) as Record<string, unknown> | undefined;
  if (part === 'studies' && typeof path[1] === 'number') {
    const id = ((data?.studies as Record<string, unknown>[] | undefined)?.[path[1]] ?? {}).id;
    if (typeof id !== 'string') return undefined;
    if (path[2] === 'citation') return 'references';
    return ['results', 'meaning', 'caveat'].includes(String(path[2])) ? studyResultsId(id, 0) : studyId(id);
  }
  if (part === 'quotes' && path[0] === 'quotes' && typeof path[1] === 'number') {
    const id = ((data?.quotes as Record<string, unknown>[] | undefined)?.[path[1]] ?? {}).id;
    return typeof id === 'string' ? quoteId(id) : undefined;
  }
  return { talk: 'title', people: 'thanks', takeaways: path[0] === 'tips' ? 'tips' : 'takeaways', resources: 'resources', order: undefined }[part];
}

function showSlideFor(part: string, path: Path): void {
  const id = slideIdFor(part, path);
  const frame = document.getElementById('preview') as HTMLIFrameElement | null;
  const reveal = (frame?.contentWindow as (Window & { Reveal?: { getSlides(): HTMLElement[]; slide(h: number): void; getIndices(el?: HTMLElement): { h: number } } }) | null)?.Reveal;
  if (!id || !reveal) return;
  const slide = reveal.getSlides().find((s) => s.id === id);
  if (slide) reveal.slide(reveal.getIndices(slide).h);
}

// ---------------------------------------------------------------------------------------------------------------
// Hand-written slides: their text, saved when it reads as a slide

function renderSlides(pane: HTMLElement): void {
  pane.append(el('h2', {}, say('part_slides')), el('p', { class: 'hint' }, say('slidesIntro')));
  for (const slide of state.slides) pane.append(textEditor(slide, 'slide'));
}

function textEditor(file: TextFile, kind: 'slide' | 'source'): HTMLElement {
  const box = el('div', { class: 'field' });
  const id = `${kind}-${file.id}`;
  const area = el('textarea', { id, rows: '10', 'data-path': file.file });
  area.value = file.text;
  const error = el('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': file.file });
  error.hidden = true;
  area.setAttribute('aria-describedby', error.id);
  const saveButton = el('button', { type: 'button' }, say('saveFile', { file: file.file }));
  saveButton.addEventListener('click', async () => {
    const result = await post(kind, { id: file.id, text: area.value, version: file.version });
    if (result.ok) {
      file.version = result.version;
      file.text = area.value;
      state.problems = result.problems;
      error.hidden = true;
      renderProblems();
      announce(say('saved', { file: file.file }));
    } else {
      error.hidden = false;
      error.textContent = result.kind === 'invalid' ? result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join(' ') : result.kind === 'clash' ? say('clash', { file: file.file }) : result.message;
      area.setAttribute('aria-invalid', 'true');
      announce(error.textContent);
    }
  });
  box.append(el('label', { for: id }, file.file), area, error, saveButton);
  return box;
}

// ---------------------------------------------------------------------------------------------------------------
// Sources: the texts the talk draws on, with the passages it uses marked; selected words placed into the data

/** Every passage, quote, conclusion and detail of the talk's data: what the sources view marks. */
function usedPassages(): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      if (/^(passage|passages|conclusion|detail|text)$/.test(key) && v.length > 8) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const p of state.parts) walk(working.get(p.name));
  return out;
}

function markedText(text: string, passages: string[]): DocumentFragment {
  const ranges: [number, number][] = [];
  const squash = text.replace(/\s/g, ' ');
  for (const passage of passages) {
    for (const piece of passage.split(/\s*(?:…|\.\.\.)\s*/).filter((p) => p.length > 8)) {
      const at = squash.indexOf(piece.replace(/\s+/g, ' '));
      if (at >= 0) ranges.push([at, at + piece.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    frag.append(document.createTextNode(text.slice(at, from)));
    frag.append(el('mark', {}, text.slice(from, end)));
    at = end;
  }
  frag.append(document.createTextNode(text.slice(at)));
  return frag;
}

function renderSources(pane: HTMLElement): void {
  pane.append(el('h2', {}, say('part_sources')), el('p', { class: 'hint' }, say('sourcesIntro')));
  pane.append(selectionTools());
  const passages = usedPassages();
  for (const source of state.sources) {
    const figure = el('figure', { class: 'source' });
    const caption = el('figcaption', {}, source.file);
    const text = el('pre', { class: 'source-text', tabindex: '0', 'data-source': source.id, 'aria-label': say('sourceText', { file: source.file }) });
    text.append(markedText(source.text, passages));
    figure.append(caption, text);
    pane.append(figure);
  }
  pane.append(addSourceForm());
}

function selectionTools(): HTMLElement {
  const box = el('fieldset', { class: 'selection-tools' });
  box.append(el('legend', {}, say('selectionLegend')));
  const shown = el('p', { id: 'selection-shown', 'aria-live': 'polite' }, say('selectionNone'));
  const studies = ((working.get('studies') as { studies?: { id?: string }[] } | undefined)?.studies ?? []);
  const studySelect = el('select', { id: 'target-study' });
  studies.forEach((s, i) => studySelect.append(el('option', { value: String(i) }, s.id ?? String(i + 1))));
  studySelect.append(el('option', { value: 'new' }, say('newStudy')));
  const resultSelect = el('select', { id: 'target-result' });
  const fillResults = () => {
    resultSelect.textContent = '';
    const s = studySelect.value === 'new' ? undefined : (studies[Number(studySelect.value)] as { results?: { outcome?: string }[] } | undefined);
    (s?.results ?? []).forEach((r, i) => resultSelect.append(el('option', { value: String(i) }, r.outcome || say('resultN', { n: i + 1 }))));
    resultSelect.append(el('option', { value: 'new' }, say('newResult')));
  };
  studySelect.addEventListener('change', fillResults);
  fillResults();
  // The takeaways and tips, for a passage one rests on.
  const points = working.get('takeaways') as { takeaways?: { text?: string }[]; tips?: { text?: string }[] } | undefined;
  const claimSelect = el('select', { id: 'target-claim' });
  for (const list of ['takeaways', 'tips'] as const) {
    (points?.[list] ?? []).forEach((point, i) =>
      claimSelect.append(el('option', { value: `${list}:${i}` }, say(list === 'takeaways' ? 'takeawayN' : 'tipN', { n: i + 1, text: (point.text ?? '').slice(0, 60) }))),
    );
  }
  box.append(shown, label('target-study', say('targetStudy')), studySelect, label('target-result', say('targetResult')), resultSelect, label('target-claim', say('targetClaim')), claimSelect);
  // Two groups: the selected words as words, and a selected number as a figure.
  const asWords = el('div', { class: 'actions', role: 'group', 'aria-labelledby': 'as-words' });
  asWords.append(el('p', { id: 'as-words', class: 'group-name' }, say('asWords')));
  const asFigure = el('div', { class: 'actions', role: 'group', 'aria-labelledby': 'as-figure' });
  asFigure.append(el('p', { id: 'as-figure', class: 'group-name' }, say('asFigure')));
  const figures = new Set(['asChange', 'asP', 'asCount']);
  const act = (key: string, target: () => Target) => {
    const button = el('button', { type: 'button', 'data-action': key }, say(key));
    button.addEventListener('click', () => {
      try {
        void useSelection(target());
      } catch (e) {
        announce(e instanceof SelectionProblem ? say(e.key) : String(e));
      }
    });
    (figures.has(key) ? asFigure : asWords).append(button);
  };
  const study = () => (studySelect.value === 'new' ? 'new' : Number(studySelect.value));
  const result = () => (resultSelect.value === 'new' ? 'new' : Number(resultSelect.value));
  const existing = () => {
    const s = study();
    if (s === 'new') throw new SelectionProblem('chooseStudyFirst');
    return s;
  };
  act('asConclusion', () => ({ kind: 'conclusion', study: study() }));
  act('asDetail', () => ({ kind: 'detail', study: existing(), result: result() }));
  act('asChange', () => ({ kind: 'change', study: existing(), result: result() }));
  act('asP', () => ({ kind: 'p', study: existing(), result: result() }));
  act('asCount', () => ({ kind: 'count', study: existing() }));
  act('asMeaningPassage', () => ({ kind: 'passage', claim: { file: 'studies', study: existing(), field: 'meaning' } }));
  act('asCaveatPassage', () => ({ kind: 'passage', claim: { file: 'studies', study: existing(), field: 'caveat' } }));
  act('asPointPassage', () => {
    const [list, index] = claimSelect.value.split(':');
    if (!list) throw new SelectionProblem('noSuchClaim');
    return { kind: 'passage', claim: { file: 'takeaways', list: list as 'takeaways' | 'tips', index: Number(index) } };
  });
  act('asQuote', () => ({ kind: 'quote' }));
  box.append(asWords, asFigure);
  return box;
}

function label(forId: string, text: string): HTMLLabelElement {
  return el('label', { for: forId }, text);
}

/** The selection, when it lies inside one source text. */
function currentSelection(): Selection | undefined {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return undefined;
  const range = sel.getRangeAt(0);
  const startPre = (range.startContainer.parentElement ?? (range.startContainer as HTMLElement)).closest?.('pre[data-source]');
  const endPre = (range.endContainer.parentElement ?? (range.endContainer as HTMLElement)).closest?.('pre[data-source]');
  if (!startPre || !endPre) return undefined;
  if (startPre !== endPre) throw new SelectionProblem('selectionTwo');
  const before = document.createRange();
  before.setStart(startPre, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const id = startPre.getAttribute('data-source')!;
  const whole = state.sources.find((s) => s.id === id)!.text;
  return { source: id, text: sel.toString(), whole, start: before.toString().length };
}

document.addEventListener('selectionchange', () => {
  const shown = document.getElementById('selection-shown');
  if (!shown) return;
  try {
    selection = currentSelection() ?? selection;
    shown.textContent = selection ? say('selectionIs', { text: selection.text.replace(/\s+/g, ' ').slice(0, 200), file: `sources/${selection.source}.txt` }) : say('selectionNone');
  } catch (e) {
    selection = undefined;
    shown.textContent = e instanceof SelectionProblem ? say(e.key) : String(e);
  }
});

async function useSelection(target: Target): Promise<void> {
  try {
    if (!selection) throw new SelectionProblem('selectionNone');
    const before = { studies: working.get('studies') as Record<string, unknown>, takeaways: working.get('takeaways') as Record<string, unknown>, quotes: working.get('quotes') as Record<string, unknown> };
    const after = place(before, selection, target);
    const file = target.kind === 'quote' ? 'quotes' : target.kind === 'passage' && target.claim.file === 'takeaways' ? 'takeaways' : 'studies';
    working.set(file, after[file]);
    dirty.add(file);
    const saved = await save(file);
    // Shown where it went: the study's form, with any field it still needs marked.
    view = file;
    layout();
    if (!saved) {
      const result = await post('save', { part: file, data: working.get(file), version: versions.get(file) });
      if (!result.ok && result.kind === 'invalid') showProblems(document.getElementById('form-pane')!, result.problems);
      announce(say('placedNotSaved'));
    } else announce(say('placed', { file: partOf(file)!.file }));
  } catch (e) {
    announce(e instanceof SelectionProblem ? say(e.key) : String(e));
  }
}

function addSourceForm(): HTMLElement {
  const form = el('fieldset', { class: 'add-source' });
  form.append(el('legend', {}, say('addSource')));
  const idInput = el('input', { id: 'new-source-id', type: 'text', 'aria-describedby': 'new-source-id-hint' });
  const hint = el('p', { class: 'hint', id: 'new-source-id-hint' }, say('sourceIdHint'));
  const text = el('textarea', { id: 'new-source-text', rows: '8' });
  const fileInput = el('input', { id: 'new-source-file', type: 'file', accept: '.txt,text/plain' });
  const error = el('p', { class: 'field-error', id: 'new-source-error', role: 'alert' });
  error.hidden = true;
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      text.value = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
      if (!idInput.value) idInput.value = file.name.replace(/\.txt$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      error.hidden = true;
    } catch {
      error.hidden = false;
      error.textContent = say('notUtf8', { file: file.name });
    }
  });
  const add = el('button', { type: 'button', id: 'add-source' }, say('saveSource'));
  add.addEventListener('click', async () => {
    const result = await post('source', { id: idInput.value.trim(), text: text.value });
    if (result.ok) {
      state.problems = result.problems;
      state.sources = (await getState()).sources;
      layout();
      announce(say('saved', { file: `sources/${idInput.value.trim()}.txt` }));
    } else {
      error.hidden = false;
      error.textContent = result.kind === 'invalid' ? result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join(' ') : result.kind === 'clash' ? say('sourceExists') : result.message;
      announce(error.textContent);
    }
  });
  form.append(label('new-source-id', say('sourceId')), idInput, hint, label('new-source-text', say('sourcePaste')), text, label('new-source-file', say('sourceFile')), fileInput, error, add);
  return form;
}

// ---------------------------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  state = await getState();
  document.documentElement.lang = state.lang;
  document.title = say('pageTitle');
  for (const p of state.parts) {
    working.set(p.name, structuredClone(p.data));
    versions.set(p.name, p.version);
  }
  layout();
  events(() => void fileChanged());
}

void start();
