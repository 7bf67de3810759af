// "usernames and passwords from a Russian internet giant called Rambler.ru were leaked online"
import { defineRule } from '../_shared/kit.ts';
import { objectsOf } from './lib/propose.ts';
import { keyed, lowerKey } from './lib/keyed.ts';
import { inIncidentPassage } from './lib/context.ts';
import { isNameLike } from './lib/lone.ts';

// News introduces an organisation its readers do not know by what it is, then "called" or "named" and its
// name; in an incident story that is most often the one the story is about. ("group", "network" and
// "vendor" are left out: hacker crews and the suppliers that leaked a client's data are introduced so.)
const KIND =
  String.raw`(?:company|corporation|firm|business|provider|retailer|chain|bank|insurer|operator|maker|startup|start-up|platform|service|website` +
  String.raw`|web\s+site|site|forum|portal|app|application|developer|broker|lender|publisher|hospital|clinic|practice|school|charity|agency|marketplace` +
  String.raw`|exchange|giant|store|shop|centre|center|facility|outlet|newspaper|airline|hotel|restaurant|pharmacy|laboratory|lab|parent)`;
const CALLED = new RegExp(String.raw`\b${KIND}s?,?\s+(?:called|named|known\s+as|dubbed)\s+(?:the\s+)?["“\x93']?`, 'giu');
const NAMING = /called|named|known|dubbed/iu; // what every match of CALLED holds
// opening on its kind nouns, the trigger is its own key: sought in the lower-cased text, no case folding (keyed.ts)
const CALLED_KEYED = keyed(CALLED, lowerKey(CALLED));
const CALLED_NAME = 0.55; // a described organisation introduced by name, in incident talk; a partner is introduced so too

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Millions of usernames and passwords from a Russian internet giant called Rambler.ru were leaked online.', value: 'Rambler.ru' },
    { text: 'A flaw let hackers find the exact location of users of a popular dating application called Tinder.', value: 'Tinder' },
    { text: 'More than 3 million user records tied to a medical software company called Adit have been found exposed online.', value: 'Adit' },
    { text: 'Hackers stole patient data from a clinic named Sutherland Family Practice in Ohio.', value: 'Sutherland Family Practice' },
    { text: 'Millions of passwords from a Polish web portal called Onetix have surfaced online.', value: 'Onetix' },
  ],
  counterExamples: [
    'The startup called Kubrix raised 20 million euros in a funding round.',
    'A hospital called the police after a laptop went missing.',
    'The site was defaced by a hacker group called Black Angels.',
  ],
  // a text without the naming verb has no match: one cheap look skips the scan of the whole text for the kind nouns
  propose: (doc) => (NAMING.test(doc.text) ? objectsOf(doc, CALLED_KEYED, CALLED_NAME, (n, d) => isNameLike(d, n) && inIncidentPassage(d, n.start)) : []),
});
