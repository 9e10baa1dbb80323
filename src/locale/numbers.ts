// Figures in the talk's language: the decimals exactly as the data gives them, the separators as the language writes them.

/** "2.75" → "2,75" in Spanish: as many decimals as the figure was written with, never rounded or padded. */
export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, {
    minimumFractionDigits: decimals(n),
    maximumFractionDigits: decimals(n),
  }).format(n);
}

/** Decimals in the shortest form of the number (0.001 → 3, 1e-7 → 7). */
function decimals(n: number): number {
  const s = String(Math.abs(n));
  const exp = /e-(\d+)$/.exec(s);
  if (exp) {
    const mantissa = s.slice(0, s.indexOf('e'));
    return Number(exp[1]) + (mantissa.split('.')[1]?.length ?? 0);
  }
  // Intl allows at most 100 fraction digits; a JavaScript number never needs more than 20 here.
  return Math.min(20, s.split('.')[1]?.length ?? 0);
}
