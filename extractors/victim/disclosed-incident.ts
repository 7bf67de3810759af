// "Ville de Lunéville confirmed the attack on Tuesday" / "Stadtwerke Bochum said its systems were breached"
import { defineRule, type AnalysedDoc } from '../_shared/kit.ts';
import { forText } from '../_shared/one-byte.ts';
import { subjectsOf } from './lib/propose.ts';
import { nameAfter } from './lib/name-end.ts';
import { isStrongName } from './lib/name-shape.ts';
import { keyed } from './lib/keyed.ts';

// The organisation that speaks about an incident in its own sentence is usually the one it befell;
// the speaker's sentence must name the incident, so an unrelated statement does not count.
// "Pemberton Aerospace, which makes turbine blades, discovered the intrusion": a relative clause on what the
// organisation does may sit between it and its verb (people take "who", and are left out)
const DISCLOSES = new RegExp(
  String.raw`\s*(?:\([^)\n]{1,40}\)\s*)?(?:,\s+which\s[^,;:\n]{1,110},)?,?\s+(?:(?:has|have|had|also|recently|publicly|today` +
    String.raw`|later)\s+){0,2}(?:said|says|confirmed|confirms|disclosed|discloses|announced|announces|notified|notifies|is\s+notifying|began\s+notifying` +
    String.raw`|has\s+begun\s+notifying|acknowledged|acknowledges|admitted|admits|reported|reports|revealed|reveals|warned|warns|informed|informs|alerted` +
    String.raw`|alerts|discovered|discovers|learned|detected|became\s+aware|is\s+investigating|is\s+alerting|is\s+warning|is\s+informing` +
    String.raw`|is\s+responding\s+to|is\s+recovering\s+from)\b`,
  'giu',
);
// every match holds its bracket, its ", which" clause or its verb, with at most five pieces before the verb ("," two
// adverbs, "has begun"): it is sought only around those (keyed.ts)
const DISCLOSES_KEYED = keyed(DISCLOSES, {
  words: new RegExp(
    String.raw`\(|,\s+which\s|\b(?:said|says|confirm(?:ed|s)|disclos(?:ed|es)|announc(?:ed|es)|notif(?:ied|ies|ying)|acknowledg(?:ed|es)` +
      String.raw`|admit(?:ted|s)|report(?:ed|s)|reveal(?:ed|s)|warn(?:ed|s|ing)|inform(?:ed|s|ing)|alert(?:ed|s|ing)|discover(?:ed|s)|learned|detected` +
      String.raw`|aware|investigating|responding|recovering)`,
    'g',
  ),
  pieces: 5,
});
const INCIDENT = new RegExp(
  String.raw`\b(?:cyber[\s-]?attack|attack(?:ed|s)?|breach(?:ed|es)?|hack(?:ed|ers?|ing)?|intrusions?|ransomware|malware` +
    String.raw`|unauthori[sz]ed|compromised?|incidents?|stolen|theft|leak(?:ed|s)?|exposed|phishing|DDoS|encrypted|skimm(?:er|ers|ing)|lost|missing` +
    String.raw`|inadvertently|mistakenly|improperly)\b`,
  'iu',
);
const incidentSentence = (doc: AnalysedDoc, m: RegExpExecArray) => {
  const s = doc.sentenceAt(m.index);
  if (!s) return INCIDENT.test('');
  const memo = doc.once('victim/disclosed-incident-sentences', () => new Map<number, boolean>());
  let v = memo.get(s.index);
  if (v === undefined) memo.set(s.index, (v = forText(INCIDENT, doc.text).test(s.text)));
  return v;
};
const SAID_INCIDENT = 0.65; // the speaker of an incident sentence; reporters and vendors speak too

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'On Tuesday, Ville de Lunéville confirmed the cyberattack that paralysed its services.', value: 'Ville de Lunéville' },
    { text: 'Weeks later Stadtwerke Bochum said its systems had been breached by unknown attackers.', value: 'Stadtwerke Bochum' },
    { text: 'Earlier, Tufts Health Plan warned subscribers that personal information was stolen.', value: 'Tufts Health Plan' },
    { text: 'Last week St. Marks Medical Center in LaGrange, Texas notified 2,988 patients of a breach.', value: 'St. Marks Medical Center' },
    { text: 'Harwell Tooling, which makes moulds at its plant in Leeds, discovered the intrusion in October.', value: 'Harwell Tooling' },
    // the acronym stands for the name before it, legal form included
    {
      text: 'Files were taken from the offices of Larkin Credit Management Corp. in March. LCMC said the stolen files held loan data.',
      value: 'Larkin Credit Management',
    },
  ],
  counterExamples: [
    'Emsisoft said the attack was one of many against schools.',
    'Brett Callow, a threat analyst, said the breach was serious.',
    'Acme Corp said its quarterly revenue rose by 5 percent.',
    'Sophos researchers said LockBit confirmed the attack.',
    'The breach was contained quickly, Metcalf said.',
    'Brett Callow, who tracks ransomware at a security firm, said the breach was serious.',
  ],
  // the word before the trigger is looked at first (most speakers are "he", "officials", "the company"), then the
  // trigger's sentence (once per sentence): most speakers say nothing of an incident, and need no name
  propose: (doc) =>
    subjectsOf(
      doc,
      DISCLOSES_KEYED,
      SAID_INCIDENT,
      (name) => isStrongName(name),
      (d, m) => nameAfter(d, m) && incidentSentence(d, m),
    ),
});
