// Sums of money as news writes them: "$4.5 million", "€2m", "US$70,000", "£1.2bn", "100,000 euros",
// "50 BTC", "2 bitcoins", "1.5 million dollars", "Rs 10 crore", "$75k". The currency is ISO 4217 or a
// crypto ticker; "$6,500 in bitcoin" is a dollar sum paid in bitcoin, so the written unit wins. A range ("between 100 and
// 500 bitcoins", "$125,000 to $620,000") is one sum, its lower bound.
import { alternation } from './kit.ts';
import { matches } from './kit.ts';
import { wordMap } from './lexicon.ts';
import { WORD_END } from './char-classes.ts';
import { isOneByte } from './one-byte.ts';
import { DIGITS_SOURCE, NUMBER_SOURCE, parseNumber } from './numbers.ts';

export interface Money {
  start: number;
  end: number;
  amount: number;
  currency: string;
}

// Currency signs and codes before a sum, currency words after it: lexicon/currency-*.txt. Longest first: "US$" before "$",
// "pounds sterling" before "pounds".
const PREFIX: Record<string, string> = Object.fromEntries(wordMap('currency-prefixes'));
const SUFFIX: Record<string, string> = Object.fromEntries(wordMap('currency-suffixes'));
const alt = (keys: string[]) => alternation(keys, { flexibleSpace: true });
// "4.5m", "2bn", "75k": short scales only glued to digits, where they cannot be a word
const SHORT_SCALE = String.raw`(?:\s?(?:mln|mn|bn|m|b|k)${WORD_END})?`;
const AMOUNT = String.raw`(?:${DIGITS_SOURCE}${SHORT_SCALE}(?:\s*(?:million|billion|thousand|crores?|lakhs?)${WORD_END})*|${NUMBER_SOURCE})`;
const MONEY_SOURCE =
  String.raw`(?<![\w$€£¥₹])(?:(?<pre>${alt(Object.keys(PREFIX))})\s?(?<a1>${AMOUNT})` +
  String.raw`|(?<a2>${AMOUNT})\s*(?<suf>${alt(Object.keys(SUFFIX))})${WORD_END})`;
// The pattern reads letters in either case. Under /i without /u only A-Z and a-z fold to each other, and a text of one byte
// a character lower-cases within U+0000-U+00FF, letter for letter, no other character to an ASCII letter: the pattern
// written in lower case, without /i, finds in the lower-cased text the matches the pattern finds in the text, and costs V8
// half the compile. The two-byte text (few) gets the pattern as written, compiled when one comes.
if (/\\[A-Z]|\(\?<\w*[A-Z]/.test(MONEY_SOURCE)) throw new Error('money: an upper-case escape or group name would change in lower case');
const MONEY_LOWER = new RegExp(MONEY_SOURCE.toLowerCase(), 'g');
let money: RegExp | undefined;

// the lower end of a range written before a sum: "between 100 and", "from $2m to", "2-"; never a year ("in 2017 and")
const LOW =
  String.raw`(?<![\w.,$€£¥₹])(?:(?<pre>${alt(Object.keys(PREFIX))})\s?)?` +
  String.raw`(?<low>${DIGITS_SOURCE}${SHORT_SCALE}(?:\s*(?:million|billion|thousand)${WORD_END})?)`;
const RANGE_START = new RegExp(
  String.raw`(?:\b(?:between|from)\s+${LOW}\s*(?:and|to|-|[–\x96])|${LOW.replace(/<(pre|low)>/g, '<$12>')}\s*(?:to|-|[–\x96]))\s*$`,
  'i',
);
const YEAR = /^(?:19|20)\d\d$/;

/** Every sum of money in text[from, to), offsets into text. */
export function findMoney(text: string, from = 0, to = text.length): Money[] {
  const out: Money[] = [];
  for (const m of findSums(text, from, to)) {
    const prev = out.at(-1);
    const range = RANGE_START.exec(text.slice(Math.max(from, m.start - 40), m.start));
    const g = range?.groups;
    const pre = g?.pre ?? g?.pre2;
    const lowText = g?.low ?? g?.low2 ?? '';
    let low = range && (pre || !YEAR.test(lowText)) ? parseNumber(normaliseShort(lowText)) : null;
    // "between 2 and 3 million dollars": the low end shares the high end's scale
    const highDigits = /\d[\d,.]*/.exec(text.slice(m.start, m.end))?.[0];
    const highBare = highDigits ? parseNumber(highDigits) : null;
    if (low != null && /^[\d,.\s]+$/.test(lowText) && highBare) low *= Math.round(m.amount / highBare);
    if (!range || low == null || low >= m.amount || (pre && (PREFIX[pre] ?? PREFIX[pre.toUpperCase()]) !== m.currency)) {
      out.push(m);
      continue;
    }
    // the range's low end, in the sum's currency; a sum already found there is that low end
    const start = m.start - range[0].length + (range[0].length - range[0].trimStart().length);
    if (prev && prev.end > start - 2) out.pop();
    out.push({ start: prev && prev.end > start - 2 ? prev.start : start, end: m.end, amount: low, currency: m.currency });
  }
  return out;
}

function findSums(text: string, from: number, to: number): Money[] {
  const out: Money[] = [];
  const slice = text.slice(from, to);
  const oneByte = isOneByte(text);
  for (const m of oneByte ? matches(MONEY_LOWER, slice.toLowerCase()) : matches((money ??= new RegExp(MONEY_SOURCE, 'gi')), slice)) {
    const g = oneByte ? asWritten(m, slice) : m.groups!;
    const currency = g.pre ? (PREFIX[g.pre] ?? PREFIX[g.pre.toUpperCase()]) : SUFFIX[g.suf!.toLowerCase().replace(/\s+/g, ' ')];
    // "Rs" is also an abbreviation; "BTC" and "Rs" prefixes need a digit right after
    if (g.pre && /^[A-Za-z]/.test(g.pre) && !/^\d/.test(g.a1!)) continue;
    const amount = parseNumber(normaliseShort(g.a1 ?? g.a2!));
    if (!currency || amount == null || amount <= 0) continue;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, amount, currency });
  }
  return out;
}

/**
 * The groups of a match found in the lower-cased slice, as the slice writes them: the prefix opens a match and the amount
 * after it ends it; an amount without a prefix opens it and its currency word ends it.
 */
function asWritten(m: RegExpExecArray, slice: string): Record<string, string | undefined> {
  const { pre, a1, a2, suf } = m.groups!;
  const end = m.index + m[0].length;
  return pre !== undefined
    ? { pre: slice.substr(m.index, pre.length), a1: slice.slice(end - a1!.length, end) }
    : { a2: slice.substr(m.index, a2!.length), suf: slice.slice(end - suf!.length, end) };
}

const normaliseShort = (s: string) => s.replace(/(\d)\s?(mln|mn|bn|m|b|k)\b/i, '$1 $2');
