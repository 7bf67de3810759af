// "Ransomware case." / "Barnes and Noble was potentially compromised by Egregor ransomware"
// The weak fallback: ransomware named in the report without an attack phrase around it. A threat list
// or a product name is not an incident, so those are left out; what stays is measured separately.
import { defineRule, matches, span } from '../_shared/kit.ts';
import { demandLeftOpen, denial, generic, habitual, unreported } from './lib/context.ts';

const MENTION = /\bransom[\s-]?ware\b/gi;
// "Ransomware is a type of malware that…": a definition, not the incident
const DEFINITION = /^[\s"'“]*(?:is|are|has\s+become|have\s+become|typically|usually|often|generally|works|refers)\b/i;

const BARE_MENTION = 0.6; // the word alone; most reports that name it are about an infection

export default defineRule({
  field: 'ransom',
  examples: [
    { text: 'Ransomware case. The practice restored its records from backups.', value: { demanded: true, amount: null, currency: null } },
    { text: 'The bookseller was potentially compromised by Egregor ransomware.', value: { demanded: true, amount: null, currency: null } },
  ],
  counterExamples: [
    'Ransomware is a type of malware that takes control of computers.',
    'The vendor sells ransomware protection and backup services.',
    'Threats such as ransomware keep growing, the survey says.',
  ],
  *propose(doc) {
    if (denial(doc) || demandLeftOpen(doc)) return;
    const { text } = doc;
    for (const m of matches(MENTION, text)) {
      const end = m.index + m[0].length;
      if (DEFINITION.test(text.slice(end, end + 30)) || unreported(doc, m.index, end) || generic(doc, m.index) || habitual(doc, m.index)) continue;
      yield { value: { demanded: true, amount: null, currency: null }, confidence: BARE_MENTION, evidence: [span(text, m.index, end)] };
    }
  },
});
