// "a cyberattack against Ville de Lunéville" / "the ransomware attack on the Province de Namur"
import { defineRule } from '../_shared/kit.ts';
import { objectsOf } from './lib/propose.ts';
import { keyed, lowerKey } from './lib/keyed.ts';

// an attack noun with "on"/"against"/"at" takes its target as object; "of" names what was breached
// ("a breach of the Data Protection Act", "breach of PHI") as often as whom, so it is left out
const ATTACK_ON = new RegExp(
  String.raw`\b(?:cyber[\s-]?attacks?|attacks?|cyber[\s-]?incidents?|breach(?:es)?|hacks?|hacking|intrusions?|compromise` +
    String.raw`|ransomware|DDoS|defacement|infiltration|leak|security\s+(?:incident|lapse|event)|data\s+(?:breach|leak|theft)|campaign)\s+(?:(?:on|against` +
    String.raw`|at|targeting|affecting|hitting|into)\s+)(?:the\s+)?(?:(?:computer|IT|email|web|internal)\s+)?(?:(?:systems?|servers?|networks?|website|site` +
    String.raw`|accounts?|databases?)\s+(?:of|at|belonging\s+to)\s+(?:the\s+)?)?`,
  'giu',
);
const ATTACK_ON_KEYED = keyed(ATTACK_ON, lowerKey(ATTACK_ON));
const ATTACK_ON_NAME = 0.7; // the object of an attack noun

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Police are investigating a cyberattack against Ville de Lunéville that shut down its services.', value: 'Ville de Lunéville' },
    { text: 'The ransomware attack on the Province de Namur compromised five servers.', value: 'Province de Namur' },
    { text: 'Officials say an employee database was hacked after a breach at Lexington Medical Center.', value: 'Lexington Medical Center' },
    // a list of common words inside a ministry's name is part of it
    {
      text: 'The attack on the Ministry of Fisheries, Forestry and Wildlife disrupted its licensing services.',
      value: 'Ministry of Fisheries, Forestry and Wildlife',
    },
  ],
  counterExamples: [
    'The attack on a regional hospital was claimed on Monday.',
    'LockBit published a list of attacks on its leak site.',
    'The attack on Monday disrupted services.',
  ],
  propose: (doc) => objectsOf(doc, ATTACK_ON_KEYED, ATTACK_ON_NAME),
});
