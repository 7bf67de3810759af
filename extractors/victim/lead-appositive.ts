// "The Landeshauptstadt Potsdam, the capital of the state of Brandenburg, disconnected its administration
// from the internet … after security authorities warned of an imminent cyberattack"
import { defineRule, firstMatch, groupStart, span } from '../_shared/kit.ts';
import { WORD_END } from '../_shared/char-classes.ts';
import { byWidth, forText } from '../_shared/one-byte.ts';
import { DATELINE, NAME, ONWARD, isStrongName } from './lib/name-shape.ts';
import { cleanName } from './lib/name-clean.ts';
import { isKnownOrganisation } from './lib/words.ts';
import { fullName } from './lib/complete.ts';
import { inIncidentTalk } from './lib/context.ts';
import { openingOf } from './lib/lead.ts';

// A news lead introduces the organisation the story is about by its full name and, between commas, what
// it is; then comes its verb, whichever it is ("disconnected", "has shut down", "said"). Only the lead
// sentence counts: later a name with an appositive is as often a supplier, an expert or an authority.
const LEAD_IN = String.raw`${DATELINE}(?:(?:On|In|Last|Earlier)${WORD_END}[^\n]{1,40}?,\s*)?(?:The\s+)?`;
const APPOSITIVE = String.raw`(,\s+(?:a|an|the|one\s+of\s+the|which|whose)\s+[^,;:\n()]{2,110},)`;
// a finite verb: an auxiliary, a past or present form, or a common irregular past (WORD_END: the \b after a word's last letter)
const VERB =
  String.raw`(?:(?:has|have|had|was|were|is|are|will|would|could|did|does)${WORD_END}|(?:said|says|told|took|shut|hit|lost|sent|became|fell|left|paid|went` +
  String.raw`|found|saw|kept|began|made)${WORD_END}|\p{Ll}{2,}(?:ed|es)${WORD_END})`;
const ADVERB = String.raw`(?:(?:also|today|yesterday|recently|now|on\s+\p{Lu}\p{Ll}+)\s+)?`;
// (its \p{…} classes written over U+0000-U+00FF for a text of one byte a character: one-byte.ts byWidth)
const LEAD = byWidth(String.raw`^${LEAD_IN}(${NAME})${ONWARD}${APPOSITIVE}\s+${ADVERB}${VERB}`, 'du');
// "Robin Patterson, the Navy's public liaison,": an appositive that gives a role introduces a person
const PERSON_ROLE = new RegExp(
  String.raw`\b(?:former|ex-|employee|worker|staffer|owner|founder|liaison|director|officer|manager|chief|head|spokes(?:man` +
    String.raw`|woman|person)|nurse|doctor|physician|resident|man|woman|boy|girl|\d+-year-old|aged|CEO|CFO|CIO|CISO|executive|president|chairman|analyst` +
    String.raw`|researcher|expert|professor|student|teacher|member|agent|contractor|consultant|hacker|suspect|defendant|attorney|lawyer|minister|mayor` +
    String.raw`|governor|senator)s?\b`,
  'iu',
);
const LEAD_APPOSITIVE = 0.7; // the introduced subject of a news lead about an incident

export default defineRule({
  field: 'victim',
  examples: [
    {
      text:
        'Potsdam goes offline\n\nThe Landeshauptstadt Potsdam, the capital of the state of Brandenburg, disconnected its administration ' +
        'from the internet after a warning of a cyberattack.',
      value: 'Landeshauptstadt Potsdam',
    },
    { text: 'Harrow & Finch, a London law firm with 40 partners, has shut down its email after a ransomware attack.', value: 'Harrow & Finch' },
    {
      text: 'BERLIN (AP) - Stadtwerke Bochum, the municipal utility of the Ruhr city, restored billing on Monday after hackers encrypted its servers.',
      value: 'Stadtwerke Bochum',
    },
  ],
  counterExamples: [
    'Stadtwerke Bochum, the municipal utility of the Ruhr city, raised prices on Monday.',
    'Brett Callow, a threat analyst at Emsisoft, said the ransomware gang was active.',
    'The city, a popular tourist destination, was hit by ransomware.',
  ],
  *propose(doc) {
    const { lead } = openingOf(doc);
    const m = lead && firstMatch(LEAD(lead.text), lead.text);
    if (!lead || !m || forText(PERSON_ROLE, lead.text).test(m[2]!)) return;
    const at = lead.start + groupStart(m);
    const found = cleanName(doc, at, at + m[1]!.length);
    // a lone word ("Smith, a …,") is a surname as often as a brand
    if (!found || !(isStrongName(found) || isKnownOrganisation(found.value)) || !inIncidentTalk(doc, at)) return;
    const name = fullName(doc, found);
    yield { value: name.value, confidence: LEAD_APPOSITIVE, evidence: [span(doc.text, name.start, name.end)] };
  },
});
