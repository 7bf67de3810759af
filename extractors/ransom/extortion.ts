// "The attacker is trying to extort us money to make it stop." / "threatened to leak the files unless paid"
// Extortion is a ransom demand when it asks for payment; "an extortion attempt" or "blackmail" with no
// price named may be a demand for anything (passwords, silence), so those are left out.
import { defineRule, matches, span } from '../_shared/kit.ts';
import { denial, habitual, unreported } from './lib/context.ts';

const EXTORT = /\b(?:extort(?:ed|ing|s|ion(?:ists?)?|ionate)?|blackmail(?:ed|ing|s|ers?)?)\b/gi;
const THREAT = new RegExp(
  String.raw`\bthreat(?:en(?:ed|ing|s)?)\s+to\s+(?:leak|publish|release|sell|expose|post|dump|delete|destroy` +
    String.raw`|wipe)\b[^.;]{0,120}?\b(?:unless|if)\b[^.;]{0,80}?\b(?:pa(?:id|y|ying)|payment|ransom|money|bitcoin)\b`,
  'gi',
);
const FOR_MONEY = new RegExp(
  String.raw`\b(?:pa(?:id|y|ying|yment)|money|ransom|bitcoins?|crypto\w*|fee|cash|sum|dollars|euros|pounds|in\s+exchange\s+for` +
    String.raw`|unless|or\s+else)\b|[$€£]\s?\d`,
  'i',
);
// "Crooks pose as the tax office in a bid to extort people of their cash": a swindle by impersonation, no demand
const IMPERSONATION = /\b(?:pos(?:e|es|ed|ing)\s+as|pretend(?:s|ed|ing)?\s+to\s+be|impersonat\w*|masquerad(?:e|es|ed|ing)\s+as)\b/i;

const EXTORTION = 0.75; // extortion for money against the victim
const LEAK_THREAT = 0.85; // a threat to leak unless paid is a ransom demand in all but name

export default defineRule({
  field: 'ransom',
  examples: [
    { text: 'The attacker is trying to extort us money to make it stop.', value: { demanded: true, amount: null, currency: null } },
    { text: 'The group threatened to publish the stolen records unless the firm paid up.', value: { demanded: true, amount: null, currency: null } },
    { text: 'A group was seeking to extort payment in exchange for not releasing the data.', value: { demanded: true, amount: null, currency: null } },
  ],
  counterExamples: [
    'Attacks range from data theft and extortion schemes to simple denial of service.',
    'The hackers did not attempt extortion.',
    'The hacker was attempting to extort the university to gain server passwords.',
    'Ransomware gangs often threaten to leak stolen data if victims refuse to pay.',
    'Crooks pose as the tax office in a bid to extort people of their cash by asking for card details.',
  ],
  *propose(doc) {
    if (denial(doc)) return;
    const { text } = doc;
    if (!/extort|blackmail|threat/i.test(text)) return;
    for (const [re, conf] of [
      [EXTORT, EXTORTION],
      [THREAT, LEAK_THREAT],
    ] as const) {
      for (const m of matches(re, text)) {
        const end = m.index + m[0].length;
        const sentence = doc.sentenceAt(m.index)?.text ?? '';
        if (!FOR_MONEY.test(sentence) || IMPERSONATION.test(sentence) || habitual(doc, m.index) || unreported(doc, m.index, end)) continue;
        yield { value: { demanded: true, amount: null, currency: null }, confidence: conf, evidence: [span(text, m.index, end)] };
      }
    }
  },
});
