// "The hackers targeted the firm's servers, encrypting 40 of them."
import { defineRule, matches, span } from '../_shared/kit.ts';
import { NUMBER_SOURCE, parseNumber } from '../_shared/numbers.ts';
import { INCIDENT } from './lib/count.ts';

const OF_THEM = new RegExp(String.raw`\b(?:all\s+but\s+)?(?<n>${NUMBER_SOURCE})\s+of\s+them\b`, 'gi');
const SERVERS_BEFORE = /\bservers\b/i;

const OF_THEM_COUNT = 0.65; // "them" must be read back to the servers of an earlier clause

export default defineRule({
  field: 'serverCount',
  examples: [
    { text: 'The hackers targeted the firm’s servers, encrypting 40 of them.', value: 40 },
    { text: 'The attackers went after the council’s servers. Six of them were wiped.', value: 6 },
  ],
  counterExamples: ['The company has many servers; 40 of them are in Ireland.', 'Hackers stole the records of patients, and 40 of them have complained.'],
  *propose(doc) {
    const { text } = doc;
    if (!/servers/i.test(text) || !/of them/i.test(text)) return;
    for (const s of doc.sentences) {
      for (const m of matches(OF_THEM, s.text)) {
        if (/^all\s+but/i.test(m[0])) continue;
        const prev = doc.sentences[s.index - 1]?.text ?? '';
        const lead = s.text.slice(0, m.index);
        // "them" reads back to servers named earlier in this sentence, or in the one before when it opens the sentence
        const antecedent = SERVERS_BEFORE.test(lead) ? lead : lead.trim() === '' ? prev : '';
        if (!SERVERS_BEFORE.test(antecedent) || !INCIDENT.test(s.text)) continue;
        const value = parseNumber(m.groups!.n!);
        if (value == null || !Number.isInteger(value) || value < 1) continue;
        const start = s.start + m.index;
        yield { value, confidence: OF_THEM_COUNT, evidence: [span(text, start, start + m[0].length)] };
      }
    }
  },
});
