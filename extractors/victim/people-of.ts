// "the personal data of customers of Uber" / "patients at Royal Shrewsbury Hospital had their records sent to a stranger"
import { defineRule } from '../_shared/kit.ts';
import { objectsOf } from './lib/propose.ts';
import { keyed, lowerKey } from './lib/keyed.ts';
import { isKnownOrganisation } from './lib/words.ts';
import { isStrongName, type VictimName } from './lib/name-shape.ts';
import { inIncidentPassage } from './lib/context.ts';

// the people whose records leak are named through the organisation that holds them
const PEOPLE_OF = new RegExp(
  String.raw`\b(?:(?:patients|customers|clients|students|members|subscribers|users|residents|employees|staff|policyholders` +
    String.raw`|account\s*holders|donors|guests|shoppers|riders|drivers|players|veterans|taxpayers|voters|pupils|applicants|cardholders|retirees` +
    String.raw`|beneficiaries)\s+(?:of|at|from|with)|(?:data|records|information|files|details)\s+(?:from|belonging\s+to|held\s+by` +
    String.raw`|stored\s+by))\s+(?:the\s+)?`,
  'giu',
);
const PEOPLE_OF_KEYED = keyed(PEOPLE_OF, lowerKey(PEOPLE_OF));
const PEOPLE_OF_NAME = 0.55; // the holder of the affected people's data; a place or a partner is named this way too

const holder = (n: VictimName, doc: Parameters<typeof inIncidentPassage>[0]) =>
  (isStrongName(n) || isKnownOrganisation(n.value)) && inIncidentPassage(doc, n.start);

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Hackers stole the personal data of customers of Uber and drivers.', value: 'Uber' },
    {
      text: 'Medical records of nine patients at Royal Shrewsbury Hospital were sent to a member of the public by mistake.',
      value: 'Royal Shrewsbury Hospital',
    },
    { text: 'The breach exposed the records of 3,000 members of Tufts Health Plan.', value: 'Tufts Health Plan' },
    // a lower-case kind after a name with no organisation noun is part of the body's name
    { text: 'Files from the Kessler adoption agency holding the details of adoptive parents were found in a dumpster.', value: 'Kessler adoption agency' },
  ],
  counterExamples: [
    'Thousands of customers of a local bank were affected by the breach.',
    'Members of the public were invited to the museum.',
    'Students at Ruhr University Bochum can apply for travel grants.',
    // a town before the kind only says where an unnamed hospital is
    'Records of patients at an Evansville hospital were stolen from a car.',
  ],
  propose: (doc) => objectsOf(doc, PEOPLE_OF_KEYED, PEOPLE_OF_NAME, (n, d) => holder(n, d)),
});
