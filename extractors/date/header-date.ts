// "Date:\nJul 2023"  /  "Incident Date: 2023-07-14"  (report headers of incident databases)
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import * as chrono from 'chrono-node/en'; // the root's casual parser, without its other languages
import { pad } from './lib/iso.ts';
import { parseDates } from './lib/chrono.ts';

const HEADER_DATE = 0.9; // a database field made to hold the incident date
const KEYS = ['date', 'incident date', 'date of incident', 'date of attack', 'attack date', 'breach date', 'date of breach', 'date occurred', 'occurred'];
const YEAR_ONLY = /^\s*((?:19|20)\d\d)\s*$/;

function parse(value: string): string | undefined {
  const y = firstMatch(YEAR_ONLY, value);
  if (y) return y[1];
  const r = parseDates(chrono.casual, value, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 })[0];
  if (!r || !r.start.isCertain('year') || !r.start.isCertain('month')) return undefined;
  const ym = `${r.start.get('year')}-${pad(r.start.get('month')!)}`;
  return r.start.isCertain('day') ? `${ym}-${pad(r.start.get('day')!)}` : ym;
}

export default defineRule({
  field: 'date',
  examples: [
    { text: 'Cyber Incident Victim: Province de Namur\nDate:\nJul 2023\nLocation:\nBelgium', value: '2023-07' },
    { text: 'Victim: Acme Corp\nDate: 2023-07-14\n', value: '2023-07-14' },
    { text: 'Incident date: 14 July 2023\nSummary: servers were encrypted.', value: '2023-07-14' },
    { text: 'Date: 2019\nThe firm was hacked.', value: '2019' },
  ],
  counterExamples: ['Date: unknown\nThe firm was hacked.', 'Published: July 14, 2023\nThe firm was hacked.'],
  *propose(doc) {
    for (const key of KEYS) {
      const h = doc.headers.get(key);
      const value = h && parse(h.value);
      if (h && value) yield { value, confidence: HEADER_DATE, evidence: [span(doc.text, h.start, h.end)], role: 'incident' };
    }
  },
});
