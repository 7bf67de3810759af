// "fake emails claiming to come from HMRC"  /  "the breach was reported to the Information Commissioner's Office"  /  "stolen W-2 forms"
import { alternation, defineRule, matches, span } from '../_shared/kit.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { wordMap } from '../_shared/lexicon.ts';
import { isIncidentDoc } from './lib/context.ts';

// A tax office, health service or regulator that only one country has sets the story in that country, also in a
// story about the public ("taxpayers phished in the name of HMRC"). It names no place, so it is the weakest
// reading and loses to any place the text writes; the bodies that act abroad (FBI, Interpol) are not in the list.
const BODIES = new Map(wordMap('location-national-bodies'));
// As alternation's whole words, with the look-behind after the name instead of before it (as word-runs.ts writes its
// others): the scan then looks for the names' first characters instead of testing the look-behind at every place. The
// look-behind reads the same character either way, the one before the name's start: "emails from HMRC" matches both,
// "xHMRC" neither (every name fails at that start), so the matches and group 1 are the same.
const BODY_RE = byWidth(String.raw`(${alternation(BODIES.keys(), { flexibleSpace: true })})(?<![\p{L}\p{N}]\1)(?![\p{L}\p{N}])`, 'gu');
const NATIONAL_BODY = 0.3;

export default defineRule({
  field: 'location',
  examples: [
    { text: 'Taxpayers are warned of fake emails claiming to come from HMRC that promise a refund.', value: { country: 'GB', region: null, city: null } },
    { text: 'Scammers stole the W-2 forms of 900 employees.', value: { country: 'US', region: null, city: null } },
    {
      text: "The clinic reported the breach to the Information Commissioner's Office on Friday.",
      value: { country: 'GB', region: null, city: null },
    },
  ],
  counterExamples: [
    // investigators who act abroad do not place the victim
    'The FBI is investigating the breach at the hotel chain.',
    'Fake emails claiming to come from the tax office promise a refund.',
    // an advice piece: the body scammers impersonate is nobody's home
    { text: 'Five tax scams and how to avoid them\n\nFake emails claiming to come from HMRC promise a refund.', publishedAt: '2018-02-01' },
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc)) return;
    for (const m of matches(BODY_RE(doc.text), doc.text)) {
      const country = BODIES.get(m[1]!.replace(/\s+/g, ' '));
      if (country)
        yield { value: { country, region: null, city: null }, confidence: NATIONAL_BODY, evidence: [span(doc.text, m.index, m.index + m[0].length)] };
    }
  },
});
