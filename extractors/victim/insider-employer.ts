// "A former Microsoft employee leaked the code" / "an IT administrator at Hillcrest Community Bank deleted the backups"
import { defineRule } from '../../src/pipeline/rule.ts';
import { objectsOf, subjectsOf } from '../_shared/victim-propose.ts';
import { isKnownOrganisation, isStrongName, type VictimName } from '../_shared/victim-names.ts';
import { inIncidentTalk } from '../_shared/victim-context.ts';
import type { AnalysedDoc } from '../../src/analyse/analyse.ts';

// Insider incidents name the victim as the wrongdoer's employer, before the job title or after "at"/"of"
const JOB = String.raw`(?:IT\s+)?(?:employees?|workers?|staffers?|staff\s+members?|contractors?|nurses?|technicians?|clerks?|tellers?|insiders?|administrators?|admins?|pharmacists?|receptionists?|cashiers?|managers?|engineers?|officials?|doctors?|physicians?|billing\s+specialists?|supervisors?|agents?|volunteers?)`;
// (the space is checked before the letter behind it: most positions fail there at once)
const JOB_AFTER_NAME = new RegExp(String.raw`(?=\s)(?<=\p{L})\s+${JOB}\b`, 'giu');
const JOB_AT = new RegExp(String.raw`\b(?:former|ex-|rogue|disgruntled|an?|the)\s+(?:[\w-]+\s+)?${JOB}\s+(?:at|of|with|for|from)\s+(?:the\s+)?`, 'giu');
const EMPLOYER = 0.7; // whoever employs the insider owns the data they misused

// a job advert names employer and job title too; only incident talk makes the employer a victim
const employer = (n: VictimName, doc: AnalysedDoc) => (isStrongName(n) || isKnownOrganisation(n.value)) && inIncidentTalk(doc, n.start);

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'A former Microsoft employee who leaked the code has pleaded guilty.', value: 'Microsoft' },
    { text: 'A former IT administrator at Hillcrest Community Bank was sentenced for deleting backups.', value: 'Hillcrest Community Bank' },
    { text: 'ING Bank employee misused access to the customer database.', value: 'ING Bank' },
    { text: 'An employee at Queen Elizabeth Hospital inappropriately accessed the records of three patients.', value: 'Queen Elizabeth Hospital' },
  ],
  counterExamples: [
    'A hospital employee took files home.',
    'A former employee of a local clinic was charged.',
    'Brett Callow, a threat analyst at a security firm, said the breach was serious.',
  ],
  *propose(doc) {
    yield* subjectsOf(doc, JOB_AFTER_NAME, EMPLOYER, (n, d) => employer(n, d));
    yield* objectsOf(doc, JOB_AT, EMPLOYER, (n, d) => employer(n, d));
  },
});
