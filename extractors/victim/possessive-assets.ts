// "five of Stadtwerke Bochum's servers were encrypted" / "the Province de Namur's network"
import { defineRule } from '../_shared/kit.ts';
import { subjectsOf } from './lib/propose.ts';

// the owner of the systems an attack touched; the trigger starts at the possessive so the name ends there
const ASSETS = new RegExp(
  String.raw`['’\x92]s?\s+(?:(?:entire|internal|own|main|computer|IT|corporate|online|web|email|e-mail|payment|billing|patient|customer` +
    String.raw`|network|file|IT\s+and\s+\w+)\s+){0,2}(?:servers?|systems?|networks?|website|web\s+site|site|databases?|infrastructure|email\s+accounts?|data` +
    String.raw`|records|files|portal)\b`,
  'giu',
);
const OWNS_ASSETS = 0.6; // owning the hit systems is a strong hint, but bystanders own systems too

export default defineRule({
  field: 'victim',
  examples: [
    { text: "Attackers encrypted five of Stadtwerke Bochum's servers overnight.", value: 'Stadtwerke Bochum' },
    { text: 'Hackers got into the Province de Namur’s network and demanded a ransom.', value: 'Province de Namur' },
    // a place that is also a first name opens an organisation's name, not a person's ("Emory Roane of ...")
    {
      text: 'A malicious party hacked into the Virginia Department of Environmental Quality’s website.',
      value: 'Virginia Department of Environmental Quality',
    },
    // a police force is a reporter unless its own systems are what the incident sentence names
    { text: "The Ontario Association of Chiefs of Police's website was defaced by hackers on Friday.", value: 'Ontario Association of Chiefs of Police' },
    // (the dots of a web address end no sentence)
    {
      text: 'The Salt Lake City Police Department’s website, www.slcpd.com, has been taken offline due to a security breach.',
      value: 'Salt Lake City Police Department',
    },
  ],
  counterExamples: [
    "LockBit's servers were seized by police.",
    "The company's systems were restored within a week.",
    "Mandiant's website published the analysis.",
  ],
  propose: (doc) => subjectsOf(doc, ASSETS, OWNS_ASSETS),
});
