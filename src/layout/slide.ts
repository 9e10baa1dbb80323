// The description of one slide: what every renderer produces and every output (deck, handout, text) consumes.
import type { Raw } from '../html/escape.ts';

export interface Slide {
  /** Stable id: the URL hash (`#/<id>`) and the element id. */
  id: string;
  /** Plain-text title, for outlines, the text version and tests. */
  title: string;
  /** A class naming the slide's layout, such as "study" or "quote". */
  kind: string;
  /** The slide's finished HTML, heading included. */
  body: Raw;
  /** The speaker notes as finished HTML. */
  notes: Raw;
  /** Notes for the speaker alone, as finished HTML: shown in the speaker view, never published (see audience.ts). */
  privateNotes?: Raw;
  /** Share of the talk's time, relative to other slides. */
  weight: number;
  /** Parts of the data too big for any slide, even on a slide of their own: reported, never shown cut off. */
  overfull?: Overfull[];
}

/** A field of a data file whose text cannot fit on a slide, and what to do about it. */
export interface Overfull {
  source: 'talk' | 'people' | 'studies' | 'quotes' | 'takeaways' | 'resources';
  path: (string | number)[];
  message: string;
}

/** A slide with its time budget in whole seconds. */
export interface TimedSlide extends Slide {
  seconds: number;
}
