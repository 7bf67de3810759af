// "US prosecutors have charged a Lithuanian man over the phishing scheme" → LT
// A national charged, arrested or convicted for the incident tells where the attacker came from, when the article
// gives no attribution of its own. Not police or authorities of a country ("Lithuanian authorities arrested him"):
// the demonym must qualify the person.
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { places } from './lib/places.ts';
import { negated } from './lib/context.ts';
import { tellsOfIncident } from './lib/incident.ts';

// the demonym qualifies a person: "a Lithuanian man", "a 48-year-old Romanian national", "two Italian siblings"
const PERSON_AFTER = new RegExp(
  String.raw`^(?:[\s-]+[\w-]+){0,1}?\s+(?:(?:wo)?m[ae]n|nationals?|citizens?|residents?|teen(?:ager)?s?|students?` +
    String.raw`|programmers?|businessm[ae]n|brothers|siblings|suspects?|fraudsters?|scammers?)\b`,
  'i',
);
// the person is the one the law went after for the incident
const LEGAL = /\b(?:charged|arrested|indicted|extradited|convicted|sentenced|pleaded\s+guilty|prosecuted|detained|accused)\b/i;
// "nobody has been charged", "was not arrested"
const DENIED = /\b(?:nobody|no\s+one|not|never)\s+(?:\w+\s+){0,2}$/i;
const REACH = 50;
/** The legal verb acts on the person: in the same clause, within reach on either side, and not denied. */
function charged(text: string, start: number, end: number): boolean {
  const before = text
    .slice(Math.max(0, start - REACH), start)
    .split(/[;:]/)
    .pop()!;
  const after = text.slice(end, end + REACH).split(/[;:]/)[0]!;
  return [before, after].some((w) => {
    const m = firstMatch(LEGAL, w);
    return m != null && !DENIED.test(w.slice(0, m.index));
  });
}

const CHARGED_NATIONAL = 0.55; // the charged person's nationality: where a criminal lives, not always where an attack is run from

export default defineRule({
  field: 'origin',
  examples: [
    {
      text: 'US prosecutors have charged a Lithuanian man with stealing $90 million from two companies in a phishing scheme.',
      value: { country: 'LT', actor: null },
    },
    { text: 'A 31-year-old Romanian national was arrested after the ransomware attack on the clinic.', value: { country: 'RO', actor: null } },
  ],
  counterExamples: [
    'Lithuanian authorities arrested the suspect after the phishing scheme.',
    'A Lithuanian man was hired by the company after the breach.',
    'The hackers stole data on every Canadian citizen in the register; nobody has been charged.',
  ],
  *propose(doc) {
    // only a demonym is proposed: a text that names none (most) is not searched for the legal words, here or in each sentence
    if (!tellsOfIncident(doc) || !places(doc).some((p) => p.kind === 'demonym') || !LEGAL.test(doc.text)) return;
    for (const s of doc.sentences) {
      if (!LEGAL.test(s.text)) continue;
      for (const p of places(doc)) {
        if (p.kind !== 'demonym' || p.start < s.start || p.end > s.end) continue;
        const m = firstMatch(PERSON_AFTER, doc.text.slice(p.end, Math.min(s.end, p.end + 40)));
        if (!m || negated(doc, p.start, p.end + m[0].length) || !charged(doc.text, p.start, p.end + m[0].length)) continue;
        yield { value: { country: p.code, actor: null }, confidence: CHARGED_NATIONAL, evidence: [span(doc.text, p.start, p.end + m[0].length)] };
      }
    }
  },
});
