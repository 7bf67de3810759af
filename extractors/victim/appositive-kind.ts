// "U.S. HealthWorks, a California-based health care service provider, recently alerted employees to a data breach"
import { defineRule } from '../_shared/kit.ts';
import { subjectsOf } from './lib/propose.ts';
import { nameAfter } from './lib/name-end.ts';
import { inIncidentPassage } from './lib/context.ts';

// News introduces a little-known victim by its name and then, between commas, what kind of organisation
// it is. The kind noun must be an organisation's, so "John Smith, a spokesman" does not count.
const KIND =
  String.raw`(?:company|corporation|firm|provider|retailer|chain|bank|insurer|operator|maker|manufacturer|startup|start-up|platform|service` +
  String.raw`|website|site|forum|portal|app|application|developer|vendor|carrier|broker|lender|publisher|hospital|clinic|practice|school|university` +
  String.raw`|college|charity|organi[sz]ation|non-?profit|agency|association|authority|district|network|supplier|distributor|marketplace|exchange` +
  String.raw`|registrar|host|giant|store|group|business|centre|center|outlet|community|service\s+provider|municipality|council|newspaper|magazine` +
  String.raw`|broadcaster|airline|utility|hotel|restaurant|pharmacy|laboratory|lab)`;
// "Hanatour, South Korea's largest travel agency": a country's or city's possessive stands for the article
const APPOSITIVE = new RegExp(
  String.raw`['’\x92]?,\s+(?:a|an|the|one\s+of\s+the|\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?['’\x92]s)\s+(?:[\w.'’\x92-]+\s+){0,6}?${KIND}s?` +
    String.raw`\b(?!\s+(?:of|for)\b)`,
  'giu',
);
const DESCRIBED_APPOSITIVE = 0.6; // a name described as an organisation, in incident talk; partners get described too

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'U.S. HealthWorks, a California-based health care service provider, recently alerted employees to a data breach.', value: 'U.S. HealthWorks' },
    { text: 'A hacker has put up for sale the details of 40 million users registered on Wishbone, a popular mobile app.', value: 'Wishbone' },
    {
      text: 'As the researchers detailed, the exposed database belonged to Neoclinical, an Australia-based company that matches patients.',
      value: 'Neoclinical',
    },
    { text: 'Last month, Tourvia, Japan’s largest travel agency, suffered a ransomware attack.', value: 'Tourvia' },
    // user data is what leaks
    { text: 'Mailora, an email provider, had the user data of 600,000 accounts sold on a forum.', value: 'Mailora' },
  ],
  counterExamples: [
    // a sentence adverb opening the sentence
    'Hackers leaked police files on Friday. Additionally, the group, a loose collective, took down several domains.',
    // a sentence adverb before its comma
    'Patient files were found in a dumpster. Apparently, the dentist hired a shredding company that never came.',
    // a vendor hired by the organisation whose records it lost
    'The laptop was lost by an employee of Hummingwire, a software company hired to digitise the loan files.',
    // the surname alone is given an age elsewhere: a person
    'The charges against Canh Oxelson, the head of college counseling at Horace Mann, were dropped after the leak. Oxelson, 43, had been accused of extortion.',
    'Brett Callow, a threat analyst at a security firm, said the breach was serious.',
    'Softpedia has received a sample of the leaked data from HEROIC, a cybersecurity startup.',
    'Kubrix, a Berlin-based startup, raised 20 million euros in a funding round.',
    'Tourvia, Japan’s largest travel agency, reported record bookings this summer.',
  ],
  propose: (doc) => subjectsOf(doc, APPOSITIVE, DESCRIBED_APPOSITIVE, (n, d) => inIncidentPassage(d, n.start), nameAfter),
});
