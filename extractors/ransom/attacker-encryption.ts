// "Malware was introduced into some of our systems. This malware encrypted certain files."
// Attackers encrypting the victim's files is what ransomware does, to sell the key back; the article
// may not name the demand. Encryption the victim applied ("the laptop was encrypted") protects data instead.
import { defineRule, matches, span } from '../_shared/kit.ts';
import { demandLeftOpen, denial, unreported } from './lib/context.ts';

// malware that encrypts files is ransomware by definition; a person who did is left to the demand rules,
// since breach notices say "an unauthorized party ... encrypted files" without any demand behind it
const AGENT = String.raw`(?:malware|virus|malicious\s+(?:software|code|program)|the\s+attack|an\s+attack|cyber[\s-]?attack)`;
const ENCRYPTED = new RegExp(
  [
    String.raw`\b${AGENT}\s+(?:[\w'’\x92-]+\s+){0,4}?encrypt(?:ed|ing|s)\b`,
    String.raw`\bencrypted\s+by\s+(?:the\s+|an?\s+)?(?:\w+\s+)?${AGENT}`,
    String.raw`\bencrypted\s+(?:files|data)\s+(?:have|had|has|were|was)\s+(?:\w+\s+){0,2}?(?:been\s+)?(?:identified|found|discovered|detected)\b`,
  ].join('|'),
  'gi',
);
// "attackers stole data that was not encrypted": the victim's own (missing) protection
const PROTECTIVE = /\b(?:unencrypted|not\s+encrypted|n't\s+encrypted|encryption\s+(?:software|technology|key)|password[\s-]protected|stolen\s+laptop)\b/i;

const ATTACKER_ENCRYPTION = 0.7; // files encrypted by the attackers, no demand stated

export default defineRule({
  field: 'ransom',
  examples: [
    {
      text: 'Malware was introduced by an unknown third-party. This malware encrypted certain files, including on a server.',
      value: { demanded: true, amount: null, currency: null },
    },
    { text: 'Patient records were encrypted by a virus over the weekend.', value: { demanded: true, amount: null, currency: null } },
    {
      text: 'An attack has caused the system to go down. Encrypted files have thus far been identified.',
      value: { demanded: true, amount: null, currency: null },
    },
  ],
  counterExamples: [
    'The stolen laptop was encrypted, so patient data is safe.',
    'The hackers accessed files that were not encrypted.',
    'An unauthorized party accessed our network and encrypted files stored on two servers.',
  ],
  *propose(doc) {
    if (denial(doc) || demandLeftOpen(doc)) return;
    const { text } = doc;
    if (!/encrypt/i.test(text)) return;
    for (const m of matches(ENCRYPTED, text)) {
      const end = m.index + m[0].length;
      if (PROTECTIVE.test(doc.sentenceAt(m.index)?.text ?? '') || unreported(doc, m.index, end)) continue;
      yield { value: { demanded: true, amount: null, currency: null }, confidence: ATTACKER_ENCRYPTION, evidence: [span(text, m.index, end)] };
    }
  },
});
