// "The gang demanded a ransom to unlock the files." / "A ransom note was left on every server."
import { defineRule, matches, span } from '../_shared/kit.ts';
import { denial, saysRansom, unreported } from './lib/context.ts';

const DEMAND = new RegExp(
  [
    String.raw`\bransom(?:ware)?[\s-]+(?:demands?|notes?|messages?|letters?|requests?|emails?|screens?)\b`,
    String.raw`\b(?:demand(?:ed|ing|s)?|ask(?:ed|ing|s)?\s+for|sought|seek(?:ing|s)?|request(?:ed|ing|s)?|want(?:ed|s)?)\s+(?:(?:a|an|the|any|some|their` +
      String.raw`|its)\s+)?(?:[\w$€£.,-]+\s+){0,3}?ransom\b`,
    String.raw`\bransom\s+(?:was|were|is|had\s+been|has\s+been|being)\s+(?:demanded|requested|sought)\b`,
    String.raw`\b(?:held|holding|holds)\s+(?:[\w'’\x92]+\s+){0,3}?(?:to|for)\s+ransom\b`,
    // "are holding the studio ransom": the attackers are the subject; a coder's "data stolen and held ransom" is often no demand
    String.raw`\b(?:holding|holds)\s+(?:[\w'’\x92]+\s+){1,3}?ransom\b`,
    String.raw`\bransom-(?:seeking|demanding)\b`,
  ].join('|'),
  'gi',
);
// the victim paying or refusing to pay still tells that a ransom was asked for, so no negation check
const PAID = new RegExp(
  String.raw`\b(?:pa(?:id|y|ying|ys)|refus(?:ed|es|ing)\s+to\s+pay|payment\s+of)\s+(?:(?:a|an|the|any|no|its|their` +
    String.raw`|some)\s+)?(?:[\w$€£.,-]+\s+){0,3}?ransom\b|\bransom\s+(?:was|were|is|had\s+been|has\s+been|will\s+be)\s+(?:not\s+)?paid\b` +
    String.raw`|\bransom\s+payments?\b`,
  'gi',
);

const EXPLICIT_DEMAND = 0.9; // the text says a ransom was asked for
const PAYMENT_TALK = 0.85; // a ransom paid or refused presupposes the demand

export default defineRule({
  field: 'ransom',
  examples: [
    { text: 'The gang demanded a ransom to unlock the files.', value: { demanded: true, amount: null, currency: null } },
    { text: 'A ransom note was left on every server.', value: { demanded: true, amount: null, currency: null } },
    { text: 'Hackers stole the data and are holding it to ransom.', value: { demanded: true, amount: null, currency: null } },
    { text: 'The council said it would not pay the ransom.', value: { demanded: true, amount: null, currency: null } },
    { text: 'The hospital was hobbled by ransom-seeking hackers last month.', value: { demanded: true, amount: null, currency: null } },
    { text: 'The intruders are holding the studio ransom for an undisclosed sum.', value: { demanded: true, amount: null, currency: null } },
  ],
  counterExamples: [
    'The company paid its suppliers on time.',
    'The attacker had not demanded any ransom from the hospital, the director said.',
    'Criminals may also be able to lock phones and demand a ransom to unlock them.',
    'No ransom demand has been received so far.',
  ],
  *propose(doc) {
    if (denial(doc)) return;
    const { text } = doc;
    if (!saysRansom(doc)) return;
    for (const m of matches(DEMAND, text)) {
      if (unreported(doc, m.index, m.index + m[0].length)) continue;
      yield { value: { demanded: true, amount: null, currency: null }, confidence: EXPLICIT_DEMAND, evidence: [span(text, m.index, m.index + m[0].length)] };
    }
    for (const m of matches(PAID, text)) {
      if (unreported(doc, m.index, m.index + m[0].length, false)) continue;
      yield { value: { demanded: true, amount: null, currency: null }, confidence: PAYMENT_TALK, evidence: [span(text, m.index, m.index + m[0].length)] };
    }
  },
});
