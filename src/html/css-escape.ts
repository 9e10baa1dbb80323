// Text written into CSS (a string in a style sheet, such as the handout's page footer). Only a small set of
// characters is written as it is; every other one becomes a hex escape, so no text can end the string, the rule
// or the <style> element around it ("</style>" comes out as \3c \2f style\3e ), whatever it holds.

/** Written as they are: letters and digits of ASCII, the space and punctuation that means nothing to CSS. */
const SAFE = /^[A-Za-z0-9 ,.!?:;_-]$/;

/** One character as a CSS hex escape; the space after it ends the escape and is not part of the text. */
function hexEscape(char: string): string {
  return `\\${char.codePointAt(0)!.toString(16)} `;
}

/** A CSS string literal, in double quotes, that reads back as exactly `text`. */
export function cssString(text: string): string {
  let out = '"';
  // for…of walks code points, so a character outside the BMP (an emoji) is one escape, not two halves.
  for (const char of text) out += SAFE.test(char) ? char : hexEscape(char);
  return `${out}"`;
}
