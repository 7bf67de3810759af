// "The city has not had any communication from the attackers, and no ransom demand has been received."
// The one case where `demanded: false` is stated rather than assumed: the text denies a demand. Other
// ransom rules stand down on such a text, so an attack described as ransomware does not override it.
import { defineRule, span } from '../_shared/kit.ts';
import { denial } from './lib/context.ts';

const STATED_DENIAL = 0.9; // officials say no demand was made

export default defineRule({
  field: 'ransom',
  examples: [
    { text: 'The attackers used ransomware and a disk wiper, but no ransom demand was made.', value: { demanded: false, amount: null, currency: null } },
    { text: 'Nobody asked the company for money; the attackers simply took the funds.', value: { demanded: false, amount: null, currency: null } },
    { text: 'The port said it had received no ransom demand.', value: { demanded: false, amount: null, currency: null } },
    { text: 'The trust said it could now rule out ransomware as the cause of the outage.', value: { demanded: false, amount: null, currency: null } },
    {
      text: 'It was reported that the trust had been hit by ransomware. But the spokeswoman ruled out such an attack on Friday.',
      value: { demanded: false, amount: null, currency: null },
    },
  ],
  counterExamples: [
    'The attackers demanded a ransom of $2 million.',
    'The city was hit by ransomware on Sunday.',
    'Investigators have not ruled out that the attackers will demand money.',
  ],
  *propose(doc) {
    const m = denial(doc);
    if (!m) return;
    yield { value: { demanded: false, amount: null, currency: null }, confidence: STATED_DENIAL, evidence: [span(doc.text, m.start, m.end)] };
  },
});
