// "EasyDraft, which processes payments for Bright Horizons Family Solutions, began notifying Bright Horizons customers"
import { defineRule, type AnalysedDoc } from '../_shared/kit.ts';
import { objectsOf } from './lib/propose.ts';
import { keyed, lowerKey } from './lib/keyed.ts';
import { isKnownOrganisation } from './lib/words.ts';
import { isStrongName, type VictimName } from './lib/name-shape.ts';
import { inIncidentPassage } from './lib/context.ts';

// When a processor, vendor or contractor leaks data, the incident is coded against the organisation whose
// customers or patients it served: the one named after "on behalf of", "processes payments for", "vendor for".
const SERVED = new RegExp(
  String.raw`\b(?:on\s+behalf\s+of|(?:processes|processed|processing|handles|handled|handling|manages|managed|managing|hosts|hosted` +
    String.raw`|hosting|stores|stored|provides|provided)\s+(?:[\w-]+\s+){0,3}?for|(?:vendor|contractor|subcontractor|supplier|processor|business\s+associate` +
    String.raw`|third[\s-]party\s+(?:vendor|provider|company))\s+(?:for|to|of|working\s+for|used\s+by|hired\s+by|contracted\s+by))\s+(?:the\s+)?`,
  'giu',
);
const SERVED_KEYED = keyed(SERVED, lowerKey(SERVED));
const SERVED_CLIENT = 0.7; // the client of whoever mishandled the data

const client = (n: VictimName, doc: AnalysedDoc) => (isStrongName(n) || isKnownOrganisation(n.value)) && inIncidentPassage(doc, n.start);

export default defineRule({
  field: 'victim',
  examples: [
    {
      text: 'EasyDraft, which processes payments for Bright Horizons Family Solutions, began notifying customers that their bank data was exposed.',
      value: 'Bright Horizons Family Solutions',
    },
    { text: 'Web stores hosted by a third party vendor on behalf of Mission Linen Supply were infected with malware.', value: 'Mission Linen Supply' },
  ],
  counterExamples: [
    'The vendor for a regional hospital lost a laptop.',
    'Acme Payments processes payments for Globex Corporation and reported record revenue.',
  ],
  propose: (doc) => objectsOf(doc, SERVED_KEYED, SERVED_CLIENT, (n, d) => client(n, d)),
});
