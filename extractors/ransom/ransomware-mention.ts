// "Ransomware case." / "Barnes and Noble was potentially compromised by Egregor ransomware"
// The weak fallback: ransomware named in the report without an attack phrase around it. A threat list
// or a product name is not an incident, so those are left out; what stays is measured separately.
import { defineRule, matches, span } from '../_shared/kit.ts';
import { demandLeftOpen, denial, generic, habitual, unreported } from './lib/context.ts';

const MENTION = /\bransom[\s-]?ware\b/gi;
// "Ransomware is a type of malware that…": a definition, not the incident
const DEFINITION = /^[\s"'“\x93]*(?:is|are|has\s+become|have\s+become|typically|usually|often|generally|works|refers)\b/i;

// A full article that names ransomware once, in passing, is about something else ("…unlike Bad Rabbit ransomware, this scam…");
// a short write-up's one mention is its subject.
const LONG_ARTICLE = 800;
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
    // a long article that names ransomware once in passing
    'A new scam is spreading through a popular messaging app, sending users a link that looks like a video of themselves. ' +
      'Those who click are taken to a page that asks them to sign in, and the credentials they type go straight to the scammers. ' +
      'From there the scammers message every contact of the victim with the same link, which is how the scam spreads so fast. ' +
      'Security researchers who looked at the pages said they were hosted on a handful of servers and changed address every day. ' +
      'The messaging company said it was aware of the problem and was removing the links as quickly as it found them. ' +
      'Users are advised not to click on links from friends that look unusual, and to turn on two-factor sign-in. ' +
      'Unlike last week’s outbreak of Bad Rabbit ransomware, the scam does not lock files; it only steals passwords.',
  ],
  *propose(doc) {
    if (denial(doc) || demandLeftOpen(doc)) return;
    const { text } = doc;
    const kept = [...matches(MENTION, text)].filter((m) => {
      const end = m.index + m[0].length;
      return !(DEFINITION.test(text.slice(end, end + 30)) || unreported(doc, m.index, end) || generic(doc, m.index) || habitual(doc, m.index));
    });
    if (text.length > LONG_ARTICLE && kept.length < 2) return;
    for (const m of kept) {
      yield { value: { demanded: true, amount: null, currency: null }, confidence: BARE_MENTION, evidence: [span(text, m.index, m.index + m[0].length)] };
    }
  },
});
