// How the deck's slides are laid out and numbered, for every page that shows them with Reveal: the deck itself and
// the replay. One place, so the replay's slides are the deck's slides (and the fit estimates, src/layout/fit.ts,
// hold for both).
export const SLIDE_LOOK = {
  width: 1280,
  height: 720,
  margin: 0.04,
  center: false,
  slideNumber: 'c/t',
  showSlideNumber: 'all',
  transition: 'none',
  backgroundTransition: 'none',
  controls: true,
  controlsTutorial: false,
  progress: true,
} as const;
