// "He worked for Hostgator from September 2011 to February 15, 2012" / "a contractor working for Sequoia Hospital"
import { defineRule, type AnalysedDoc } from '../_shared/kit.ts';
import { objectsOf } from './lib/propose.ts';
import { keyed, lowerKey } from './lib/keyed.ts';
import type { VictimName } from './lib/name-shape.ts';
import { isNameLike } from './lib/lone.ts';
import { inIncidentPassage } from './lib/context.ts';

// Insider write-ups name the victim as the place the wrongdoer worked, often without a job title
// ("worked for", "was employed by", "working as a nurse at"); a one-word employer must read as a brand
const WORKED_FOR = /\b(?:worked|working|works|employed|hired|contracted)\s+(?:as\s+(?:an?\s+)?(?:[\w-]+\s+){1,3}?)?(?:for|at|by|with)\s+(?:the\s+)?/giu;
const WORK_VERB = /work|employed|hired|contracted/iu; // what every match of WORKED_FOR holds
// opening on its verbs, the trigger is its own key: sought in the lower-cased text, no case folding (keyed.ts)
const WORKED_FOR_KEYED = keyed(WORKED_FOR, lowerKey(WORKED_FOR));
const WORKPLACE = 0.6; // the employer of whoever misused the data; a past employer is named this way too

const employer = (n: VictimName, doc: AnalysedDoc) => isNameLike(doc, n) && inIncidentPassage(doc, n.start);

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'The dishonest employee was arrested for the breach. He worked for Hostgator Hosting from 2011 to 2012.', value: 'Hostgator Hosting' },
    { text: 'A contractor working for Sequoia Hospital inadvertently posted the Social Security numbers of employees.', value: 'Sequoia Hospital' },
    { text: 'The woman, who worked as a billing clerk at Mercy Medical Center, was charged with identity theft.', value: 'Mercy Medical Center' },
    // a one-word employer counts when it reads as a brand: never written in lower case in the text
    { text: 'The contractor, who worked for Tegut until March, stole customer data and sold it.', value: 'Tegut' },
    // the brand's call centre is named after it
    { text: 'A woman working at the Streamly Call Center stole the credit card details of customers.', value: 'Streamly' },
  ],
  counterExamples: ['She worked for a local clinic before she was charged with fraud.', 'He worked at Acme Corp for ten years and retired in 2019.'],
  // a text without the verb has no match: one cheap look skips the scan of the whole text
  propose: (doc) => (WORK_VERB.test(doc.text) ? objectsOf(doc, WORKED_FOR_KEYED, WORKPLACE, (n, d) => employer(n, d)) : []),
});
