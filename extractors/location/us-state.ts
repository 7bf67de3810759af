// "the Ohio hospital"  /  "New Jersey Medicaid"  /  "more than 20 Texas municipalities"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { isIncidentDoc, isVictimStory } from './lib/context.ts';
import { isAttackerContext, mentions, toRegulator, inOtherIncident } from './lib/mentions.ts';

const IN_STATE = /\b(?:in|of|across|throughout|at)\s+(?:the\s+(?:state\s+of\s+)?)?$/i;
const STATE_IN = 0.8; // "in Texas": where something is
const STATE_NAMED = 0.65; // any other state mention, often the victim's own name ("Ohio Department of Health")

export default defineRule({
  field: 'location',
  examples: [
    // the text calls Georgia a state: not the country
    { text: 'Thieves stole voter data from a poll worker in the state of Georgia.', value: { country: 'US', region: 'Georgia', city: null } },
    { text: 'The stolen unit held a copy of Georgia’s statewide voter file.', value: { country: 'US', region: 'Georgia', city: null } },
    { text: 'The Ohio hospital notified 3,000 patients.', value: { country: 'US', region: 'Ohio', city: null } },
    { text: 'Kaufman is among more than 20 Texas municipalities hit by ransomware.', value: { country: 'US', region: 'Texas', city: null } },
    { text: 'A clinic in New Jersey lost a laptop.', value: { country: 'US', region: 'New Jersey', city: null } },
  ],
  counterExamples: [
    // a separate incident
    'Hackers stole card data from the retailer. In a separate incident, a clinic in Ohio lost a laptop.',
    // a state in an outlet's name is the outlet's
    'A columnist told The New York Times that the breach was serious.',
    // a story about the public, a product or a trend: a place it merely names is background
    { text: 'How to spot a phishing scam\n\nThe fake emails, which mimic an Ohio bank, ask readers for their passwords.', publishedAt: '2018-02-01' },
    // the regulator's state, to which the notice went
    'The retailer told the Vermont Attorney General that card data was stolen.',
    'In a breach notice filed with the State of Maine, the lender said hackers stole data.',
    'The hospital notified 3,000 patients.',
    'A laptop was stolen from a car.',
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc) || !isVictimStory(doc)) return;
    for (const m of mentions(doc)) {
      if (m.kind !== 'state' || isAttackerContext(doc.text, m) || toRegulator(doc.text, m) || inOtherIncident(doc.text, m)) continue;
      const before = firstMatch(IN_STATE, doc.text.slice(Math.max(0, m.start - 30), m.start));
      const start = before ? m.start - before[0].length : m.start;
      yield { value: m.place, confidence: before ? STATE_IN : STATE_NAMED, evidence: [span(doc.text, start, m.end)] };
    }
  },
});
