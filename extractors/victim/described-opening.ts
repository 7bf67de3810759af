// "Nonprofit health care provider Huntington Medical Institutes (HMI) has announced two HIPAA breaches"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { WORD_END } from '../_shared/char-classes.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { DATELINE, NAME, ONWARD } from './lib/name-shape.ts';
import { cleanName } from './lib/name-clean.ts';
import { fullName } from './lib/complete.ts';
import { OPENING_APPOSITIVE, OPENING_VERB, openingSentences } from './lib/lead.ts';

// News leads often put what the organisation is before its name ("data broker LeapLab", "Tasmania's sole
// casino operator, the Federal Group,"); the subject is then the named organisation, not its description.
const KIND =
  String.raw`(?:company|firm|provider|operator|broker|developer|retailer|chain|maker|manufacturer|insurer|lender|bank|hospital|clinic|university` +
  String.raw`|college|school|council|agency|department|ministry|authority|municipality|platform|service|startup|start-up|giant|carrier|organi[sz]ation` +
  String.raw`|nonprofit|non-profit|charity|district|network|group|business|distributor|supplier|producer|publisher|exchange|marketplace|app|website|site)`;
// up to five describing words, lower-case or a possessive place ("Hong Kong-based", "Tasmania's sole")
const DESCRIPTION = String.raw`(?:(?:\p{Lu}[\p{L}-]*['’\x92]s|\p{Lu}?[\p{Ll}\d-]+|\p{Lu}{2,}|\([^)\n]{1,12}\))\s+){0,5}`;
const LEAD_IN = String.raw`^${DATELINE}(?:(?:On|In|Last|Earlier)${WORD_END}[^\n]{1,40}?,\s*)?(?:The\s+|An?\s+)?${DESCRIPTION}${KIND},?\s+(?:the\s+)?`;
const ADVERB = String.raw`(?:(?:also|today|yesterday|recently|currently|now|this\s+week|last\s+week|on\s+\p{Lu}\w+)\s+){0,2}`;
// (its \p{…} classes written over U+0000-U+00FF for a text of one byte a character: one-byte.ts byWidth)
const OPENING = byWidth(String.raw`${LEAD_IN}(${NAME})${ONWARD}(?:,?\s*\([^)\n]{1,40}\))?${OPENING_APPOSITIVE},?\s+${ADVERB}${OPENING_VERB}`, 'du');
const DESCRIBED_SUBJECT = 0.7; // the description proves an organisation, but the lead-in is looser than a bare subject
const MAX_SENTENCES = 2;

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Nonprofit health care provider Huntington Medical Institutes (HMI) has announced two HIPAA breaches.', value: 'Huntington Medical Institutes' },
    { text: 'Free web hosting firm 000Webhost has confirmed a breach of 13 million accounts.', value: '000Webhost' },
    { text: "Tasmania's sole casino operator, the Wrest Point Group, experienced a ransomware attack last week.", value: 'Wrest Point Group' },
    { text: 'Japanese electronics maker Casio Computer said its servers were breached.', value: 'Casio Computer' },
    // the legal form after the longer mention makes it the full name
    {
      text: 'Drug maker Shire said a laptop was stolen. The laptop of Shire Human Genetic Therapies, Inc. held patient records.',
      value: 'Shire Human Genetic Therapies',
    },
    { text: "LIMA, Peru — Peru's interior ministry, the Ministerio del Interior, confirmed a ransomware attack on Friday.", value: 'Ministerio del Interior' },
  ],
  counterExamples: [
    'Security firm Mandiant said the attackers used a zero-day.',
    'Ransomware gang LockBit claimed the attack on its leak site.',
    'The company said a laptop was stolen.',
  ],
  *propose(doc) {
    for (const s of openingSentences(doc, MAX_SENTENCES)) {
      const m = firstMatch(OPENING(s.text), s.text);
      if (!m) continue;
      const at = s.start + m.indices![1]![0];
      const found = cleanName(doc, at, at + m[1]!.length);
      const name = found && fullName(doc, found);
      if (!name) continue;
      yield { value: name.value, confidence: DESCRIBED_SUBJECT, evidence: [span(doc.text, name.start, name.end)] };
      return;
    }
  },
});
