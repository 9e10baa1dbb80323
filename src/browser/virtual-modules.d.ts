// Modules the build's plugins make (src/vite/).
declare module 'virtual:deck-notes' {
  /** Each slide's speaker notes as HTML, by the slide's id; null on the dev server, whose page keeps its notes. */
  const notes: Record<string, string> | null;
  export default notes;
}
declare module 'virtual:question-words' {
  /** The words of questions on the live link, in the talk's language (src/locale/browser-keys.ts, QUESTION_KEYS). */
  const words: import('../locale/browser-keys.ts').BrowserWords;
  export default words;
}
