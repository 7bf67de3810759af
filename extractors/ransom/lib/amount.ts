// What a sum of money is in a ransom story: the demand ("demanded $50,000", "a ransom of €2m", "$70,000
// to decrypt"), what was paid ("paid a $17,000 ransom"), or something else (fines, damages, revenue,
// costs, a per-machine price). The total demanded beats a per-machine price and a payment.
import { alternation, matches, type AnalysedDoc } from '../../_shared/kit.ts';
import { wordMap } from '../../_shared/lexicon.ts';
import { findMoney, type Money } from '../../_shared/money.ts';
import { anotherIncident, habitual } from './context.ts';

export type AmountRole = 'demanded' | 'paid';
export interface RansomAmount extends Money {
  role: AmountRole;
  total: boolean;
}

// the nearest cue before the sum decides its role: "paid the $5,000 the hackers demanded" is a payment
const DEMAND_BEFORE = new RegExp(
  String.raw`\b(?:demand(?:ed|ing|s)?|ask(?:ed|ing|s)?(?:\s+for)?|sought|seek(?:ing|s)?|want(?:ed|s)?|request(?:ed|ing|s)?` +
    String.raw`|ransom|extort\w*|to\s+pay|pay\s+up|set\s+at|must\s+(?:send|pay|transfer)` +
    String.raw`|(?:(?:does|do|did)(?:\s+not|n[’\x92']t)|fails?\s+to|unless(?:\s+[\w'’\x92]+){1,3}?)\s+pay(?:s|ing)?)\b`,
  'gi',
);
const PAID_BEFORE = new RegExp(
  String.raw`\b(?<!\binto\s)(?:(?:paid|pays|paying)(?:\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?ransom(?:\s+(?:of|worth))?)?|(?:agreed|agrees|agree` +
    String.raw`|decided|voted|chose|opted|willing|will|would)\s+to\s+pay|will\s+pay|handed\s+over|transferred|sent|forked\s+over|coughed\s+up|shelled\s+out` +
    String.raw`|accepted)\b`,
  'gi',
);
const PAID_AFTER = /^\s*(?:\w+\s+){0,3}?(?:was|were|has\s+been|had\s+been|got|get)\s+paid\b/i;
const RANSOM_AFTER = new RegExp(
  String.raw`^\s*(?:(?:in|as|of|worth\s+of)\s+)?(?:\w+\s+){0,3}?(?:ransom|(?:they|the\s+\w+|it)\s+(?:wanted|demanded` +
    String.raw`|asked\s+for|sought)|extortion|(?:bitcoin|crypto\w*)\s+ransom` +
    String.raw`|to\s+(?:decrypt|unlock|restore|release|delete|regain|recover|receive\s+(?:the|all|a|their)\s+(?:\w+\s+)?keys?)|in\s+exchange` +
    String.raw`|for\s+(?:the\s+)?(?:decryption|decryptor|key|return|release|deletion))`,
  'i',
);
// sums the article gives for something other than the ransom
const OTHER = new RegExp(
  String.raw`\b(?:fine[ds]?|penalt(?:y|ies)|revenues?|sales|damages|settle(?:ment|d)?|costs?|costing|lawsuit|worth|valued|valuation` +
    String.raw`|market|profits?|losses|lost|budget|insur\w*|invest\w*|raised|funding|compensation|reward|bounty|salar(?:y|ies)|spent|spend(?:ing)?|expenses?` +
    String.raw`|bills?|restitution|forfeit\w*|seized|stole|stolen|theft|fraudulent|transactions?|contract|grant|deductible|fees?|fraud|average|median` +
    String.raw`|typical|(?:a|per)\s+(?:month|year|week|day)|monthly|annually)\b`,
  'i',
);
// "$16 million in ransomware payments", "over $1 billion in ransom payments last year": a sum of many victims' payments
const AGGREGATE_AFTER = /^\s*(?:in|of)\s+(?:\w+\s+){0,2}?ransom(?:ware)?\s+(?:payments|profits|revenues?|earnings|proceeds|income)\b/i;
const PER_UNIT = new RegExp(
  String.raw`^\s*(?:\w+\s+)?(?:per|for\s+each|for\s+every|each|a)\s+(?:\w+\s+)?(?:computers?|machines?|devices?|servers?|files?` +
    String.raw`|victims?|endpoints?|systems?|workstations?|pcs?|users?|records?|hosts?|customers?|patients?|units?|laptops?|accounts?)\b`,
  'i',
);
const TOTAL = new RegExp(
  String.raw`^\s*(?:in\s+total|total|altogether|overall|in\s+all)\b|\b(?:total(?:l?ing)?|total\s+of|in\s+all` +
    String.raw`|altogether)\s+(?:of\s+)?(?:about|around|nearly|almost|over|more\s+than|some)?\s*$`,
  'i',
);
// a ransom story; "demanded money" alone is also a robbery or a supplier's invoice
const CONTEXT = new RegExp(
  String.raw`\bransom|extort|blackmail|decrypt|encrypt|unlock|bitcoin|monero|crypto|cyber[\s-]?attack|hack(?:ed|ers?)\b|dark\s+web` +
    String.raw`|threat\w*\s+to\s+(?:leak|publish|release)`,
  'i',
);
const ATTACKER = /\b(?:hack\w*|attackers?|criminals?|cybercriminals?|gang|group|intruders?|fraudsters|perpetrators|threat\s+actors?)\b/i;
const STATISTIC = /\b(?:average|median|typical|on\s+average|per\s*cent|percent)\b|%/i;
// "$6,500, approximately €6,000": a conversion of the sum just given, not a second sum
const CONVERSION = new RegExp(
  String.raw`^["”\x94'’\x92]?\s*(?:(?:(?:in|worth\s+of)\s+)?(?:bitcoins?|btc|crypto\w*)\s*)?[,(–\x96—\x97-]?\s*(?:or\s+)?` +
    String.raw`(?:(?:which|that)\s+(?:is|was)\s+)?(?:currently\s+|then\s+)?` +
    String.raw`(?:approximately|approx\.?|about|around|roughly|some|nearly|almost|equivalent\s+to|worth(?:\s+(?:about|around|roughly|some|nearly))?` +
    String.raw`|valued\s+at(?:\s+about)?)?\s*$`,
  'i',
);

// "$100 worth of bitcoin", "4 bitcoins, which was worth about $55,000": the words after tell the sum's value in another unit,
// not that it is a valuation
const VALUE_AFTER = new RegExp(
  String.raw`^\s*(?:worth\s+of\s+(?:bitcoins?|btc|crypto\w*|monero|ether\w*)\b|[,(–\x96—\x97-]?\s*(?:(?:which|that)\s+(?:is|was)\s+)?` +
    String.raw`(?:currently\s+|then\s+|now\s+)?` +
    String.raw`(?:worth|valued)\b)`,
  'i',
);
// a sentence that may hold a sum: a digit, a currency sign, or a number word before a currency word ("four bitcoins")
const MAY_HOLD_MONEY = /[$€£¥₹\d]|\b(?:bitcoins?|dollars|euros|pounds|roubles|rubles|rupees|yen|yuan|monero|ether)\b/i;

// What every sum findMoney finds holds, from the same lexicon as money.ts: a currency sign (every prefix with a sign holds
// it), a currency code after no word character, or the last word of a currency name at a word's end. A sentence without
// one holds no sum, and findMoney's costly search is spared there.
const PREFIXES = wordMap('currency-prefixes').map(([k]) => k);
const SIGNS = new Set(PREFIXES.flatMap((k) => [...k].filter((c) => !/[A-Za-z.]/.test(c))));
const MONEY_CUE = new RegExp(
  String.raw`[${[...SIGNS].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]` +
    String.raw`|\b(?:${alternation(PREFIXES.filter((k) => /^[A-Za-z.]+$/.test(k)))})` +
    String.raw`|(?:${alternation(new Set(wordMap('currency-suffixes').map(([k]) => k.split(' ').at(-1)!)))})\b`,
  'i',
);

/** Where the last cue ends, -1 if none: the cue closest to the sum. */
function lastEnd(re: RegExp, s: string): number {
  let at = -1;
  for (const m of matches(re, s)) at = m.index + m[0].length;
  return at;
}

/** Ransom sums in the sentences of doc, with their role; sums for other things are left out. */
export function ransomAmounts(doc: AnalysedDoc): RansomAmount[] {
  return doc.once('ransom/amounts', () => findRansomAmounts(doc));
}

function findRansomAmounts(doc: AnalysedDoc): RansomAmount[] {
  const out: RansomAmount[] = [];
  const { text, sentences } = doc;
  const ransomStory = CONTEXT.test(text);
  for (const s of sentences) {
    if (!MAY_HOLD_MONEY.test(s.text) || !MONEY_CUE.test(s.text)) continue;
    if ((!ransomStory && !ATTACKER.test(s.text)) || STATISTIC.test(s.text) || habitual(doc, s.start) || anotherIncident(doc, s.start)) continue;
    let prevEnd = -1;
    for (const m of findMoney(text, s.start, s.end)) {
      const conversion = prevEnd >= 0 && CONVERSION.test(text.slice(prevEnd, m.start));
      prevEnd = m.end;
      if (conversion) continue;
      const before = text.slice(Math.max(s.start, m.start - 90), m.start);
      const after = text.slice(m.end, Math.min(s.end, m.end + 50));
      if (PER_UNIT.test(after) || AGGREGATE_AFTER.test(after)) continue;
      const near = text.slice(Math.max(s.start, m.start - 30), m.start);
      if (OTHER.test(near) || (!VALUE_AFTER.test(after) && OTHER.test(after.slice(0, 20)))) continue;
      const demand = lastEnd(DEMAND_BEFORE, before);
      const paid = lastEnd(PAID_BEFORE, before);
      const ransomAfter = RANSOM_AFTER.test(after);
      if (demand < 0 && paid < 0 && !ransomAfter) continue;
      const role: AmountRole = (paid >= demand && paid >= 0) || PAID_AFTER.test(after) ? 'paid' : 'demanded';
      // outside a ransom story only an attacker's explicit demand counts, never a payment
      if (!ransomStory && (role !== 'demanded' || demand < 0)) continue;
      out.push({ ...m, role, total: TOTAL.test(after) || TOTAL.test(before) });
    }
  }
  return out;
}
