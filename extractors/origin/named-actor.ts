// "LockBit later claimed the attack and published data" — a group named, no country stated
import { defineRule, span } from '../_shared/kit.ts';
import { docActor } from './lib/actors.ts';
import { tellsOfIncident } from './lib/incident.ts';

// Below every country rule: an actor alone must never displace a stated country, and a group's name gives no country.
const ACTOR_ONLY = 0.3;

export default defineRule({
  field: 'origin',
  examples: [
    { text: 'LockBit later claimed the attack and published data it said had been stolen.', value: { country: null, actor: 'LockBit' } },
    { text: 'The Medusa ransomware gang is demanding $1 million from the district.', value: { country: null, actor: 'Medusa' } },
    { text: 'Investigators said the attack was carried out by Evil Corp, a cybercrime group.', value: { country: null, actor: 'Evil Corp' } },
    // a round-up: the lead story's group, not one from the digest items about other incidents
    {
      text:
        'A regional library was hit by ransomware on Monday. The Rhysida extortion group claimed the attack.\n\n' +
        '- Kestrel Logistics: the freight forwarder said a group calling itself Akira listed it on a leak site last week.\n' +
        '- Northfield College: the college said phishing emails led to the theft of staff passwords on Friday.',
      value: { country: null, actor: 'Rhysida' },
    },
  ],
  counterExamples: ['The City of Dallas said the attack encrypted servers.', 'The Australian Cyber Security Centre said it was aware of the incident.'],
  *propose(doc) {
    if (!tellsOfIncident(doc)) return;
    const a = docActor(doc);
    if (a) yield { value: { country: null, actor: a.name }, confidence: ACTOR_ONLY, evidence: [span(doc.text, a.start, a.end)] };
  },
});
