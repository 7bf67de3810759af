// "Someone held our MongoDB servers for ransom." … "We run three MongoDB servers (one for the shop, …)."
// When a text says its own servers were hit without a count, and elsewhere counts the servers it owns, the
// fleet is what was hit, unless the text says only some were ("two of them", "none of which").
import { defineRule, firstMatch, matches, span } from '../_shared/kit.ts';
import { forText } from '../_shared/one-byte.ts';
import { NUMBER_SOURCE, parseNumber } from '../_shared/numbers.ts';
import { firstMatchNearKey, isWordOrSpace } from '../_shared/near-key.ts';
import { FAIL, UNSURE, numberThen } from './lib/count.ts';

const OWNER =
  String.raw`(?:our|its|their|the\s+(?:company|firm|council|city|county|district|hospital|school|university|agency|ministry|business|shop` +
  String.raw`|store)['’\x92]s|[A-Z][\w&.-]*['’\x92]s)`;
// "seized" and "took down" are left out: that is what police do to a gang's servers.
const HIT_VERB = String.raw`(?:held|encrypted|compromised|hacked(?:\s+into)?|breached|wiped|locked|infected|hit|attacked|deleted|ransomed|crippled)`;
// The servers as a whole, written without a number: "held our MongoDB servers", "its servers were encrypted".
const OWN_HIT = new RegExp(
  String.raw`\b${HIT_VERB}\s+(?:all\s+(?:of\s+)?)?${OWNER}\s+(?:[\w-]+\s+){0,2}?servers\b|` +
    String.raw`\b${OWNER}\s+(?:[\w-]+\s+){0,2}?servers\s+(?:were|had\s+been|have\s+been|got)\s+(?:all\s+)?(?:\w+ly\s+)?${HIT_VERB}\b`,
  'iu',
);
// The owner counting its own servers: "We run three MongoDB servers", "our 12 servers", "the company operates 40 servers".
const FLEET_OWNER =
  String.raw`\b(?:(?:we|it|they|the\s+(?:company|firm|council|city|business|shop))\s+` +
  String.raw`(?:run|runs|operate|operates|ha(?:ve|s)|had|own|owns|maintain|maintains|use|uses|used)|our|its|their|all)\s+`;
const FLEET_TOTAL = String.raw`(?:a\s+total\s+of|just|only)\s+`;
const FLEET_SERVERS = String.raw`\s+(?:[\w-]+\s+){0,2}?servers\b`;
const FLEET = new RegExp(String.raw`${FLEET_OWNER}(?:${FLEET_TOTAL})?(?<n>${NUMBER_SOURCE})${FLEET_SERVERS}`, 'giu');
// FLEET walked in its parts with serverCount's shared number (lib/count.ts), as it holds a number that compiles slowly: the
// whole pattern settles a number with two readings, and a text with a letter that only /iu folds to ASCII ("ſ", "K")
const OWNER_AT = new RegExp(FLEET_OWNER, 'giu');
const TOTAL_AT = new RegExp(FLEET_TOTAL, 'iuy');
const SERVERS_AT = new RegExp(FLEET_SERVERS, 'iuy');
const FLEET_AT = new RegExp(FLEET.source, 'iuy');
const FOLDS_TO_ASCII = /[\u017f\u212a]/;
interface Fleet {
  index: number;
  n: string;
  end: number;
}
const whole = (m: RegExpExecArray): Fleet => ({ index: m.index, n: m.groups!.n!, end: m.index + m[0].length });
/** FLEET's matches in text, in order. */
export function* fleetCounts(text: string): Generator<Fleet> {
  if (FOLDS_TO_ASCII.test(text)) {
    for (const m of matches(FLEET, text)) yield whole(m);
    return;
  }
  for (let at = 0; ; ) {
    const owner = firstMatch(forText(OWNER_AT, text), text, at);
    if (!owner) return;
    const found = fleetAt(text, owner.index, owner.index + owner[0].length);
    if (found) yield found;
    at = found ? found.end : owner.index + 1;
  }
}
/** FLEET's match at index, its owner's words ending at x: "a total of" if it follows, or not, then the number and the servers. */
function fleetAt(text: string, index: number, x: number): Fleet | null {
  const total = firstMatch(forText(TOTAL_AT, text), text, x);
  for (const from of total ? [x + total[0].length, x] : [x]) {
    const { end, numberEnd } = numberThen(text, from, forText(SERVERS_AT, text));
    if (end === UNSURE) {
      const m = firstMatch(forText(FLEET_AT, text), text, index);
      return m && whole(m);
    }
    if (end !== FAIL) return { index, n: text.slice(from, numberEnd), end };
  }
  return null;
}
// Only some were hit, or the text says which: a count of the hit ones belongs to another rule.
const PARTIAL = new RegExp(
  String.raw`\b(?:(?:${NUMBER_SOURCE}|some|several|most|many|none|one|all\s+but\s+\w+)\s+of\s+(?:them|which|these|those|(?:our|its` +
    String.raw`|their|the)\s+(?:[\w-]+\s+){0,2}?servers)\b|only\s+(?:${NUMBER_SOURCE}|some|one|a\s+few)\s+(?:[\w-]+\s+)?servers\b|servers?\s+(?:was` +
    String.raw`|were)\s+(?:not\s+(?:affected|encrypted|hit|compromised)|spared|unaffected)\b)`,
  'iu',
);
const SERVERS = /servers/giu;
const FLEET_HIT = 0.6; // two statements joined by inference: the fleet's size and that "our servers" were hit

export default defineRule({
  field: 'serverCount',
  examples: [
    { text: 'Someone held our MongoDB servers for ransom last week. We run three MongoDB servers, one for the shop and two for analytics.', value: 3 },
    { text: 'Its servers were encrypted on Sunday night. The council operates 14 servers at its town hall.', value: 14 },
    { text: 'Our 12 servers were all encrypted by the ransomware.', value: 12 },
  ],
  counterExamples: [
    'Cloudflare runs 10,000 servers around the world.',
    'The company operates 40 servers in its data centre, none of which were hacked.',
    'Attackers encrypted our servers. We run 20 servers, but only two of them held customer data.',
    'We run three servers. Hackers breached a partner’s network last week.',
  ],
  *propose(doc) {
    if (!/servers/i.test(doc.text)) return;
    // every match of OWN_HIT holds "servers" and only characters isWordOrSpace accepts
    const hit = firstMatchNearKey(OWN_HIT, SERVERS, doc.text, isWordOrSpace);
    if (!hit && !(doc.title && forText(OWN_HIT, doc.title).test(doc.title))) return;
    // the fleet's counts first: a text that counts none needs no PARTIAL search
    const fleet = [...fleetCounts(doc.text)];
    if (fleet.length === 0 || forText(PARTIAL, doc.text).test(doc.text)) return;
    for (const m of fleet) {
      const value = parseNumber(m.n);
      if (value == null || !Number.isInteger(value) || value < 1) continue;
      const evidence = [span(doc.text, m.index, m.end)];
      const apart = hit && (hit.start >= m.end || hit.end <= m.index);
      if (hit && apart) evidence.push(span(doc.text, hit.start, hit.end));
      yield { value, confidence: FLEET_HIT, evidence };
    }
  },
});
