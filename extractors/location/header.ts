// "Location: Belgium"  /  "Country: Namur, Belgium"
import { defineRule, span } from '../_shared/kit.ts';
import { isIncidentDoc } from './lib/context.ts';
import { parsePlace } from './lib/parse.ts';

// Incident databases print where the victim is under one of these keys.
const KEYS = ['location', 'country', 'victim country', 'victim location', 'place', 'region', 'targeted country', 'target country'];
const HEADER = 0.95; // an analyst filled in the place
const NOT_A_PLACE = /^(?:unknown|n\/?a|none|global|worldwide|multiple|various|international)$/i;

export default defineRule({
  field: 'location',
  examples: [
    { text: 'Cyber Incident Victim: Province de Namur\nLocation: Belgium\nDate: Jul 2023', value: { country: 'BE', region: null, city: null } },
    { text: 'Location: Namur, Belgium\nThe province was hit by ransomware.', value: { country: 'BE', region: 'Namur', city: null } },
    { text: 'Location: Austin, Texas\nThe city reported an attack.', value: { country: 'US', region: 'Texas', city: 'Austin' } },
  ],
  counterExamples: ['Location: unknown\nNothing else is known.', 'The attackers came from Russia.'],
  *propose(doc) {
    if (!isIncidentDoc(doc)) return;
    for (const key of KEYS) {
      const h = doc.headers.get(key);
      if (!h || NOT_A_PLACE.test(h.value)) continue;
      const place = parsePlace(h.value);
      if (place) yield { value: place, confidence: HEADER, evidence: [span(doc.text, h.start, h.end)] };
    }
  },
});
