// "A paper file was stolen from a locked office at Health Sciences Centre."
import { defineRule } from '../_shared/kit.ts';
import { isOrgLike, nameSpan } from './lib/name-shape.ts';
import { namesWithSpaceOrOrgNoun } from './lib/space-or-org.ts';
import { inIncidentTalk } from './lib/context.ts';
import { fullName } from './lib/complete.ts';

// Incident write-ups name the victim before any other organisation far more often than not, so the
// first run that carries an organisation noun ("Centre", "University", "Inc") is a fallback guess.
const FIRST_ORGANISATION = 0.45; // a positional guess, no incident wording involved
// an analyst's note of a few lines is about one incident whatever its words ("Valley View University in Ghana
// is a private chartered university…"); only a longer text can be a sports or finance story
const SHORT_WRITE_UP = 500; // characters
const WINDOW = 600; // the lead of the write-up; later organisations are vendors, regulators, outlets

export default defineRule({
  field: 'victim',
  examples: [
    // "and" inside one name when an organisation noun closes it
    { text: 'Army and Air Force Exchange service employee copied customers’ credit card information.', value: 'Army and Air Force Exchange' },
    {
      text: 'Hackers defaced eight websites of the National Aeronautics and Space Administration on Monday.',
      value: 'National Aeronautics and Space Administration',
    },
    // a note of a few lines needs no incident word
    { text: 'Larkspur Community Health Centre is unsure how its internal memos reached a local blog.', value: 'Larkspur Community Health Centre' },
    { text: 'A paper file containing medical information has been stolen from a locked office at Health Sciences Centre.', value: 'Health Sciences Centre' },
    { text: 'Boxes of files from Stadtwerke Bochum were stolen from a car.', value: 'Stadtwerke Bochum' },
    { text: 'An employee of Universität Hamburg emailed a spreadsheet to the wrong list.', value: 'Universität Hamburg' },
    // the possessive's apostrophe lost before what the hospital owns
    { text: 'An intruder gained access to the Sierra View District Hospitals network system last month.', value: 'Sierra View District Hospital' },
    // a device's acronym after the name is what the force owns
    {
      text: 'A Hertfordshire Police USB memory stick containing the personal details of 165,000 suspects has been found by a member of the public.',
      value: 'Hertfordshire Police',
    },
    // one capitalised word after the possessive describes what the owner has
    { text: 'Ransomware hit Henry County’s Enhanced emergency system on Monday.', value: 'Henry County' },
    // a body that fines or probes another organisation oversees the victim
    {
      text: 'The state Department of Insurance has fined Lakeview Health Partners after patient records were left in a dumpster.',
      value: 'Lakeview Health Partners',
    },
    {
      text: 'The Office of the Privacy Commissioner found that Corvus Travel Group stored passport scans on an unsecured server.',
      value: 'Corvus Travel Group',
    },
  ],
  counterExamples: [
    'Nassau County police said the hostess at a restaurant copied card numbers.',
    'A hospital employee said patient files were taken home.',
    'Brett Callow, an analyst at Emsisoft, said the gang was active.',
    'Police in Texas arrested a man on Monday.',
    // a country's government is named before the ministry the write-up goes on to name
    'The Egyptian government said its systems were hacked.',
    // attackers and the firms that report on them
    'The hacktivist group Ghost Security Crew defaced the portal after the breach.',
    'British IT-company Elliptic said hackers stole the data.',
    // an attack kind and a law are spelled in capitals too
    'Our name servers are experiencing a cyber attack, known as a Distributed Denial of Service (DDoS).',
    'A radiologist was charged with violating the federal Health Insurance Portability and Accountability Act.',
    // courts and field offices that try or announce the case
    "Xuhui District People's Court has sentenced two former hospital employees for selling patient data.",
    'A clerk who stole patient records was charged, a spokesman at the Baltimore Field Office announced.',
    // the cloud that hosted the data
    'Booking records were found in a publicly accessible Amazon Web Services S3 bucket.',
    'The agency was using Nimbus Cloud Services to store over 3 million files, and the files were left unprotected.',
  ],
  *propose(doc) {
    // (the one-word runs that can clean to no organisation noun are not cleaned; nor is any run after the first organisation)
    for (const name of namesWithSpaceOrOrgNoun(doc, Math.min(doc.text.length, WINDOW))) {
      if (!isOrgLike(name.value)) continue;
      // the first organisation of a sports or finance story is no victim
      if (doc.text.length >= SHORT_WRITE_UP && !inIncidentTalk(doc, name.start)) return;
      const full = fullName(doc, name);
      yield { value: full.value, confidence: FIRST_ORGANISATION, evidence: [nameSpan(doc.text, full)] };
      return;
    }
  },
});
