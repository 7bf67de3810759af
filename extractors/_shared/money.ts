// Sums of money as news writes them: "$4.5 million", "€2m", "US$70,000", "£1.2bn", "100,000 euros",
// "50 BTC", "2 bitcoins", "1.5 million dollars", "Rs 10 crore", "$75k". The currency is ISO 4217 or a
// crypto ticker; "$6,500 in bitcoin" is a dollar sum paid in bitcoin, so the written unit wins.
import { matches } from './kit.ts';
import { DIGITS_SOURCE, NUMBER_SOURCE, parseNumber } from './numbers.ts';

export interface Money { start: number; end: number; amount: number; currency: string }

// Longest first: "US$" before "$", "pounds sterling" before "pounds".
const PREFIX: Record<string, string> = {
  'US$': 'USD', 'USD': 'USD', 'AU$': 'AUD', 'A$': 'AUD', 'AUD': 'AUD', 'CA$': 'CAD', 'C$': 'CAD', 'CAD': 'CAD',
  'NZ$': 'NZD', 'NZD': 'NZD', 'HK$': 'HKD', 'S$': 'SGD', 'R$': 'BRL', '$': 'USD', '€': 'EUR', 'EUR': 'EUR', '£': 'GBP',
  'GBP': 'GBP', '¥': 'JPY', '₹': 'INR', 'Rs.': 'INR', 'Rs': 'INR', 'INR': 'INR', 'CHF': 'CHF', '₽': 'RUB', 'BTC': 'BTC',
};
const SUFFIX: Record<string, string> = {
  'us dollars': 'USD', 'u.s. dollars': 'USD', 'australian dollars': 'AUD', 'canadian dollars': 'CAD',
  'new zealand dollars': 'NZD', 'hong kong dollars': 'HKD', 'singapore dollars': 'SGD', 'dollars': 'USD', 'dollar': 'USD',
  'usd': 'USD', 'euros': 'EUR', 'euro': 'EUR', 'eur': 'EUR', 'pounds sterling': 'GBP', 'pounds': 'GBP', 'sterling': 'GBP',
  'gbp': 'GBP', 'yen': 'JPY', 'yuan': 'CNY', 'renminbi': 'CNY', 'rupees': 'INR', 'rupee': 'INR', 'roubles': 'RUB',
  'rubles': 'RUB', 'swiss francs': 'CHF', 'rand': 'ZAR', 'bitcoins': 'BTC', 'bitcoin': 'BTC', 'btc': 'BTC',
  'monero': 'XMR', 'xmr': 'XMR', 'ethereum': 'ETH', 'ether': 'ETH', 'eth': 'ETH', 'litecoin': 'LTC', 'ltc': 'LTC',
};
const alt = (keys: string[]) => [...keys].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.$]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
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
    const currency = g.pre ? PREFIX[g.pre] ?? PREFIX[g.pre.toUpperCase()] : SUFFIX[g.suf!.toLowerCase().replace(/\s+/g, ' ')];
    // "Rs" is also an abbreviation; "BTC" and "Rs" prefixes need a digit right after
    if (g.pre && /^[A-Za-z]/.test(g.pre) && !/^\d/.test(g.a1!)) continue;
    const amount = parseNumber(normaliseShort(g.a1 ?? g.a2!));
    if (!currency || amount == null || amount <= 0) continue;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, amount, currency });
  }
  return out;
}

const normaliseShort = (s: string) => s.replace(/(\d)\s?(mln|mn|bn|m|b|k)\b/i, '$1 $2');
