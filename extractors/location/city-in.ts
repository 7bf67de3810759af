// "Thieves break into multiple H&R Block stores in the Miami area"  /  "a hospital in Hamburg"
import { defineRule, span } from '../_shared/kit.ts';
import { calledRegion, cityInDoc, elsewhereBefore, isIncidentDoc, isVictimStory } from './lib/context.ts';
import { attackerBefore, isAttackerContext, inOtherIncident } from './lib/mentions.ts';
import { inNameList, PLACE_RUN } from './lib/phrases.ts';
import { matchesAt } from '../_shared/matches-at.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { prepositionMask, prepositionStarts } from './lib/starts.ts';

// City names are often words or surnames; only a capitalised run right after a place preposition counts,
// and only when the gazetteer and the rest of the text settle which city it is.
const IN_CITY = byWidth(String.raw`\b(?:in|across|throughout|near|outside)\s+(?:the\s+)?(?:city\s+of\s+)?(${PLACE_RUN})`, 'uy');
// tried only after a preposition before a capitalised word (starts.ts)
const PREPOSITIONS = prepositionMask(['in', 'across', 'throughout', 'near', 'outside']);
const CITY_IN = 0.55;

export default defineRule({
  field: 'location',
  examples: [
    { text: 'Thieves broke into several tax offices in the Miami area.', value: { country: 'US', region: null, city: 'Miami' } },
    { text: 'A clinic in Jersey City lost patient files.', value: { country: 'US', region: null, city: 'Jersey City' } },
    { text: 'Hackers hit a clinic in Atlanta, the capital of Georgia.', value: { country: 'US', region: 'Georgia', city: 'Atlanta' } },
    // a region the gazetteer lacks, as the text writes it after the city
    { text: 'Hackers hit the retailer’s head office in Leeds, West Yorkshire, on Monday.', value: { country: 'GB', region: 'West Yorkshire', city: 'Leeds' } },
  ],
  counterExamples: [
    // a separate incident
    'Hackers stole card data from the retailer. In a separate incident, a laptop was stolen from a clinic in Miami.',
    // a story about the public, a product or a trend: a place it merely names is background
    { text: 'Report: ransomware payments keep rising\n\nAnalysts in Chicago traced the bitcoin paid to hackers.', publishedAt: '2018-02-01' },
    'The files were found in Reading material that was stolen.',
    'Hackers in Hamburg claimed it.',
    // one of many places
    'Card data was stolen at its hotels in Lisbon, Munich, Dallas and Perth.',
    'He works in Police matters after the breach.',
    'The breach was disclosed in March.',
    'Hackers breached the firm, a court in London heard.',
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc) || !isVictimStory(doc)) return;
    for (const m of matchesAt(IN_CITY(doc.text), doc.text, prepositionStarts(doc, PREPOSITIONS))) {
      const run = m[1]!.replace(/\.$/, '');
      // "Gloucestershire": an English county name, whatever the gazetteer's city table says
      if (/shire$/.test(run)) continue;
      // asked only of a city: most runs are none, and calledRegion finds the text's unit phrases on its first question
      const place = cityInDoc(doc, run);
      if (!place || calledRegion(doc.text, run)) continue;
      const start = m.index + m[0].length - m[1]!.length;
      const end = start + run.length;
      if (isAttackerContext(doc.text, { start, end }) || attackerBefore(doc.text, m.index) || elsewhereBefore(doc.text, start)) continue;
      if (inOtherIncident(doc.text, { start, end })) continue;
      // "hotels in Biloxi, Cancun, Chicago and Goa": one of many places
      if (inNameList(doc.text, start, end)) continue;
      yield { value: place, confidence: CITY_IN, evidence: [span(doc.text, start, end)] };
    }
  },
});
