// "Hackers stole the personal data of 57 million Uber riders"
import { defineRule, matches } from '../_shared/kit.ts';
import { cleanName } from './lib/name-clean.ts';
import { isKnownOrganisation } from './lib/words.ts';
import { nameSpan } from './lib/name-shape.ts';
import { inIncidentTalk } from './lib/context.ts';
import { fullName } from './lib/complete.ts';
import { forText } from '../_shared/one-byte.ts';

// One-word brands ("Uber", "Tesco", "Nintendo") pass no organisation-noun test; compromise's lexicon
// knows many of them. A known brand in the lead of an incident text is a weak, positional guess.
const KNOWN_BRAND = 0.25; // a brand in the lead; the outlet or the attacker's tool may be one too
const LEAD = 2; // sentences
const WORD = /(?<![\p{L}\d'’\x92.&/-])\p{Lu}[\p{L}\d&'’\x92.-]*\p{L}/gu;

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Hackers stole the personal data of 57 million Uber riders.', value: 'Uber' },
    { text: 'Police found a skimming device on a cash point at a Tesco store in Cupar.', value: 'Tesco' },
  ],
  counterExamples: ['Uber reported record quarterly revenue on Tuesday.', 'A hospital employee said patient files were taken home.'],
  *propose(doc) {
    const end = doc.sentences[Math.min(LEAD, doc.sentences.length) - 1]?.end ?? 0;
    for (const m of matches(forText(WORD, doc.text), doc.text)) {
      if (m.index >= end) break;
      if (!isKnownOrganisation(m[0])) continue;
      const name = cleanName(doc, m.index, m.index + m[0].length);
      if (!name || !inIncidentTalk(doc, name.start)) continue;
      const full = fullName(doc, name);
      yield { value: full.value, confidence: KNOWN_BRAND, evidence: [nameSpan(doc.text, full)] };
      return;
    }
  },
});
