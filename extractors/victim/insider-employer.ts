// "A former Microsoft employee leaked the code" / "an IT administrator at Hillcrest Community Bank deleted the backups"
import { defineRule, type AnalysedDoc } from '../_shared/kit.ts';
import { objectsOf, subjectsOf } from './lib/propose.ts';
import { nameAfter } from './lib/name-end.ts';
import { keyed } from './lib/keyed.ts';
import { isKnownOrganisation } from './lib/words.ts';
import { isStrongName, type VictimName } from './lib/name-shape.ts';
import { inIncidentPassage } from './lib/context.ts';

// Insider incidents name the victim as the wrongdoer's employer, before the job title or after "at"/"of"
const JOB =
  String.raw`(?:IT\s+)?(?:employees?|workers?|staffers?|staff\s+members?|contractors?|nurses?|technicians?|clerks?|tellers?|insiders?` +
  String.raw`|administrators?|admins?|pharmacists?|receptionists?|cashiers?|managers?|engineers?|officials?|doctors?|physicians?|billing\s+specialists?` +
  String.raw`|supervisors?|agents?|volunteers?)`;
// (the space is checked before the letter behind it: most positions fail there at once)
const JOB_AFTER_NAME = new RegExp(String.raw`(?=\s)(?<=\p{L})\s+${JOB}\b`, 'giu');
// staff titles that read as a job only before "at"/"for" ("a certified nursing assistant at", "a service adviser for");
// analysts and researchers are left out: "a threat analyst at" names who comments, not whom it hit
const STAFF =
  String.raw`(?:assistants?|aides?|advis[eo]rs?|attendants?|coordinators?|representatives?|secretar(?:y|ies)|accountants?|bookkeepers?|guards?` +
  String.raw`|hostess(?:es)?|waiters?|waitress(?:es)?|bartenders?|drivers?|caregivers?|therapists?|counsell?ors?|hygienists?|paralegals?|interns?` +
  String.raw`|executives?)`;
// "Employee of the Australian Bureau of Statistics leaked", "22 current and past employees of Ektron": a headline or a count needs no article
const JOB_AT = new RegExp(
  String.raw`(?:\b(?:former|ex-|rogue|disgruntled|an?|the|past|current|\d[\d,]*)\s+|(?<=^|[.!?]\s+|\n))(?:[\w-]+\s+){0,2}?(?:${JOB}` +
    String.raw`|${STAFF})\s+(?:at|of|with|for|from)\s+(?:the\s+)?`,
  'giu',
);
// every match of JOB_AT holds a job word, after at most an opener, two words and "IT", and after it the rest of the word
// (with "members" or "specialists" for staff and billing) and the preposition: job words followed by anything else are not
// searched around. White space or the text's start stands before the job word: it is sought at word starts only (most
// places are inside a word, and \b, which V8 checks inline, fails there at once; a look-behind costs more than it saves)
const JOB_WORDS =
  String.raw`employee|worker|staff|contractor|nurse|technician|clerk|teller|insider|admin|pharmacist|receptionist|cashier|manager|engineer|official` +
  String.raw`|doctor|physician|billing|supervisor|agent|volunteer`;
const STAFF_WORDS =
  String.raw`assistant|aide|advis|attendant|coordinator|representative|secretar|accountant|bookkeeper|guard|hostess|wait|bartender|driver|caregiver` +
  String.raw`|therapist|counsel|hygienist|paralegal|intern|executive`;
const JOB_AT_KEYED = keyed(JOB_AT, {
  words: new RegExp(String.raw`\b(?:${JOB_WORDS}|${STAFF_WORDS})(?=[a-z]*(?:\s+(?:members?|specialists?))?\s+(?:at|of|with|for|from)\s)`, 'g'),
  pieces: 5,
  // (a match starts at most some fifty places before its job word: tried one place at a time, a few thousand tries in all,
  // cheaper than compiling the lookahead search, the whole trigger again)
  near: 1000,
});
// every match holds a job word at a word start, after white space and at most "IT": only around those is it sought
const JOB_AFTER_NAME_KEYED = keyed(JOB_AFTER_NAME, {
  words: new RegExp(String.raw`\b(?:${JOB_WORDS})`, 'g'),
  pieces: 1,
  // (tried one place at a time: see JOB_AT_KEYED)
  near: 1000,
});
const EMPLOYER = 0.7; // whoever employs the insider owns the data they misused

// a job advert names employer and job title too; only incident talk makes the employer a victim
const employer = (n: VictimName, doc: AnalysedDoc) => (isStrongName(n) || isKnownOrganisation(n.value)) && inIncidentPassage(doc, n.start);

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'A former Globex Systems employee copied confidential documents and handed them to a reporter.', value: 'Globex Systems' },
    { text: 'A former Microsoft employee who leaked the code has pleaded guilty.', value: 'Microsoft' },
    { text: 'A former IT administrator at Hillcrest Community Bank was sentenced for deleting backups.', value: 'Hillcrest Community Bank' },
    { text: 'ING Bank employee misused access to the customer database.', value: 'ING Bank' },
    { text: 'An employee at Queen Elizabeth Hospital inappropriately accessed the records of three patients.', value: 'Queen Elizabeth Hospital' },
    { text: 'Investigators said Martinez was a service adviser for Wash Tub and stole the card numbers of customers.', value: 'Wash Tub' },
    // a headline or a count needs no article before the job
    { text: 'Employee of the Australian Bureau of Statistics leaked confidential data to a friend.', value: 'Australian Bureau of Statistics' },
  ],
  counterExamples: [
    // the attackers' own site, its possessive without an apostrophe
    'Hackers hijacked the domain of a sharing platform. The nameserver settings were altered so that visitors would be redirected to the Syrian Electronic ' +
      'Armys official website.',
    'A hospital employee took files home.',
    'A former employee of a local clinic was charged.',
    'Brett Callow, a threat analyst at a security firm, said the breach was serious.',
    'Jane Doe, a threat analyst at Emsisoft, said the breach was serious.',
  ],
  *propose(doc) {
    yield* subjectsOf(doc, JOB_AFTER_NAME_KEYED, EMPLOYER, (n, d) => employer(n, d), nameAfter);
    yield* objectsOf(doc, JOB_AT_KEYED, EMPLOYER, (n, d) => employer(n, d));
  },
});
