// "The hackers targeted the firm's servers, encrypting 40 of them."
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { NUMBER_SOURCE, parseNumber } from '../_shared/numbers.ts';
import { FAIL, INCIDENT, UNSURE, nextNumberStart, numberThen } from './lib/count.ts';

const OF_THEM = new RegExp(String.raw`\b(?:all\s+but\s+)?(?<n>${NUMBER_SOURCE})\s+of\s+them\b`, 'iy');
// OF_THEM walked in its parts with serverCount's shared number (lib/count.ts), as it holds a number that compiles slowly;
// the whole pattern settles a number with two readings
const ALL_BUT = /\ball\s+but\s+/gi;
const THEM_AT = /\s+of\s+them\b/iy;
interface OfThem {
  index: number;
  n: string;
  end: number;
  allBut: boolean;
}
/** OF_THEM's matches in t, in order, as a search for it from the start finds them. */
export function* ofThem(t: string): Generator<OfThem> {
  for (let at = 0; ; ) {
    const allBut = firstMatch(ALL_BUT, t, at);
    const x = nextNumberStart(t, at);
    const p = allBut && (x < 0 || allBut.index < x) ? allBut.index : x;
    if (p < 0) return;
    // "all but" first, as the whole pattern tries it, then the number alone
    const m = (allBut?.index === p ? ofThemAt(t, p, p + allBut[0].length) : null) ?? (p === x ? ofThemAt(t, p, p) : null);
    if (m) yield m;
    at = m ? m.end : p + 1;
  }
}
/** OF_THEM's match at p with its number at x, or null. */
function ofThemAt(t: string, p: number, x: number): OfThem | null {
  const { end, numberEnd } = numberThen(t, x, THEM_AT);
  if (end === UNSURE) {
    const m = firstMatch(OF_THEM, t, p);
    return m && { index: p, n: m.groups!.n!, end: p + m[0].length, allBut: /^all\s+but/i.test(m[0]) };
  }
  return end === FAIL ? null : { index: p, n: t.slice(x, numberEnd), end, allBut: x > p };
}
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
      for (const m of ofThem(s.text)) {
        if (m.allBut) continue;
        const prev = doc.sentences[s.index - 1]?.text ?? '';
        const lead = s.text.slice(0, m.index);
        // "them" reads back to servers named earlier in this sentence, or in the one before when it opens the sentence
        const antecedent = SERVERS_BEFORE.test(lead) ? lead : lead.trim() === '' ? prev : '';
        if (!SERVERS_BEFORE.test(antecedent) || !INCIDENT.test(s.text)) continue;
        const value = parseNumber(m.n);
        if (value == null || !Number.isInteger(value) || value < 1) continue;
        yield { value, confidence: OF_THEM_COUNT, evidence: [span(text, s.start + m.index, s.start + m.end)] };
      }
    }
  },
});
