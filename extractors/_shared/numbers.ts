// Cardinal numbers as news writes them: "3,000", "1.5", "five", "twenty-four", "two dozen",
// "three hundred and twenty", "1.2 million". Vague quantities ("hundreds of", "dozens of") are no
// number at all: a count we cannot state is left null rather than guessed.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  a: 1, an: 1, single: 1,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = {
  dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
};

const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const WORD = byLength([...Object.keys(UNITS).filter((w) => w.length > 2), ...Object.keys(TENS)]);
const SCALE_WORD = byLength(['dozen', 'hundred', 'thousand', 'million', 'billion', 'trillion', 'lakhs?', 'crores?']);
/** Source of a digit-written number: "3,000", "4.5", ".2". */
export const DIGITS_SOURCE = String.raw`(?:(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?:\.\d+)?|\.\d+)`;
const WORD_NUM = String.raw`(?:${WORD})(?:[- ](?:${WORD}))?`;

/**
 * Source of a regex matching one cardinal: digits with separators and an optional scale, or number
 * words with scales ("two dozen", "three hundred and twenty"). No capture groups, no flags.
 */
export const NUMBER_SOURCE = String.raw`(?:(?:${DIGITS_SOURCE})(?:\s*(?:${SCALE_WORD})\b)*|(?:${WORD_NUM}|an?\s+(?:${SCALE_WORD}))(?:\s+(?:and\s+)?(?:${SCALE_WORD}|${WORD_NUM})\b)*)`;

/** Value of a cardinal matched by NUMBER_SOURCE (or a digit string with a short scale: "4.5m", "2bn"); null if unreadable. */
export function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().replace(/[\u202f\u00a0]/g, ' ').trim();
  const digits = /^((?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(.*)$/.exec(s);
  if (digits) {
    let n = Number(digits[1]!.replace(/[, ]/g, ''));
    for (const w of digits[2]!.split(/\s+/).filter(Boolean)) {
      const scale = SCALES[w];
      if (scale === undefined) return null;
      n *= scale;
    }
    return Number.isFinite(n) ? round(n) : null;
  }
  let total = 0;
  let group = 0;
  let seen = false;
  for (const w of s.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w in UNITS) group += UNITS[w]!;
    else if (w in TENS) group += TENS[w]!;
    else if (w === 'dozen' || w === 'hundred') group = (group || 1) * SCALES[w]!;
    else if (w in SCALES) { total += (group || 1) * SCALES[w]!; group = 0; }
    else return null;
    seen = true;
  }
  return seen ? total + group : null;
}

// 4.5 million must stay 4500000, not 4499999.999…
const round = (n: number) => Math.round(n * 1e6) / 1e6;
