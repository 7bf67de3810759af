// "a hospital in France"  /  "the largest bank of Belgium"  /  "attacks across Ukraine"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { elsewhereBefore, isIncidentDoc } from './lib/context.ts';
import { attackerBefore, notOneVictimsPlace, isAttackerContext, mentions } from './lib/mentions.ts';

// Prepositions of place; "from", "by" and "to" are left out: they mostly introduce the attackers' origin.
const BEFORE = /\b(?:in|at|across|throughout|within|of|inside)\s+(?:the\s+)?$/i;
const IN_COUNTRY = 0.6; // the country is where something is, not always where the victim is

export default defineRule({
  field: 'location',
  examples: [
    { text: 'A hospital in France was hit by ransomware.', value: { country: 'FR', region: null, city: null } },
    { text: 'Several municipalities across the Netherlands lost access to their files.', value: { country: 'NL', region: null, city: null } },
  ],
  counterExamples: [
    // an outbreak across countries: one sentence names three of them
    'The worm has hit hospitals in Britain and a Spanish telecom operator, as well as a courier firm in the US.',
    // one of many countries a campaign reached
    'The spyware infected phones in Chile, the Netherlands, Kenya and elsewhere.',
    'Hackers in Russia claimed the attack.',
    // many countries, or a nationwide figure
    'Such scams crop up every spring in Canada and other countries.',
    'Ransomware cost firms $200 million in Germany alone last year.',
    // the researcher's home
    'A malware analyst based in Sweden said the ransomware was spreading by email.',
    // a fake site's host, not the victim's place
    'The links lead to a fake login page hosted in Brazil that steals passwords.',
    // the attackers' hedged home
    'The group is believed to be based in Iran, the report on the breach says.',
    'The attack was attributed to North Korea.',
    'The company patched the flaw.',
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc)) return;
    for (const m of mentions(doc)) {
      if (m.kind !== 'country') continue;
      const before = firstMatch(BEFORE, doc.text.slice(Math.max(0, m.start - 20), m.start));
      if (!before || isAttackerContext(doc.text, m) || notOneVictimsPlace(doc, m)) continue;
      // "a fake site registered in Mexico", "charged in the US": where the site, the money or the court is
      if (elsewhereBefore(doc.text, m.start)) continue;
      // "hackers in Russia": the place of the attackers
      if (attackerBefore(doc.text, m.start - before[0].length)) continue;
      yield { value: m.place, confidence: IN_COUNTRY, evidence: [span(doc.text, m.start - before[0].length, m.end)] };
    }
  },
});
