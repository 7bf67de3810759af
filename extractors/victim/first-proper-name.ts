// "Hackers stole the personal data of 57 million customers and drivers from Uber Technologies Inc."
import { defineRule } from '../_shared/kit.ts';
import { isOrgLike, nameSpan } from './lib/name-shape.ts';
import { namesWithSpaceOrOrgNoun } from './lib/space-or-org.ts';
import { inIncidentTalk } from './lib/context.ts';
import { fullName } from './lib/complete.ts';

// The weakest guess: the first multi-word name (bare acronyms are too often "SSN", "PHI", "DDoS") of the lead sentence that is neither a
// person, a place, an attacker nor a reporter. Kept apart so calibration can price it on its own.
const FIRST_NAME_IN_LEAD = 0.3; // positional only
const LEAD = 2; // sentences

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Hackers stole the personal data of 57 million customers from Uber Technologies Inc. last year.', value: 'Uber Technologies' },
    { text: 'Boxes of documents belonging to Gemeente Hof van Twente were lost in transit.', value: 'Gemeente Hof van Twente' },
    // a title-case headline's verb ends the name before it; a kind of device is no name
    { text: 'Russian Hackers Target Private Ukrainian Energy Firm - DTEK Group', value: 'DTEK Group' },
    { text: 'Skimming Device Found at Firstrust Bank ATM in Philadelphia', value: 'Firstrust Bank' },
    // an outlet is a reporter unless its own sites are hit, a share of them too
    { text: 'Pakistani hackers have defaced a number of websites of Jaya TV, one of the largest Tamil channels.', value: 'Jaya TV' },
    // the people served are named after who serves them
    { text: "Over 700 LA County-USC Patients' Personal Information Stolen in Car Break-In", value: 'LA County-USC' },
    // a country in the name stays when the rest is no brand alone
    { text: 'Baseball Canada says hackers accessed its registration system.', value: 'Baseball Canada' },
  ],
  counterExamples: [
    // a crew's name cut at its quote
    "In a series of hacks, 'Syrian Electronic Army' took control of several news accounts.",
    // an outlet that obtained the court papers
    'Valley Courier obtained a copy of the indictment, which says a clerk stole patient records.',
    'Law Firm Serving Fortune 500 Companies Hit by Ransomware',
    // a town that only says where an unnamed body or person is, and where a person lives
    'An Evansville hospital has informed about 4,400 patients that hackers may have stolen their data.',
    'Michael Bryant, 41, of Lauderdale Lakes, faces up to 12 years in prison for identity theft.',
    // people counted or served, their records, a staff role
    'Four Veterans called the clinic to say they received Fugitive Felon Letters with the wrong details.',
    'PHI of Veteran B was mailed to Veteran A by mistake.',
    'A Radiology Resident reported that a USB drive with patient data was lost.',
    // a law is breached, not hacked
    'The clinic violated the HIPAA Privacy Rule when it mailed records to the wrong patients.',
    // the people of a place
    'The personal information of approximately 7,500 British Columbians may have been compromised in a breach.',
    'A hospital employee said patient files were taken home.',
    'Brett Callow said the gang was active in Belgium.',
    // a placeholder for a person, a street, a kind of record and a people are no organisation
    'Veteran A was mailed the lab results of Veteran B by mistake.',
    'A skimmer was found on a gas pump on Salem Road last week.',
    'Social Security Numbers of patients were exposed in the breach.',
    'The records of 6m South Africans were leaked online.',
  ],
  *propose(doc) {
    const end = doc.sentences[Math.min(LEAD, doc.sentences.length) - 1]?.end ?? 0;
    // (the one-word runs that can clean to neither white space nor an organisation noun are not cleaned: this filter drops them)
    for (const name of namesWithSpaceOrOrgNoun(doc, end)) {
      if (!/\s/.test(name.value) && !isOrgLike(name.value)) continue;
      // the first organisation of a sports or finance story is no victim
      if (!inIncidentTalk(doc, name.start)) return;
      const full = fullName(doc, name);
      yield { value: full.value, confidence: FIRST_NAME_IN_LEAD, evidence: [nameSpan(doc.text, full)] };
      return;
    }
  },
});
