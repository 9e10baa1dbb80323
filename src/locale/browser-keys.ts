// The messages the deck's browser code shows (the follow-along bar, key help, Reveal's buttons). Shared by the build,
// which writes them into the page, and the browser code, which reads them: this module imports nothing, so it
// costs the browser's bundle only these names.

/** The id of the `<script type="application/json">` the build writes into index.html. */
export const DECK_WORDS_ID = 'deck-words';

/** The key that switches between following the speaker and browsing (its name is the same in every language). */
export const FOLLOW_KEY = 'L';

/** The presenter's key that starts recording the timeline (npm run present --record). */
export const RECORD_KEY = 'R';

/** The presenter's and the moderator's key that shows or hides the listeners' questions. */
export const QUESTIONS_KEY = 'Q';

export const BROWSER_KEYS = [
  'follow.region',
  'follow.toggle',
  'follow.on',
  'follow.off',
  'follow.keyHelp',
  'follow.connectingPresenter',
  'follow.connectingListener',
  'follow.presenting',
  'follow.presenterLost',
  'follow.browsing',
  'follow.browsingDown',
  'follow.paused',
  'follow.waiting',
  'follow.following',
  'follow.presenterLinkInvalid',
  'follow.listeners',
  'follow.recordStart',
  'follow.recordKeyHelp',
  'follow.recording',
  'follow.sharedDown',
  'speakerView.keyHelp',
  'speakerView.windowTitle',
  'speakerView.loading',
  'speakerView.upcoming',
  'speakerView.time',
  'speakerView.resetTimer',
  'speakerView.pacing',
  'speakerView.notes',
  'speakerView.layout',
  'speakerView.layoutDefault',
  'speakerView.layoutWide',
  'speakerView.layoutTall',
  'speakerView.layoutNotesOnly',
  'controls.previous',
  'controls.next',
  'controls.above',
  'controls.below',
  'keys.title',
  'keys.key',
  'keys.action',
  'keys.next',
  'keys.previous',
  'keys.left',
  'keys.right',
  'keys.up',
  'keys.down',
  'keys.noFragments',
  'keys.firstLast',
  'keys.pause',
  'keys.fullscreen',
  'keys.jump',
  'keys.overview',
] as const;

/**
 * The words of questions on the live link (the listener's form, the presenter's list): not in the page, but in the
 * chunk of code that shows them (virtual:question-words, src/vite/deck-plugin.ts), which only a page served with
 * questions on ever loads; every other reader of the deck is spared their bytes.
 */
export const QUESTION_KEYS = [
  'follow.askButton',
  'follow.askTitle',
  'follow.askLabel',
  'follow.askName',
  'follow.askNotice',
  'follow.askSend',
  'follow.askNo',
  'follow.askSent',
  'follow.askOff',
  'follow.askRate',
  'follow.askEmpty',
  'follow.askLong',
  'follow.askControl',
  'follow.askStore',
  'follow.askDown',
  'follow.askLeft',
  'follow.questionsButton',
  'follow.questionsNew',
  'follow.questionsTitle',
  'follow.questionsNone',
  'follow.questionsKeyHelp',
  'follow.questionAt',
  'follow.questionAtStart',
  'follow.questionFrom',
  'follow.questionDone',
  'follow.questionAway',
  'follow.questionMarkDone',
  'follow.questionHide',
  'follow.questionShow',
  'follow.questionRead',
  'follow.questionPick',
  'follow.questionPicked',
  'follow.questionJoin',
  'follow.questionSameAs',
  'follow.readDone',
  'follow.moderating',
] as const;

export const QUESTION_WORDS_ID = 'virtual:question-words';

export type BrowserKey = (typeof BROWSER_KEYS)[number] | (typeof QUESTION_KEYS)[number];

/**
 * A message as the browser gets it: finished words with `{name}` where a value goes, or, for a message that
 * depends on a count, one such string per plural category of the language (`one`, `other`, …).
 */
export type BrowserMessage = string | Partial<Record<Intl.LDMLPluralRule, string>>;

export type BrowserWords = Record<BrowserKey, BrowserMessage>;
