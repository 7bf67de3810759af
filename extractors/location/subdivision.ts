// "The Province of Namur was the victim of a cyberattack"  /  "a hospital in Ontario"
import { defineRule, span } from '../../src/pipeline/rule.ts';
import { uniqueSubdivision } from '../_shared/location-gazetteer.ts';
import { attackerBefore, isAttackerContext } from '../_shared/location-mentions.ts';
import { PLACE_RUN } from '../_shared/location-phrases.ts';

// US states have their own rule; here any other country's provinces, regions and states.
const UNIT = String.raw`(?:Province|Region|State|County|Canton|Department|Prefecture|Oblast|Voivodeship|Land|Provincia|Région|Département)\s+(?:of|de|du|di|del|des|d['’])\s*`;
const PLACE = new RegExp(String.raw`(?:\b(${UNIT})|\b(?:in|across|throughout|of)\s+)(${PLACE_RUN})`, 'gu');
const NAMED_UNIT = 0.8; // "Province of Namur": the text says it is a subdivision
const IN_SUBDIVISION = 0.6; // "in Ontario": a unique subdivision name after a preposition

export default defineRule({
  field: 'location',
  examples: [
    { text: 'The Province of Namur was the victim of a significant cyberattack.', value: { country: 'BE', region: 'Namur', city: null } },
    { text: 'A hospital in Ontario said patient records were stolen.', value: { country: 'CA', region: 'Ontario', city: null } },
  ],
  counterExamples: ['A hospital in Texas said records were stolen.', 'Hackers in Ontario claimed the attack.', 'The Department of Health said records were stolen.'],
  *propose(doc) {
    PLACE.lastIndex = 0;
    for (let m = PLACE.exec(doc.text); m; m = PLACE.exec(doc.text)) {
      const run = m[2]!.replace(/\.$/, '');
      const sub = uniqueSubdivision(run);
      if (!sub || sub.country === 'US') continue;
      const start = m.index + m[0].length - m[2]!.length;
      const end = start + run.length;
      if (isAttackerContext(doc.text, { start, end }) || attackerBefore(doc.text, m.index)) continue;
      yield {
        value: { country: sub.country, region: sub.name, city: null },
        confidence: m[1] ? NAMED_UNIT : IN_SUBDIVISION,
        evidence: [span(doc.text, m[1] ? m.index : start, end)],
      };
    }
  },
});
