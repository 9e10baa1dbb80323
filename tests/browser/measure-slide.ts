// What the layout tests measure on the current slide, in the page: boxes outside the slide, text over text,
// scrolling boxes, and the slide number as shown.

export interface LayoutReport {
  id: string;
  outside: string[];
  overlaps: string[];
  scrolls: string[];
  number: string;
}

/** Runs in the page (passed to page.evaluate, so it uses nothing from outside itself): checks the current slide's boxes against the slide's own box. */
export function measureSlide(): LayoutReport {
  const reveal = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal;
  const slide = reveal.getCurrentSlide();
  const box = slide.getBoundingClientRect();
  const name = (e: Element) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
  const visible = (e: Element) => {
    const s = getComputedStyle(e);
    return s.display !== 'none' && s.visibility !== 'hidden' && !e.closest('aside.notes') && !e.closest('.visually-hidden');
  };
  const outside: string[] = [];
  const scrolls: string[] = [];
  for (const e of [slide, ...slide.querySelectorAll('*')]) {
    if (!visible(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const tol = 1;
    if (r.left < box.left - tol || r.top < box.top - tol || r.right > box.right + tol || r.bottom > box.bottom + tol) outside.push(name(e));
    if (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1) {
      const s = getComputedStyle(e);
      if (s.overflow !== 'visible' || e === slide) scrolls.push(`${name(e)} ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}`);
    }
  }
  // Each line of text as a box; boxes of different text nodes must not overlap.
  const lines: { node: Text; r: DOMRect }[] = [];
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!n.data.trim() || !n.parentElement || !visible(n.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) lines.push({ node: n, r });
  }
  const overlaps: string[] = [];
  for (let a = 0; a < lines.length; a++) {
    for (let b = a + 1; b < lines.length; b++) {
      const A = lines[a]!;
      const B = lines[b]!;
      if (A.node === B.node) continue;
      const w = Math.min(A.r.right, B.r.right) - Math.max(A.r.left, B.r.left);
      const h = Math.min(A.r.bottom, B.r.bottom) - Math.max(A.r.top, B.r.top);
      // Glyph boxes of neighbouring lines may touch by a pixel or two; real overlap is larger.
      if (w > 2 && h > 4) overlaps.push(`"${A.node.data.trim().slice(0, 25)}" / "${B.node.data.trim().slice(0, 25)}"`);
    }
  }
  // The page itself does not scroll either.
  const page = document.scrollingElement ?? document.documentElement;
  if (page.scrollHeight > innerHeight + 1 || page.scrollWidth > innerWidth + 1 || scrollX !== 0 || scrollY !== 0) {
    scrolls.push(`page ${page.scrollWidth}x${page.scrollHeight} in ${innerWidth}x${innerHeight}`);
  }
  const number = document.querySelector('.reveal .slide-number')?.textContent ?? '';
  return { id: slide.id, outside, overlaps, scrolls, number };
}


/**
 * Runs in the page: lines of the current slide's text that lie under the slide number or the arrows, which Reveal
 * draws over the slide's bottom right corner.
 */
export function textUnderControls(): string[] {
  const reveal = (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal;
  const slide = reveal.getCurrentSlide();
  const boxes = [...document.querySelectorAll('.reveal .controls button, .reveal .slide-number')]
    .filter((e) => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden')
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  const found: string[] = [];
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const el = n.parentElement;
    if (!n.data.trim() || !el || el.closest('aside.notes') || el.closest('.visually-hidden')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width === 0 || r.height === 0) continue;
      const hit = boxes.some((b) => Math.min(r.right, b.right) - Math.max(r.left, b.left) > 1 && Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) > 1);
      if (hit) found.push(`"${n.data.trim().slice(0, 30)}"`);
    }
  }
  return found;
}
