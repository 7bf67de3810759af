// Sums of money as news writes them: "$4.5 million", "€2m", "US$70,000", "£1.2bn", "100,000 euros",
// "50 BTC", "2 bitcoins", "1.5 million dollars", "Rs 10 crore", "$75k". The currency is ISO 4217 or a
// crypto ticker; "$6,500 in bitcoin" is a dollar sum paid in bitcoin, so the written unit wins.
import { alternation } from './kit.ts';
import { matches } from './kit.ts';
import { wordMap } from './lexicon.ts';
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
const SHORT_SCALE = String.raw`(?:\s?(?:mln|mn|bn|m|b|k)\b)?`;
const AMOUNT = String.raw`(?:${DIGITS_SOURCE}${SHORT_SCALE}(?:\s*(?:million|billion|thousand|crores?|lakhs?)\b)*|${NUMBER_SOURCE})`;
const MONEY = new RegExp(
  String.raw`(?<![\w$€£¥₹])(?:(?<pre>${alt(Object.keys(PREFIX))})\s?(?<a1>${AMOUNT})|(?<a2>${AMOUNT})\s*(?<suf>${alt(Object.keys(SUFFIX))})\b)`,
  'gi',
);

/** Every sum of money in text[from, to), offsets into text. */
export function findMoney(text: string, from = 0, to = text.length): Money[] {
  const out: Money[] = [];
  const slice = text.slice(from, to);
  for (const m of matches(MONEY, slice)) {
    const g = m.groups!;
    const currency = g.pre ? (PREFIX[g.pre] ?? PREFIX[g.pre.toUpperCase()]) : SUFFIX[g.suf!.toLowerCase().replace(/\s+/g, ' ')];
    // "Rs" is also an abbreviation; "BTC" and "Rs" prefixes need a digit right after
    if (g.pre && /^[A-Za-z]/.test(g.pre) && !/^\d/.test(g.a1!)) continue;
    const amount = parseNumber(normaliseShort(g.a1 ?? g.a2!));
    if (!currency || amount == null || amount <= 0) continue;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, amount, currency });
  }
  return out;
}

const normaliseShort = (s: string) => s.replace(/(\d)\s?(mln|mn|bn|m|b|k)\b/i, '$1 $2');
