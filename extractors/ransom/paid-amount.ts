// "Hollywood Presbyterian Medical Center paid a $17,000 ransom to have its systems restored."
// A payment shows the demand but may be a negotiated sum: it stands in only when no demanded sum is stated.
import { defineRule, span } from '../_shared/kit.ts';
import { denial } from './lib/context.ts';
import { ransomAmounts } from './lib/amount.ts';

// "had initially demanded more", "talked them down": the sum paid is then known not to be the demand
const NEGOTIATED = /\b(?:initially|originally|first)\s+(?:demanded|asked|sought|wanted)|\bnegotiat\w*|\btalked\s+(?:\w+\s+)?down|\bdemanded\s+more\b/i;

const PAID_AMOUNT = 0.75; // the sum paid, ranked below any demanded sum

export default defineRule({
  field: 'ransom',
  examples: [
    { text: 'The hospital paid a $17,000 ransom to have its systems restored.', value: { demanded: true, amount: 17000, currency: 'USD' } },
    { text: 'City of Stratford paid $75k after experiencing a ransomware attack', value: { demanded: true, amount: 75000, currency: 'USD' } },
    { text: 'A ransom of 2 bitcoins was paid to the attackers.', value: { demanded: true, amount: 2, currency: 'BTC' } },
  ],
  counterExamples: ['The company paid $2 million to settle the class action over the breach.', 'Customers paid $40 a month for the service before the hack.'],
  *propose(doc) {
    if (denial(doc)) return;
    if (!/\bpa(?:id|ys?|ying)\b/i.test(doc.text) || NEGOTIATED.test(doc.text)) return;
    for (const a of ransomAmounts(doc)) {
      if (a.role !== 'paid') continue;
      yield { value: { demanded: true, amount: a.amount, currency: a.currency }, confidence: PAID_AMOUNT, evidence: [span(doc.text, a.start, a.end)] };
    }
  },
});
