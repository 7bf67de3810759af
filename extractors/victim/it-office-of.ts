// "the phones started ringing in the IT office of the Hôpital de Cannes Simone-Veil" / "the one-person
// "IT department" at Kettle & Crumb, the little coffee roaster"
import { defineRule, type AnalysedDoc } from '../_shared/kit.ts';
import { objectsOf } from './lib/propose.ts';
import { isKnownOrganisation } from './lib/words.ts';
import { isStrongName, type VictimName } from './lib/name-shape.ts';
import { inIncidentTalk, talksIncident } from './lib/context.ts';

// A story told from inside an incident names the organisation through the people who had to handle it:
// its IT office, its tech team. An outside commentator is "a researcher at", never the IT department.
const IT = String.raw`(?:IT|I\.T\.|[Ii]nformation\s+[Tt]echnology|[Tt]ech(?:nology)?|[Cc]omputer)`;
const UNIT =
  String.raw`(?:office|department|dept\.?|team|staff|desk|director|manager|chief|head|lead|administrator|admin|specialist|person|guy|people` +
  String.raw`|services|unit)s?`;
const IT_OF = new RegExp(String.raw`\b${IT}\s+${UNIT}["”\x94'’\x92]?,?\s+(?:at|of|for)\s+(?:the\s+)?`, 'gu');
const IT_OFFICE = 0.55; // whose IT people deal with the attack; a supplier's IT staff can be named this way too

// a first-person account sets the scene before the attack ("Tom here, the IT department at …"): the
// incident may come several sentences on, or only in the title
const REACH = [2, 5, 8]; // sentences ahead; each check covers its neighbours too
const incidentNear = (doc: AnalysedDoc, pos: number) => {
  if (inIncidentTalk(doc, pos) || (doc.title && talksIncident(doc.title))) return true;
  const s = doc.sentenceAt(pos);
  return (
    !!s &&
    REACH.some((k) => {
      const later = doc.sentences[s.index + k];
      return !!later && inIncidentTalk(doc, later.start);
    })
  );
};
const organisation = (n: VictimName, doc: AnalysedDoc) => (isStrongName(n) || isKnownOrganisation(n.value)) && incidentNear(doc, n.start);

export default defineRule({
  field: 'victim',
  examples: [
    {
      text: 'The phones rang in the IT office of the Hôpital de Cannes Simone-Veil at midnight. The ransomware had encrypted the servers.',
      value: 'Hôpital de Cannes Simone-Veil',
    },
    { text: 'I am the one-person "IT department" at Kettle & Crumb, the little coffee roaster. Hackers wiped our database.', value: 'Kettle & Crumb' },
    { text: 'The technology team at Harrow & Finch noticed the ransomware attack on Sunday.', value: 'Harrow & Finch' },
  ],
  counterExamples: [
    'The IT department of a regional hospital was hit by ransomware.',
    'The IT office of Acme Industries moved to a new building in March.',
    'Brett Callow, a threat analyst at Emsisoft, said the ransomware gang was active.',
  ],
  propose: (doc) => objectsOf(doc, IT_OF, IT_OFFICE, (n, d) => organisation(n, d)),
});
