// Cardinal numbers as news writes them: "3,000", "1.5", "five", "twenty-four", "two dozen",
// "three hundred and twenty", "1.2 million". Vague quantities ("hundreds of", "dozens of") are no
// number at all: a count we cannot state is left null rather than guessed.

import { alternation } from './kit.ts';
import { WORD_END } from './char-classes.ts';
import { wordMap } from './lexicon.ts';

// number words and scales with their values: lexicon/number-*.txt
const numbers = (list: string) => Object.fromEntries(wordMap(list).map(([w, v]) => [w, Number(v)])) as Record<string, number>;
const UNITS = numbers('number-units');
const TENS = numbers('number-tens');
const SCALES = numbers('number-scales');

const WORD = alternation([...Object.keys(UNITS).filter((w) => w.length > 2), ...Object.keys(TENS)]);
// the scales spelled as words: the abbreviations ("m", "bn", "mln") only follow digits
const SCALE_WORD = alternation(Object.keys(SCALES).filter((w) => w.length > 3));
/** Source of a digit-written number: "3,000", "4.5", ".2". */
export const DIGITS_SOURCE = String.raw`(?:(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?:\.\d+)?|\.\d+)`;
const WORD_NUM = String.raw`(?:${WORD})(?:[- ](?:${WORD}))?`;

/**
 * Source of a regex matching one cardinal: digits with separators and an optional scale, or number
 * words with scales ("two dozen", "three hundred and twenty"). No capture groups, no flags.
 */
export const NUMBER_SOURCE =
  String.raw`(?:(?:${DIGITS_SOURCE})(?:\s*(?:${SCALE_WORD})${WORD_END})*|(?:${WORD_NUM}` +
  String.raw`|an?\s+(?:${SCALE_WORD}))(?:\s+(?:and\s+)?(?:${SCALE_WORD}|${WORD_NUM})${WORD_END})*)`;

/**
 * Source of what a cardinal starts with, for a lookahead: `(?!NUMBER_START_SOURCE\s)` and `(?!NUMBER_SOURCE\s)` refuse the
 * same places (NUMBER_SOURCE's repeated parts each begin with a space, or follow a scale word that has to end where a
 * space begins), but this one is a fraction of the size, and a regex holding it inside a bounded repeat, which V8
 * copies once per repeat, compiles in a fraction of the time.
 */
export const NUMBER_START_SOURCE = String.raw`(?:${DIGITS_SOURCE}(?:${SCALE_WORD})?|(?:${WORD})(?:-(?:${WORD}))?|an?\s+(?:${SCALE_WORD}))`;

/** Value of a cardinal matched by NUMBER_SOURCE (or a digit string with a short scale: "4.5m", "2bn"); null if unreadable. */
export function parseNumber(raw: string): number | null {
  const s = raw
    .toLowerCase()
    .replace(/[\u202f\u00a0]/g, ' ')
    .trim();
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
    else if (w in SCALES) {
      total += (group || 1) * SCALES[w]!;
      group = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + group : null;
}

// 4.5 million must stay 4500000, not 4499999.999…
const round = (n: number) => Math.round(n * 1e6) / 1e6;
