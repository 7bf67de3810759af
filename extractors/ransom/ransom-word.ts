// "The attackers demanded a ransom to restore access"
import { defineRule, span } from '../../src/pipeline/rule.ts';

const DEMAND = /\b(?:ransom(?:ware)?\s+(?:demand|note|payment)s?|demand(?:ed|ing|s)?\s+(?:a\s+)?ransom|ransom\s+(?:was|were|had\s+been)\s+demanded|extort(?:ed|ion|ing)?)\b/gi;
const EXPLICIT_DEMAND = 0.85; // the text says a ransom was asked for

export default defineRule({
  field: 'ransom',
  examples: [
    { text: 'The gang demanded a ransom to unlock the files.', value: { demanded: true, amount: null, currency: null } },
    { text: 'A ransom note was left on every server.', value: { demanded: true, amount: null, currency: null } },
  ],
  counterExamples: ['The company paid its suppliers on time.'],
  *propose(doc) {
    DEMAND.lastIndex = 0;
    for (let m = DEMAND.exec(doc.text); m; m = DEMAND.exec(doc.text)) {
      yield { value: { demanded: true, amount: null, currency: null }, confidence: EXPLICIT_DEMAND, evidence: [span(doc.text, m.index, m.index + m[0].length)] };
    }
  },
});
