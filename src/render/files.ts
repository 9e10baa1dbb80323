// Names of the files a build writes, derived from the talk's slug.
import type { Talk } from '../schema/index.ts';

export const textVersionFile = (talk: Talk) => `${talk.slug}-text.html`;
export const singleFile = (talk: Talk) => `${talk.slug}.html`;
export const slidesPdfFile = (talk: Talk) => `${talk.slug}-slides.pdf`;
export const handoutPdfFile = (talk: Talk) => `${talk.slug}-handout.pdf`;
/** The recording of the call with the slides in step (npm run replay), beside the deck. */
export const replayFile = (talk: Talk) => `${talk.slug}-replay.html`;
