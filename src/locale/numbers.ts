// Figures in the talk's language: the decimals exactly as the data gives them, the separators as the language writes them.

/** "2.75" → "2,75" in Spanish: as many decimals as the figure was written with, never rounded or padded. */
export function formatNumber(n: number, lang: string): string {
  // A figure smaller than any a study reports (1e-30, say) is written in scientific notation rather than 30 zeros.
  if (decimals(n) > 20) return new Intl.NumberFormat(lang, { notation: 'scientific', maximumSignificantDigits: 21 }).format(n);
  const d = decimals(n);
  const key = `${lang} ${d}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, { minimumFractionDigits: d, maximumFractionDigits: d });
    FORMATS.set(key, format);
  }
  return format.format(n);
}

/** One formatter per language and number of decimals: making one costs far more than using it. */
const FORMATS = new Map<string, Intl.NumberFormat>();

/** Decimals in the shortest form of the number (0.001 → 3, 1e-7 → 7). */
function decimals(n: number): number {
  const s = String(Math.abs(n));
  const exp = /e-(\d+)$/.exec(s);
  if (exp) {
    const mantissa = s.slice(0, s.indexOf('e'));
    return Number(exp[1]) + (mantissa.split('.')[1]?.length ?? 0);
  }
  return s.split('.')[1]?.length ?? 0;
}
