// "Thieves break into multiple H&R Block stores in the Miami area"  /  "a hospital in Hamburg"
import { defineRule, span } from '../../src/pipeline/rule.ts';
import { uniqueCity } from '../_shared/location-gazetteer.ts';
import { attackerBefore, isAttackerContext, namedCountries } from '../_shared/location-mentions.ts';
import { PLACE_RUN } from '../_shared/location-phrases.ts';

// City names are often words or surnames; only a capitalised run right after a place preposition counts,
// and only when the gazetteer gives it one country (or the text names one of its countries).
const IN_CITY = new RegExp(String.raw`\b(?:(?:in|across|throughout|near|outside)\s+(?:the\s+)?(?:city\s+of\s+)?|(?:City|Town|Village|Borough|Municipality|Comune|Stadt|Gemeente|Ayuntamiento|Commune|Ville)\s+(?:of|de|di|du)\s+)(${PLACE_RUN})`, 'gu');
const CITY_IN = 0.55;

export default defineRule({
  field: 'location',
  examples: [
    { text: 'Thieves broke into several tax offices in the Miami area.', value: { country: 'US', region: null, city: 'Miami' } },
    { text: 'The City of Baltimore remains crippled by a ransomware attack.', value: { country: 'US', region: null, city: 'Baltimore' } },
    { text: 'A clinic in Jersey City lost patient files.', value: { country: 'US', region: 'New Jersey', city: 'Jersey City' } },
  ],
  counterExamples: ['The files were found in Reading material.', 'Hackers in Hamburg claimed it.', 'He works in Police matters.'],
  *propose(doc) {
    IN_CITY.lastIndex = 0;
    for (let m = IN_CITY.exec(doc.text); m; m = IN_CITY.exec(doc.text)) {
      const run = m[1]!.replace(/\.$/, '');
      const place = uniqueCity(run, namedCountries(doc));
      if (!place) continue;
      const start = m.index + m[0].length - m[1]!.length;
      const end = start + run.length;
      if (isAttackerContext(doc.text, { start, end }) || attackerBefore(doc.text, m.index)) continue;
      yield { value: place, confidence: CITY_IN, evidence: [span(doc.text, start, end)] };
    }
  },
});
