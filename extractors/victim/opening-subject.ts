// "Jersey City Medical Center said a computer disk containing patient information was lost in June"
import { defineRule, firstMatch, groupStart, span } from '../_shared/kit.ts';
import { WORD_END } from '../_shared/char-classes.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { DATELINE, NAME, ONWARD } from './lib/name-shape.ts';
import { cleanName } from './lib/name-clean.ts';
import { fullName } from './lib/complete.ts';
import { OPENING_APPOSITIVE as APPOSITIVE, OPENING_VERB as VERB, openingSentences } from './lib/lead.ts';

// Write-ups and headlines open with the organisation that reports or suffers the incident, so the
// subject of an opening sentence whose verb is a disclosure or a harm is the victim.
// a news article opens with its dateline
const LEAD_IN = String.raw`${DATELINE}(?:(?:On|In|Last|Earlier|Between)${WORD_END}[^\n]{1,40}?,\s*)?(?:The\s+)?`;
const ADVERB = String.raw`(?:(?:also|today|yesterday|recently|currently|now|has|have|this\s+week|last\s+week|on\s+\p{Lu}\w+)\s+){0,2}`;
// (its \p{…} classes written over U+0000-U+00FF for a text of one byte a character: one-byte.ts byWidth)
const OPENING = byWidth(String.raw`^${LEAD_IN}(${NAME})${ONWARD}(?:,?\s*\([^)\n]{1,40}\))?${APPOSITIVE},?\s+${ADVERB}${VERB}`, 'du');
const SERVES_OTHERS = /,\s+(?:which|who|that)\s+(?:[\w-]+\s+){0,4}?for\b/u;
const OPENING_SUBJECT = 0.8; // the first sentence's subject, with a disclosure or harm verb
const MAX_SENTENCES = 2; // a headline line, then the lead sentence

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Jersey City Medical Center said a computer disk containing patient information was lost in June.', value: 'Jersey City Medical Center' },
    { text: 'The Montana Department of Public Health (DPHHS) is notifying clients that a server was accessed.', value: 'Montana Department of Public Health' },
    { text: 'On May 7, 2018, MSK Group, P.C. discovered that its computer networks experienced a security event.', value: 'MSK Group' },
    { text: 'Stadtwerke Bochum was hit by a ransomware attack on Monday.', value: 'Stadtwerke Bochum' },
    { text: 'LONDON (Reuters) - Cunard has been forced to shut down its booking system after a data leak.', value: 'Cunard' },
    { text: 'Hostinger, one of the biggest web hosting providers on the internet, has disclosed a security incident.', value: 'Hostinger' },
    { text: 'RiverMend Health notifies 1,300 after employee’s email account compromised\nThe company said...', value: 'RiverMend Health' },
    // a body of nurses or workers is no person holding the role; a "Post-" compound is no newspaper
    { text: 'The College of Nurses of Manitoba has been dealing with a cybersecurity incident since Friday.', value: 'College of Nurses of Manitoba' },
    { text: 'The Harlan Center for Post-Surgical Care has begun notifying patients of a data breach.', value: 'Harlan Center for Post-Surgical Care' },
    // a ransomware gang's name as an ordinary adjective opening an organisation's name
    { text: 'The Royal Navy confirmed that a laptop holding the details of recruits was stolen.', value: 'Royal Navy' },
    // a police force that mishandled data itself is no reporter of the incident
    { text: 'Kent Police apologised after sending the personal details of 200 officers to a private firm.', value: 'Kent Police' },
  ],
  counterExamples: [
    // an attacker named with his trade, and a crowd named after its group
    'Hacker Zer0Kool of The Nightshades recently defaced the website of a county library.',
    'Hacktivists of Team Pampa have breached and defaced the official website of a mayor.',
    // an outlet that broke the story
    'Techboard reported in August on stolen logins from the webmail service.',
    'A hospital employee said patient files were taken home.',
    'The company said a laptop was stolen.',
    'Mandiant said the attackers used a zero-day.',
    'Brett Callow said the gang has hit dozens of schools.',
    'LockBit claimed the attack on its leak site.',
    'Hackers breached the network of a regional utility.',
    // a regulator of physicians and surgeons reports the incident
    'The College of Physicians and Surgeons of Manitoba said a clinic lost patient files.',
    'Kent Police said a laptop holding patient files was stolen from a car.',
  ],
  *propose(doc) {
    for (const s of openingSentences(doc, MAX_SENTENCES)) {
      const m = firstMatch(OPENING(s.text), s.text);
      // "EasyDraft, which processes payments for Bright Horizons": the processor speaks for its client's customers
      if (!m || SERVES_OTHERS.test(m[0])) continue;
      const at = s.start + groupStart(m);
      const found = cleanName(doc, at, at + m[1]!.length);
      const name = found && fullName(doc, found);
      if (!name) continue;
      yield { value: name.value, confidence: OPENING_SUBJECT, evidence: [span(doc.text, name.start, name.end)] };
      return;
    }
  },
});
