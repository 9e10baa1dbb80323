// Text written into CSS strings: it must read back as itself and be unable to end the string, the rule or the
// <style> element (issue 15, item 1: a talk title in the handout's @page footer put markup into the page).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssString } from '../../src/html/css-escape.ts';

/** Reads a CSS double-quoted string back as CSS Syntax §4.3.5 and §4.3.7 say a browser does. */
function readCssString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"' || c === '\n') throw new Error(`the string ends early at ${i}: ${literal}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const hex = /^[0-9a-fA-F]{1,6}/.exec(body.slice(i + 1))?.[0];
    if (!hex) {
      out += body[++i] ?? '';
      continue;
    }
    i += hex.length;
    if (/\s/.test(body[i + 1] ?? '')) i++;
    const code = parseInt(hex, 16);
    // Zero, a surrogate or beyond Unicode reads as the replacement character.
    out += code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
  }
  return out;
}

describe('cssString', () => {
  it('escapes what could end the string, the rule or the style element', () => {
    const title = `</style><meta http-equiv=refresh content='0;url=https://evil.example/'><style>`;
    const css = cssString(title);
    expect(css.slice(1, -1)).not.toMatch(/["<>{}/\n]/);
    expect(css).not.toContain('</style');
    expect(readCssString(css)).toBe(title);
  });

  it('writes letters, digits and plain punctuation as they are', () => {
    expect(cssString('Massage and MS, 2026: a talk.')).toBe('"Massage and MS, 2026: a talk."');
  });

  it('reads back as exactly the text, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const css = cssString(text);
        expect(css.slice(1, -1)).toMatch(/^[A-Za-z0-9 ,.!?:;_\\-]*$/);
        expect(readCssString(css)).toBe(text.replace(/[\0\ud800-\udfff]/gu, '\ufffd'));
      }),
      { numRuns: 500 },
    );
  });
});
