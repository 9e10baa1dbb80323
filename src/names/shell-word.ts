// A word as typed in a shell command a message prints (a folder, a file): quoted when it holds a space or a quote,
// so the command can be copied as it is. In src/names, with no dependencies, for the commands and the live server.
export function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
