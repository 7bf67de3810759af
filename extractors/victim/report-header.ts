// "Cyber Incident Victim: Province de Namur"
import { defineRule, span } from '../_shared/kit.ts';
import { nameAt } from './lib/names.ts';

// incident databases label the victim outright; other keys ("Target:", "Affected organisation:") say the same
const VICTIM_KEY = new RegExp(
  String.raw`^(?:(?:cyber\s+)?(?:incident\s+)?victim(?:\s+name|\s+organi[sz]ation)?|target(?:ed)?(?:\s+organi[sz]ation` +
    String.raw`|\s+entity)?|affected\s+(?:organi[sz]ation|entity|company))$`,
  '',
);
const HEADER_VICTIM = 0.95; // an analyst filled a field named for the victim

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Cyber Incident Victim: Province de Namur\nDate:\nJul 2023\nLocation:\nBelgium', value: 'Province de Namur' },
    { text: 'Victim: Stadtwerke Bochum.\nSector: energy', value: 'Stadtwerke Bochum' },
    { text: 'Targeted organization:\nGemeente Hof van Twente\nSummary: ransomware', value: 'Gemeente Hof van Twente' },
  ],
  counterExamples: [
    'Victim: unknown\nDate: 2021',
    'Threat actor: LockBit\nDate: 2022',
    'Date:\nJul 2023\nLocation:\nBelgium',
    'Victim: a local hospital\nDate: 2020',
  ],
  *propose(doc) {
    for (const [key, h] of doc.headers) {
      if (!VICTIM_KEY.test(key)) continue;
      const name = nameAt(doc, h.start);
      if (!name) continue;
      yield { value: name.value, confidence: HEADER_VICTIM, evidence: [span(doc.text, name.start, name.end)] };
    }
  },
});
