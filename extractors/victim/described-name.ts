// "Estate agent Foxtons is currently investigating a possible data breach" / "Mumbai-based Chtrbox"
import { defineRule } from '../_shared/kit.ts';
import { objectsOf } from './lib/propose.ts';
import { inIncidentPassage } from './lib/context.ts';

// ("agency" is left out: news describes the investigating agency that way too, "cyber agency ANSSI")
// News introduces a little-known victim with a lower-case description of what it is right before its name
const DESCRIBED = new RegExp(
  String.raw`(?:\b(?:company|firm|provider|retailer|giant|chain|bank|insurer|operator|maker|manufacturer|startup|start-up` +
    String.raw`|platform|service|website|app|developer|vendor|carrier|agent|broker|lender|publisher|hospital|clinic|outlet|brand|owner|district|network` +
    String.raw`|supplier|contractor|distributor|processor|marketplace|exchange|registrar|host|airline|band|shop|watchdog|wallet|station|behemoth|charity` +
    String.raw`|newspaper|broadcaster|casino|hotel|restaurant|club)|[\p{L}]-based),?[ \t]+(?=\p{Lu})`,
  'gu',
);
const DESCRIBED_NAME = 0.6; // a described organisation in incident talk; partners are described too

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Estate agent Foxtons is currently investigating a possible data breach.', value: 'Foxtons' },
    // a list of specialties closing on an organisation noun is one practice's name
    {
      text: 'Patients were hit by a data breach at US healthcare provider Texas Ear, Nose and Throat Specialists (Texas ENT).',
      value: 'Texas Ear, Nose and Throat Specialists',
    },
    { text: 'Hackers stole data from Mumbai-based Chtrbox, a social media company.', value: 'Chtrbox' },
    { text: 'A database belonging to marketing automation platform provider Maropost Inc. has been found exposed online.', value: 'Maropost' },
    { text: 'Budget airline GoAir has filed a suit against its former CEO, accusing him of data theft.', value: 'GoAir' },
    { text: 'Health care provider Westfield Physicians Group has notified patients of a data breach.', value: 'Westfield Physicians Group' },
    // the incident is told two sentences before the name
    {
      text:
        'A database of 300,000 voters was left exposed online. It held names and ID numbers. The database was kept by software developer Kubrix Solutions ' +
        'for local councils.',
      value: 'Kubrix Solutions',
    },
  ],
  counterExamples: [
    'Berlin-based Kubrix raised 20 million euros in a funding round.',
    'The insurer Humana reported higher profits.',
    // the incident is told too far away to be about the company
    'A database of voters was left exposed online. The mayor spoke on Monday. The council met on Tuesday. Parking fees will rise. The budget was approved. ' +
      'Software developer Kubrix Solutions won a new contract.',
    // an outlet or a security site reports the breach
    'Entertainment news website Gossipline first reported Monday that celebrity credit files had been stolen.',
    'Online security website Vulnwatch.org today revealed a data leak at a large retailer.',
    // a vendor serving the organisation whose records it held
    'Patient notes went online, and the clinic has fired third-party vendor Scribewell after the leak.',
    'UMHS vendor Omnicare said a laptop with patient records was stolen from a car.',
  ],
  propose: (doc) => objectsOf(doc, DESCRIBED, DESCRIBED_NAME, (n, d) => inIncidentPassage(d, n.start)),
});
