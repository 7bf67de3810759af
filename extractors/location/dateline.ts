// "BALTIMORE — The city's computer systems…"  /  "LAKE CITY, Fla. — Lake City…"  /  "Oslo, 21 March 2019 — Nordfjord…"
import { defineRule, groupStart, matches, span } from '../_shared/kit.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { countryCode } from '../_shared/countries.ts';
import { cityInDoc, isIncidentDoc } from './lib/context.ts';
import { parsePlace } from './lib/parse.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const LOWER = /\p{Ll}/u;
const WORD_INITIAL = /(^|[\s-])(\p{L})/gu;

// A dateline opens a line near the top: a place in capitals, or a place with a date, then a dash.
// It says where the reporter files from, usually the victim's town in local news, not always (TOKYO for Nagoya).
const CAPS = String.raw`\p{Lu}[\p{Lu}.'’\x92-]*(?: \p{Lu}[\p{Lu}.'’\x92-]*){0,3}`;
const AREA = String.raw`\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?`;
const DATE = String.raw`\d{1,2} \p{Lu}\p{Ll}+ \d{4}|\p{Lu}\p{Ll}+ \d{1,2},? \d{4}`;
const DATELINE = byWidth(
  String.raw`^(?:(${CAPS})(?:,\s*(${AREA}))?(?:\s*\([\p{L} ]+\))?\s*(?:[—\x97–\x96]|--?\s|:\s)` +
    String.raw`|(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)(?:,\s*(${AREA}))?,\s*(?:${DATE})\s*[—\x97–\x96-])`,
  'dgmu',
);
const HEAD_CHARS = 1500;
const DATELINE_PLACE = 0.6;
const DATELINE_SUBJECT = 0.92; // the dateline town is named again in the story: it is the story's town
// A news dateline is where the reporter files from: its town is the victim's only when the story names it
// again. A press release's "Oslo, 21 March 2019 —" is the issuer's own seat.

const titleCase = (s: string) => (LOWER.test(s) ? s : s.toLowerCase().replace(WORD_INITIAL, (_, a: string, b: string) => a + b.toUpperCase()));

export default defineRule({
  field: 'location',
  examples: [
    { text: 'BALTIMORE — Baltimore said ransomware had locked its servers.', value: { country: 'US', region: null, city: 'Baltimore' } },
    { text: 'LAKE CITY, Fla. — Lake City agreed to pay hackers.', value: { country: 'US', region: 'Florida', city: 'Lake City' } },
    { text: 'SAN JOSÉ, Costa Rica — The finance ministry said hackers stole data.', value: { country: 'CR', region: null, city: null } },
    { text: 'Oslo, 21 March 2019 — The company was hit by a cyber attack.', value: { country: 'NO', region: null, city: 'Oslo' } },
    { text: 'LONDON (Reuters) - A London hospital trust said hackers stole data.', value: { country: 'GB', region: null, city: 'London' } },
  ],
  counterExamples: ['SUMMARY: hackers stole data.', 'PRESS RELEASE — The company was hacked.', 'Note: the firm was breached.'],
  *propose(doc) {
    if (!isIncidentDoc(doc)) return;
    const head = doc.text.slice(0, HEAD_CHARS);
    for (const m of matches(DATELINE(doc.text), head)) {
      const raw = m[1] ?? m[3]!;
      const area = m[2] ?? m[4];
      const name = titleCase(raw.trim());
      const code = countryCode(name);
      const place = code ? { country: code, region: null, city: null } : area ? parsePlace(`${name}, ${area}`) : cityInDoc(doc, name, true);
      if (!place || (area && !place.city && !code)) continue;
      const start = groupStart(m, m[1] ? 1 : 3);
      const end = area ? groupStart(m, m[2] ? 2 : 4) + area.length : start + raw.length;
      const again = place.city ? doc.text.indexOf(place.city, end) >= 0 : false;
      const value = m[1] && place.city && !again ? { ...place, city: null } : place;
      yield { value, confidence: again ? DATELINE_SUBJECT : DATELINE_PLACE, evidence: [span(doc.text, start, end)] };
      return;
    }
  },
});
