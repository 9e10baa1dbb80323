// The replay page's script (bundled into the page by src/replay/build.ts): the deck's slides in a Reveal instance
// that follows the call's recording. The recording drives the slides (its time picks the chapter, the chapter the
// slide); moving to a slide yourself (the chapter list, the deck's keys, its arrows) moves the recording there.
// With data-mode="edit" the same page is the timeline editor: → at each slide change, nudge, save a chapters file.
import Reveal from 'reveal.js';
import { SLIDE_LOOK } from '../layout/slide-look.ts';
import { vttHeaderTitle, vttTime } from '../timeline/vtt-format.ts';

interface Chapter {
  slide: string;
  start: number;
  end: number;
}
interface Caption {
  start: number;
  end: number;
  text: string;
}
interface ReplayData {
  mode: 'replay' | 'edit';
  chapters: Chapter[];
  captions: Caption[];
  words: Record<string, string | Record<string, string>>;
  /** The file name the editor saves as. */
  saveAs: string;
  title: string;
}

const data = JSON.parse(document.getElementById('replay-data')!.textContent!) as ReplayData;
const lang = document.documentElement.lang || undefined;

function say(key: string, values: Record<string, string | number> = {}): string {
  const message = data.words[key];
  if (message === undefined) return key;
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = typeof values.count === 'number' ? values.count : 0;
    text = message[new Intl.PluralRules(lang).select(count)] ?? message.other ?? key;
  }
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = values[name];
    if (value === undefined) return slot;
    return typeof value === 'number' ? value.toLocaleString(lang) : value;
  });
}

/** 1:02:03 or 02:03, as the chapter list writes times. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}

/** A time a screen reader says well: "3 minutes 12 seconds". */
function spoken(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return [h ? say('replay.hours', { count: h }) : '', h || m ? say('replay.minutes', { count: m }) : '', say('replay.seconds', { count: s % 60 })]
    .filter(Boolean)
    .join(' ');
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const audio = $<HTMLAudioElement>('replay-audio');
const play = $<HTMLButtonElement>('replay-play');
const seek = $<HTMLInputElement>('replay-seek');
const time = $('replay-time');
const speed = $<HTMLSelectElement>('replay-speed');
const status = $('replay-status');
const caption = document.getElementById('replay-caption');
const captionsToggle = document.getElementById('replay-captions-toggle') as HTMLButtonElement | null;

const deck = new Reveal(document.querySelector<HTMLElement>('.reveal')!, {
  ...SLIDE_LOOK,
  embedded: true,
  hash: false,
  history: false,
  respondToHashChanges: false,
  // One step per slide: the timeline has one cue per slide, so → always goes to the next chapter.
  fragments: false,
  keyboard: true,
  // The page has its own controls below the slides: the wheel and touch scroll the page.
  touch: false,
  mouseWheel: false,
  help: false,
  overview: false,
});
(window as unknown as { Reveal: typeof deck }).Reveal = deck;

/** The slide ids in the deck's order, and each one's place. */
function placeOf(id: string): { h: number; v: number } | null {
  const section = document.getElementById(id);
  if (!section) return null;
  const { h, v } = deck.getIndices(section);
  return { h: h ?? 0, v: v ?? 0 };
}

function currentSlideId(): string {
  return deck.getCurrentSlide()?.id ?? '';
}

// ---- the chapters ------------------------------------------------------------------------------------------------

let chapters: Chapter[] = data.chapters.slice();

/** The chapter playing at this time: the last one that has started (before the first, the first). */
function chapterAt(t: number): number {
  let found = -1;
  for (let i = 0; i < chapters.length; i++) if (chapters[i]!.start <= t + 0.02) found = i;
  return found;
}

let shownChapter = -2;
/** Moves the slides to the chapter the recording is in. */
function follow(event?: Event | 'seek') {
  const t = audio.currentTime;
  const i = chapterAt(t);
  // The editor moves the slides only when you seek: while it plays, you press → at each change.
  const move = data.mode === 'replay' || event === 'seek' || (event instanceof Event && event.type === 'seeked');
  if (i >= 0 && move) {
    const slide = chapters[i]!.slide;
    if (slide !== currentSlideId()) {
      const place = placeOf(slide);
      if (place) deck.slide(place.h, place.v);
    }
  }
  if (i !== shownChapter) {
    shownChapter = i;
    markChapter(i);
  }
  showCaption(t);
  showTime(t);
}

/** Seeks the recording to a moment; the slides follow. */
function seekTo(t: number) {
  const end = Number.isFinite(audio.duration) ? audio.duration : Infinity;
  audio.currentTime = Math.max(0, Math.min(t, end));
  follow('seek');
}

/** The reader moved to a slide: the recording goes to when it was shown. */
function onSlideChanged() {
  const id = currentSlideId();
  const now = chapterAt(audio.currentTime);
  if (now >= 0 && chapters[now]!.slide === id) return;
  if (data.mode === 'edit') return void onEditSlideChanged(id);
  const options = chapters.map((c, i) => ({ c, i })).filter(({ c }) => c.slide === id);
  if (options.length === 0) {
    // A slide not shown in the talk: the recording goes to the next slide that was.
    const at = placeOf(id);
    const next = chapters.find((c) => {
      const p = placeOf(c.slide);
      return p && at && (p.h > at.h || (p.h === at.h && p.v > at.v));
    });
    status.textContent = say('replay.notShown');
    if (next) seekTo(next.start);
    return;
  }
  status.textContent = '';
  // Going back: the latest time it was shown before now; going on: the first after now.
  const t = audio.currentTime;
  const later = options.find(({ c }) => c.start >= t);
  const earlier = [...options].reverse().find(({ c }) => c.start < t);
  const target = (later && (!earlier || indexOfPlace(id) > indexOfPlace(chapters[Math.max(now, 0)]?.slide ?? id)) ? later : earlier ?? later)!;
  seekTo(target.c.start);
}

function indexOfPlace(id: string): number {
  const p = placeOf(id);
  return p ? p.h * 10_000 + p.v : -1;
}

const chapterList = document.getElementById('replay-chapters');
function markChapter(i: number) {
  if (!chapterList) return;
  chapterList.querySelectorAll('a[aria-current]').forEach((a) => a.removeAttribute('aria-current'));
  const link = chapterList.querySelectorAll<HTMLAnchorElement>('a[data-start]')[i];
  link?.setAttribute('aria-current', 'true');
}

// ---- captions and the transcript -----------------------------------------------------------------------------------

let captionsOn = true;
let shownCaption = -2;
const transcriptLines = Array.from(document.querySelectorAll<HTMLElement>('#replay-transcript li'));
function showCaption(t: number) {
  let index = -1;
  for (let i = 0; i < data.captions.length; i++) {
    const c = data.captions[i]!;
    if (c.start <= t + 0.02 && t < c.end) index = i;
    if (c.start > t) break;
  }
  if (index === shownCaption) return;
  shownCaption = index;
  if (caption) caption.textContent = captionsOn && index >= 0 ? data.captions[index]!.text : '';
  if (caption) caption.hidden = !captionsOn;
  transcriptLines.forEach((li) => li.removeAttribute('aria-current'));
  if (index >= 0) transcriptLines[index]?.setAttribute('aria-current', 'true');
}

function setCaptions(on: boolean) {
  captionsOn = on;
  captionsToggle?.setAttribute('aria-pressed', String(on));
  const state = captionsToggle?.querySelector('.replay-toggle-state');
  if (state) state.textContent = say(on ? 'replay.on' : 'replay.off');
  shownCaption = -2;
  showCaption(audio.currentTime);
}

captionsToggle?.addEventListener('click', () => setCaptions(!captionsOn));

const search = document.getElementById('replay-search') as HTMLInputElement | null;
const searchStatus = document.getElementById('replay-search-status');
search?.addEventListener('input', () => {
  const words = search.value.trim().toLocaleLowerCase(lang);
  let found = 0;
  for (const li of transcriptLines) {
    const match = !words || (li.textContent ?? '').toLocaleLowerCase(lang).includes(words);
    li.hidden = !match;
    if (match) found++;
  }
  if (searchStatus) searchStatus.textContent = words ? say('replay.found', { count: found }) : '';
});

// Each chapter and each transcript line is a link to its moment (#t=12.5): the recording goes there.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[data-start]');
  if (!link) return;
  event.preventDefault();
  seekTo(Number(link.getAttribute('data-start')));
  if (link.closest('#replay-chapters')) document.querySelector<HTMLElement>('.reveal')?.focus();
});

// ---- the player ------------------------------------------------------------------------------------------------

function showTime(t: number) {
  const d = Number.isFinite(audio.duration) ? audio.duration : 0;
  time.textContent = say('replay.time', { now: clock(t), total: clock(d) });
  if (document.activeElement !== seek || !seek.dataset.dragging) seek.value = String(Math.floor(t));
  seek.setAttribute('aria-valuetext', say('replay.position', { now: spoken(t), total: spoken(d) }));
}

function showPlaying() {
  const playing = !audio.paused;
  play.textContent = say(playing ? 'replay.pause' : 'replay.play');
}

play.addEventListener('click', () => {
  if (audio.paused) void audio.play().catch(() => (status.textContent = say('replay.cannotPlay')));
  else audio.pause();
});
$<HTMLButtonElement>('replay-back').addEventListener('click', () => seekTo(audio.currentTime - 10));
$<HTMLButtonElement>('replay-forward').addEventListener('click', () => seekTo(audio.currentTime + 10));
seek.addEventListener('input', () => seekTo(Number(seek.value)));
speed.addEventListener('change', () => {
  audio.playbackRate = Number(speed.value);
});
for (const type of ['timeupdate', 'seeked', 'loadedmetadata', 'durationchange']) audio.addEventListener(type, follow);
for (const type of ['play', 'pause', 'ended']) audio.addEventListener(type, showPlaying);
audio.addEventListener('loadedmetadata', () => {
  seek.max = String(Math.ceil(audio.duration));
});
audio.addEventListener('error', () => {
  status.textContent = say('replay.cannotPlay');
});

// Space and Enter press a button or follow a link, and the speed menu takes the arrow keys: none of them may also
// move the slides (Reveal listens on the whole page).
for (const area of document.querySelectorAll('.replay-player, .replay-below')) {
  area.addEventListener('keydown', (event) => {
    const { key, target } = event as KeyboardEvent;
    const tag = (target as HTMLElement).tagName;
    if (tag === 'SELECT' || ((tag === 'BUTTON' || tag === 'A') && (key === ' ' || key === 'Enter'))) event.stopPropagation();
  });
}

// C turns the captions on and off (the deck keeps its own keys: arrows, space and the rest move the slides, and so
// the recording).
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement;
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  if (event.key.toLowerCase() === 'c' && captionsToggle) setCaptions(!captionsOn);
  else return;
  event.preventDefault();
});

// ---- the timeline editor ------------------------------------------------------------------------------------------

const editList = document.getElementById('replay-edit-list');
function onEditSlideChanged(id: string) {
  // → while the recording plays: the slide changes here. If the next chapter is this slide's, it moves to now;
  // otherwise a chapter starts now. The one before ends here.
  const t = audio.currentTime;
  const next = chapters.find((c) => c.start > t);
  if (next && next.slide === id) next.start = t;
  else chapters.push({ slide: id, start: t, end: Number.isFinite(audio.duration) ? audio.duration : t + 1 });
  closeChapters();
  renderEditList();
  status.textContent = say('replay.editMarked', { slide: id, time: clock(t) });
}

function closeChapters() {
  chapters.sort((a, b) => a.start - b.start);
  for (let i = 0; i < chapters.length; i++) {
    const next = chapters[i + 1];
    chapters[i]!.end = next ? next.start : Number.isFinite(audio.duration) ? audio.duration : chapters[i]!.end;
  }
}

function renderEditList() {
  if (!editList) return;
  editList.replaceChildren(
    ...chapters.map((c, i) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#t=${c.start.toFixed(2)}`;
      link.dataset.start = String(c.start);
      link.textContent = `${clock(c.start)}.${String(Math.floor((c.start % 1) * 10))} ${titleOf(c.slide)}`;
      li.append(link);
      for (const [label, delta] of [
        ['replay.editEarlier', -0.5],
        ['replay.editLater', 0.5],
      ] as const) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = say(label);
        button.setAttribute('aria-label', `${say(label)}: ${titleOf(c.slide)}`);
        button.addEventListener('click', () => {
          const prev = chapters[i - 1];
          const next = chapters[i + 1];
          c.start = Math.max(prev ? prev.start + 0.1 : 0, Math.min(next ? next.start - 0.1 : Infinity, c.start + delta));
          closeChapters();
          renderEditList();
          (editList.children[i]?.querySelectorAll('button')[delta < 0 ? 0 : 1] as HTMLButtonElement | undefined)?.focus();
        });
        li.append(' ', button);
      }
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = say('replay.editRemove');
      remove.setAttribute('aria-label', `${say('replay.editRemove')}: ${titleOf(c.slide)}`);
      remove.addEventListener('click', () => {
        chapters.splice(i, 1);
        closeChapters();
        renderEditList();
      });
      li.append(' ', remove);
      return li;
    }),
  );
}

function titleOf(id: string): string {
  const section = document.getElementById(id);
  return section?.getAttribute('data-replay-title') ?? id;
}

/** The chapters as a WebVTT file, as npm run present --record writes it. */
function chaptersFile(): string {
  closeChapters();
  return `WEBVTT - ${vttHeaderTitle(data.title)}\n\n${chapters.map((c) => `${vttTime(c.start)} --> ${vttTime(Math.max(c.end, c.start + 0.001))}\n${c.slide}\n`).join('\n')}`;
}

const save = document.getElementById('replay-save') as HTMLButtonElement | null;
save?.addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([chaptersFile()], { type: 'text/vtt' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = data.saveAs;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  status.textContent = say('replay.editSaved', { file: data.saveAs });
});
(window as unknown as { replayChapters: () => string }).replayChapters = chaptersFile;

// ---- start ---------------------------------------------------------------------------------------------------------

void deck.initialize().then(() => {
  deck.on('slidechanged', onSlideChanged);
  // Reveal names its arrows in English.
  const names: Record<string, string> = { left: 'replay.previousSlide', right: 'replay.nextSlide', up: 'replay.previousSlide', down: 'replay.nextSlide' };
  for (const [side, key] of Object.entries(names)) deck.getRevealElement()?.querySelector(`.controls .navigate-${side}`)?.setAttribute('aria-label', say(key));
  if (data.mode === 'edit') {
    // A new timeline starts with the first slide at the start of the recording; → marks each change after it.
    const first = deck.getSlides()[0]?.id;
    if (chapters.length === 0 && first) chapters.push({ slide: first, start: 0, end: Number.isFinite(audio.duration) ? audio.duration : 1 });
    renderEditList();
  }
  showPlaying();
  setCaptions(true);
  follow();
  document.body.dataset.replayReady = 'true';
});
