// "Ghana Health Service reported a breach"  /  "The Canadian breach exposed 2,000 records"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { isIncidentDoc, isVictimStory } from './lib/context.ts';
import { isAttackerContext, mentions, notOneVictimsPlace, researcherBefore, toRegulator } from './lib/mentions.ts';

// Any country or demonym left once attacker contexts are removed: weak, and only a fallback.
const NAMED_COUNTRY = 0.35;
const NAMED_DEMONYM = 0.3;
const VIA = /\b(?:based |operating )?(?:in|from|at|of) (?:the )?$/;

export default defineRule({
  field: 'location',
  examples: [
    { text: 'Ghana Health Service reported a breach.', value: { country: 'GH', region: null, city: null } },
    { text: 'The Canadian breach exposed 2,000 records.', value: { country: 'CA', region: null, city: null } },
  ],
  counterExamples: [
    // other victims the story lines it up with
    'The hotel group is the latest in a line of travel firms to suffer a breach, with a Canadian airline among them.',
    'Hackers calling themselves the Turkish Crime Family claimed the breach.',
    // the attackers' chosen name, in quotes, is still the attackers'
    '‘Turkish’ hackers claimed the breach of the accounts.',
    // a country between two parts of a person's or a firm's name
    'The breach, said lawyer Sean Faruki Ireland Dusing, was serious.',
    // a story about the public, a product or a trend: a place it merely names is background
    {
      text: 'Beware this tax-refund phishing scam\n\nThe emails, first seen by readers of a Canadian news site, ask for bank details.',
      publishedAt: '2018-02-01',
    },
    'Russian hackers claimed the breach.',
    // one of many countries an outbreak reached
    'The worm spread through Brazil, Vietnam, Egypt and Peru within hours of the breach.',
    'The breach exposed 2,000 records.',
    // the market regulator a listed firm reports to
    'In a filing made on Friday with the US Securities and Exchange Commission, the retailer said the breach was contained.',
    // the researcher's home
    'A malware researcher based in the Netherlands looked through the stolen files.',
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc) || !isVictimStory(doc)) return;
    for (const m of mentions(doc)) {
      if (m.kind === 'state' || isAttackerContext(doc.text, m) || notOneVictimsPlace(doc, m) || toRegulator(doc.text, m)) continue;
      // "a researcher based in the U.K.": the home of someone who is not the victim
      const via = firstMatch(VIA, doc.text.slice(Math.max(0, m.start - 20), m.start))?.[0].length ?? 0;
      if (researcherBefore(doc.text, m.start - via)) continue;
      yield { value: m.place, confidence: m.kind === 'country' ? NAMED_COUNTRY : NAMED_DEMONYM, evidence: [span(doc.text, m.start, m.end)] };
    }
  },
});
