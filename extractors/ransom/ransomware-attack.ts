// "The county was hit by a ransomware attack that encrypted its servers."
// Ransomware encrypts files to demand payment for the key, so a ransomware attack on the victim is a
// ransom demand even when the article never prints the word "ransom" on its own.
import { defineRule, matches, span } from '../_shared/kit.ts';
import { WORD_END } from '../_shared/char-classes.ts';
import { demandLeftOpen, denial, generic, saysRansom, unreported } from './lib/context.ts';

const NAMED = String.raw`(?:[A-Z][\w.-]*\s+){0,2}`; // "Ryuk", "the Windows Egregor"
const ATTACK = new RegExp(
  [
    String.raw`\bransom(?:[\s-]?ware)?[\s-]+(?:cyber[\s-]?)?(?:attacks?|infections?|incidents?|events?|hacks?|outbreaks?|intrusions?|assaults?|strikes?` +
      String.raw`|breach(?:es)?|compromises?|cases?|virus|episodes?|encryption)${WORD_END}`,
    String.raw`\b(?:hit|struck|infected|impacted|affected|attacked|compromised|crippled|targeted|paralysed|paralyzed|disrupted|hobbled|locked|breached|hacked` +
      String.raw`|victims?|victimi[sz]ed)\s+(?:by|with|of|in)\s+(?:an?\s+|the\s+)?(?:suspected\s+|apparent\s+|possible\s+)?${NAMED}ransom[\s-]?ware\b`,
    String.raw`\b(?:deploy(?:ed|ing|s)?|install(?:ed|ing|s)?|launch(?:ed|ing|es)?|unleash(?:ed|ing)?|plant(?:ed|ing)?|detonat(?:ed|ing|ion\s+of))\s+(?:an?\s+` +
      String.raw`|the\s+|their\s+|its\s+)?${NAMED}ransom[\s-]?ware\b`,
    String.raw`\bransom[\s-]?ware\s+(?:that\s+|which\s+)?(?:encrypted|locked|infected|hit|crippled|struck|disrupted|froze|spread|demanded)${WORD_END}`,
    String.raw`\bransom[\s-]?ware\s+(?:gang|group|crew|operators?|actors?|attackers?|hackers?)\s+(?:claim(?:ed|s)?|took|has\s+claimed|listed|posted|leaked` +
      String.raw`|published|behind)${WORD_END}`,
  ].join('|'),
  'gi',
);

const RANSOMWARE_ATTACK = 0.85; // ransomware is said to have struck the victim

export default defineRule({
  field: 'ransom',
  examples: [
    { text: 'Summit County water district experiences a ransomware attack', value: { demanded: true, amount: null, currency: null } },
    { text: 'R1 RCM, a medical debt collection agency, was hit by ransomware.', value: { demanded: true, amount: null, currency: null } },
    { text: 'The intruders deployed the Ryuk ransomware across the network.', value: { demanded: true, amount: null, currency: null } },
    { text: 'The LockBit ransomware group claimed the insurer as its latest victim.', value: { demanded: true, amount: null, currency: null } },
  ],
  counterExamples: [
    'Get complete online security for small businesses with robust protection against ransomware attacks.',
    'Instead of a malicious hack from overseas or a ransomware attack, the clinic reported a stolen laptop.',
    'Unlike typical ransomware attacks, the intruders only copied the files.',
    'Exposed databases were prime targets of a series of ransomware attacks earlier this year, the report says.',
    'Investigators found no evidence of a ransomware attack.',
    'Varonis, a software company focused on data protection against insider threats, data breaches and ransomware attacks, said so.',
  ],
  *propose(doc) {
    if (denial(doc) || demandLeftOpen(doc)) return;
    const { text } = doc;
    if (!saysRansom(doc)) return;
    for (const m of matches(ATTACK, text)) {
      const end = m.index + m[0].length;
      if (unreported(doc, m.index, end) || generic(doc, m.index)) continue;
      yield { value: { demanded: true, amount: null, currency: null }, confidence: RANSOMWARE_ATTACK, evidence: [span(text, m.index, end)] };
    }
  },
});
