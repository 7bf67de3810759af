// "27.7 million Texas drivers exposed in Vertafore data breach" / "the Equifax hack"
import { defineRule } from '../_shared/kit.ts';
import { subjectsOf } from './lib/propose.ts';
import { nameAfter } from './lib/name-end.ts';
import { keyed } from './lib/keyed.ts';
import { isKnownOrganisation } from './lib/words.ts';
import { isPlace, isStrongName, type VictimName } from './lib/name-shape.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const MIXED_CASE_OR_DOMAIN = /[a-z][A-Z]|\.\p{L}{2,}$/u;

// news names an incident after whom it befell, the name standing as a modifier before the incident noun
const INCIDENT_NOUN = new RegExp(
  String.raw`(?<=[\p{L}\d.])(?:['’\x92]s?)?\s+(?:(?:data|security|cyber|privacy|email|e-mail|ransomware|website|network|system` +
    String.raw`|systems|server|database|forums?|customer|patient|payment|card|credit\s+card|malware|insider|phishing|hacking)\s+){0,2}(?:breach|leak|hack` +
    String.raw`|cyber-?attack|attack|incident|intrusion|compromise|heist|theft|exposure|snafu|blunder|mishap)\b(?!\s+(?:on|against|targeting)\b)`,
  'giu',
);
// every match holds an incident noun, after at most 5 pieces ("'s" and two modifiers of up to two words); white space
// stands right before the noun, so it is sought at word starts only (\b fails inside a word at once)
const INCIDENT_NOUN_KEYED = keyed(INCIDENT_NOUN, {
  words: /\b(?:breach|leak|hack|cyber|attack|incident|intrusion|compromise|heist|theft|exposure|snafu|blunder|mishap)/g,
  pieces: 6,
});
const NAMED_INCIDENT = 0.4; // the organisation an incident is named after; tools and operations are named so too

// a lone unknown word must come back elsewhere in the text to count as a name: a second copy after the end of the first
// (as text.split(v) counts copies, without an array of the text's pieces)
const repeated = (text: string, v: string) => {
  const first = text.indexOf(v);
  return first >= 0 && text.indexOf(v, first + v.length) >= 0;
};
const victimLike = (n: VictimName, doc: { text: string }) =>
  !isPlace(n.value) && (isStrongName(n) || isKnownOrganisation(n.value) || MIXED_CASE_OR_DOMAIN.test(n.value) || repeated(doc.text, n.value));

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Info of 27.7 million Texas drivers exposed in Vertafore data breach. Vertafore blames human error.', value: 'Vertafore' },
    { text: 'Customers are still counting the cost of the Stadtwerke Bochum ransomware attack.', value: 'Stadtwerke Bochum' },
    { text: 'Vixlet leak affecting more than 377,000 fans. Vixlet said it fixed the flaw.', value: 'Vixlet' },
    { text: 'Experts reviewed the Tufts Health Plan breach last week.', value: 'Tufts Health Plan' },
  ],
  counterExamples: [
    'The LockBit ransomware attack was claimed on Monday.',
    'A massive data breach hit a hospital.',
    'Russian hackers launched a DDoS attack on banks.',
    'The Monday attack disrupted services.',
  ],
  propose: (doc) => subjectsOf(doc, INCIDENT_NOUN_KEYED, NAMED_INCIDENT, (n, d) => victimLike(n, d), nameAfter),
});
