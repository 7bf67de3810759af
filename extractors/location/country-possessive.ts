// "the networks of South Korea's Atomic Energy Research Institute"  /  "Japan's parliament"
import { defineRule, span } from '../_shared/kit.ts';
import { isIncidentDoc, isVictimStory } from './lib/context.ts';
import { notOneVictimsPlace, isAttackerContext, mentions } from './lib/mentions.ts';

const POSSESSIVE = /^['’\x92]s\b/;
// "Belgium's largest bank": the country owns what follows, usually the victim; "Russia's GRU" is filtered as attacker
const OWNER = 0.7;

export default defineRule({
  field: 'location',
  examples: [
    { text: "Kimsuky gained access to South Korea's Atomic Energy Research Institute.", value: { country: 'KR', region: null, city: null } },
    { text: "Japan's parliament was infected by a Trojan.", value: { country: 'JP', region: null, city: null } },
  ],
  counterExamples: [
    // a story about the public, a product or a trend: a place it merely names is background
    {
      text: "Phishing alert: fake parcel emails\n\nBelgium's postal service said it never asks for card details, and the emails are a scam.",
      publishedAt: '2018-02-01',
    },
    "Russia's GRU hackers were blamed.",
    // one of many countries a campaign reached
    "The malware hit banks in Peru, Chile and Norway's largest lender.",
    "China's state-sponsored actors stole data.",
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc) || !isVictimStory(doc)) return;
    for (const m of mentions(doc)) {
      if (m.kind !== 'country' || !POSSESSIVE.test(doc.text.slice(m.end, m.end + 3))) continue;
      if (isAttackerContext(doc.text, m) || notOneVictimsPlace(doc, m)) continue;
      yield { value: m.place, confidence: OWNER, evidence: [span(doc.text, m.start, m.end + 2)] };
    }
  },
});
