// "a campaign against Kyrgyzstan and Uzbekistan"  /  "the attack on Ukraine"  /  "operations targeting Israel"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { isIncidentDoc } from './lib/context.ts';
import { notOneVictimsPlace, isAttackerContext, mentions } from './lib/mentions.ts';

const BEFORE = new RegExp(
  String.raw`\b(?:against|on|targeting|targeted|targets|attack(?:s|ed|ing)?|hit|hitting|into|infiltrated|breached|hack(?:s|ed)?` +
    String.raw`|deface[sd]?|defacing)\s+(?:the\s+|several\s+|multiple\s+|many\s+)?$`,
  'i',
);
// a country as the object of an attack verb or preposition is the target
const TARGET_COUNTRY = 0.75;

export default defineRule({
  field: 'location',
  examples: [
    { text: 'The group ran a campaign against Kyrgyzstan.', value: { country: 'KG', region: null, city: null } },
    { text: 'Russian hackers launched an attack on Ukraine.', value: { country: 'UA', region: null, city: null } },
    { text: 'Bangladeshi hackers deface Indonesian webpages.', value: { country: 'ID', region: null, city: null } },
  ],
  counterExamples: [
    // one of many countries a campaign reached
    'The crew ran attacks on Chile, Kenya, Norway and Laos over two years.',
    'Ukraine blamed hackers for the outage, which was carried out by Russia.',
    'The firm relied on the cloud.',
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc)) return;
    for (const m of mentions(doc)) {
      if (m.kind === 'state') continue;
      const before = firstMatch(BEFORE, doc.text.slice(Math.max(0, m.start - 25), m.start));
      if (!before || isAttackerContext(doc.text, m) || notOneVictimsPlace(doc, m)) continue;
      yield { value: m.place, confidence: TARGET_COUNTRY, evidence: [span(doc.text, m.start - before[0].length, m.end)] };
    }
  },
});
