// "The City of Baltimore remains crippled"  /  "Gloucester City Council"  /  "the Port of Nagoya"  /  "Ayuntamiento de Jerez de la Frontera"
import { defineRule, span } from '../_shared/kit.ts';
import { cityInDoc, isIncidentDoc, isVictimStory } from './lib/context.ts';
import { inNameList, PLACE_RUN, PLACE_RUN_LAZY } from './lib/phrases.ts';
import { inOtherIncident } from './lib/mentions.ts';
import { matchesAt } from '../_shared/matches-at.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { startsBefore, wordsAfter } from './lib/starts.ts';

// An organisation named after its town says the name is a town, even when it is also an ordinary word.
const PARTICLE = String.raw`(?:de\s+la|de|del|di|du|do|da|upon|on|am|an\s+der|im|sur)`;
const NAME = String.raw`${PLACE_RUN}(?:\s+${PARTICLE}\s+${PLACE_RUN})?`;
const NAME_BEFORE_WORD = String.raw`${PLACE_RUN_LAZY}`;
const BEFORE =
  String.raw`(?:City|Town|Village|Borough|Municipality|Port|University|Universit(?:ät|at|é|à)|Hospital(?:\s+Cl[ií]nic)?|H[ôo]pital|Ayuntamiento` +
  String.raw`|Comune|Commune|Ville|Stadt|Landeshauptstadt|Gemeente|Mairie|Porto)(?:\s+(?:of|de|di|du|do|da|d['’\x92]))?\s+`;
const AFTER =
  String.raw`\s+(?:City\s+Council|County\s+Council|Borough\s+Council|Town\s+Council|Council|Police\s+Department|Fire\s+Department` +
  String.raw`|Public\s+Schools|City\s+Schools|School\s+District|Unified\s+School\s+District|City\s+Hall|kommune|Municipality|Water\s+Authority` +
  String.raw`|Housing\s+Authority)\b`;
// "Boston University", "Denver Medical Center": named after a town more often than not, but also after people ("Howard University")
const AFTER_INSTITUTION = String.raw`\s+(?:University|College|Medical\s+Center|Medical\s+Centre|General\s+Hospital|Hospital)\b`;
const ORG = byWidth(String.raw`\b${BEFORE}(${NAME})|(?<![\p{L}\p{N}]|(?:and|&)\s)(${NAME_BEFORE_WORD})(?:${AFTER}|(${AFTER_INSTITUTION}))`, 'uy');
// ORG is tried only where a word of BEFORE is written and at the capitalised words whose run meets a first word of AFTER or
// AFTER_INSTITUTION (starts.ts)
const BEFORE_WORDS = (
  'City Town Village Borough Municipality Port Universit Hospital Hôpital Hopital Ayuntamiento Comune Commune Ville Stadt Landeshauptstadt ' + 'Gemeente Mairie'
).split(' ');
const AFTER_WORDS = wordsAfter(
  'City County Borough Town Council Police Fire Public School Unified kommune Municipality Water Housing University College Medical General Hospital'.split(
    ' ',
  ),
);
function orgStarts(doc: Parameters<typeof cityInDoc>[0]): number[] {
  const text = doc.text;
  const out = startsBefore(doc, AFTER_WORDS);
  for (const w of BEFORE_WORDS) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) out.push(at);
  return [...new Set(out)].sort((a, b) => a - b);
}
// A word every match holds (the pattern opens at every capital): a text without one is not searched.
const ORG_WORD = new RegExp(
  String.raw`City|Town|Village|Borough|Municipality|Port|Universit|Hospital|H[ôo]pital|Ayuntamiento|Comune|Commune|Ville|Stadt|stadt|Gemeente` +
    String.raw`|Mairie|Council|Department|Schools|School|kommune|Authority|College|Medical`,
);
const CITY_ORGANISATION = 0.85;

/** Longest part of the run that is a city known to the gazetteer ("Jerez de la Frontera", not "Jerez"; "Gloucester" in "The Gloucester"). */
function cityHead(doc: Parameters<typeof cityInDoc>[0], run: string, sure: boolean) {
  const words = run.replace(/['’\x92]s$/, '').split(/\s+/);
  for (let n = words.length; n > 0; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const name = words.slice(i, i + n).join(' ');
      const place = cityInDoc(doc, name, sure);
      if (place) return { name, offset: words.slice(0, i).join(' ').length + (i ? 1 : 0), place };
    }
  }
  return undefined;
}

export default defineRule({
  field: 'location',
  examples: [
    { text: 'The City of Baltimore remains crippled by a ransomware attack.', value: { country: 'US', region: null, city: 'Baltimore' } },
    { text: 'Gloucester City Council in Gloucestershire was hacked.', value: { country: 'GB', region: null, city: 'Gloucester' } },
    {
      text: 'The Ayuntamiento de Jerez de la Frontera said hackers encrypted its files.',
      value: { country: 'ES', region: null, city: 'Jerez de la Frontera' },
    },
    { text: 'Hackers hit the Port of Nagoya in Aichi.', value: { country: 'JP', region: 'Aichi', city: 'Nagoya' } },
    { text: 'A Boston University server in Massachusetts was compromised.', value: { country: 'US', region: 'Massachusetts', city: 'Boston' } },
  ],
  counterExamples: [
    // an earlier incident the story recalls: that victim's town is not this one's
    'Hackers encrypted a school’s files. It was just a year ago that Denver General Hospital made national headlines by paying a ransom.',
    // a story about the public, a product or a trend: a place it merely names is background
    { text: 'Phishing scam targets students\n\nThe University of Chicago warned students about fake emails that steal passwords.', publishedAt: '2018-02-01' },
    'Hackers attacked the City of Nowhereville.',
    'Hackers hit Redcar and Cleveland Borough Council, an English council.',
    'Howard University was hit by ransomware.',
    // one name in a list of many users of a product
    'The database is used by Acme, Globex, City of Dallas, Initech and others, but the breach hit a gaming site.',
  ],
  *propose(doc) {
    if (!ORG_WORD.test(doc.text) || !isIncidentDoc(doc) || !isVictimStory(doc)) return;
    const found = matchesAt(ORG(doc.text), doc.text, orgStarts(doc));
    for (const m of found) {
      const run = m[1] ?? m[2]!;
      const hit = cityHead(doc, run, !m[3]);
      // the organisation word may open the next name ("…from Spain. Hospital Clínic de Barcelona")
      if (!hit) {
        found.continueAt(m.index + 1);
        continue;
      }
      const start = m[1] ? m.index + m[0].length - run.length : m.index;
      // "customers from MetLife, LinkedIn, City of Chicago, Expedia": one name in a list of many
      if (inNameList(doc.text, m.index, m.index + m[0].length)) continue;
      // "months ago, Anytown Hospital made headlines by paying": an earlier incident, not this one's victim
      if (inOtherIncident(doc.text, { start, end: start + run.length })) continue;
      yield { value: hit.place, confidence: CITY_ORGANISATION, evidence: [span(doc.text, start + hit.offset, start + hit.offset + hit.name.length)] };
    }
  },
});
