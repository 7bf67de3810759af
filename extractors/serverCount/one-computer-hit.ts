// "An unencrypted laptop containing patient data was stolen from a car." / "Thieves stole a laptop from the office." → 1
// One computer of any kind (laptop, PC, workstation, desktop) named as what was stolen, infected or broken into is a
// count of one: the labelling guide counts every machine hit, stolen laptops included. Not a computer used as a tool
// ("using a laptop"), given out or merely mentioned, and not computers in the plural (counted-machines counts those).
import { defineRule, matches, span } from '../_shared/kit.ts';
import { generic } from './lib/count.ts';
import { sentencesWith } from '../_shared/sentences-with.ts';

const DEVICE = String.raw`(?:laptop|notebook\s+computer|computer|pc|workstation|desktop|macbook|mac|machine)`;
// a single computer, owned or introduced: "a laptop", "an unencrypted laptop", "the physician's laptop", "a stolen laptop"
const ONE_DEVICE = new RegExp(
  String.raw`\b(?:(?<stolen>(?:a|an|one|the)\s+stolen\s+(?:[\w-]+\s+)?${DEVICE}\b(?!s))|(?:a|an|one|the|its|our|their|his|her` +
    String.raw`|the\s+(?:[\w-]+\s+){0,2}?[\w-]+['’\x92]s)\s+(?:[\w-]+\s+){0,2}?${DEVICE}\b(?!s|\s+(?:code|program|science|systems?|network|virus|security)))`,
  'gi',
);
// every match has white space right before its computer: the places of such white space say which sentences to search
const DEVICE_AT = new RegExp(String.raw`\s(?=${DEVICE})`, 'gi');
// the verb before the computer: "stole a laptop", "infected a workstation", "the theft of a laptop"
const HIT_BEFORE = new RegExp(
  String.raw`\b(?:st(?:ole|olen|ealing)|theft\s+of|loss\s+of|lost|infect(?:ed|ing)|compromis(?:ed|ing)|hack(?:ed|ing)(?:\s+into)?` +
    String.raw`|encrypt(?:ed|ing)|broke\s+into|(?:gained|unauthori[sz]ed)\s+access\s+to|(?:found|discovered|detected)\s+on)\s+$`,
  'i',
);
// or a passive hit after it, maybe past what it held: "a laptop containing patient records was stolen"
const HIT_AFTER = new RegExp(
  String.raw`^(?:\s*,[^,.;]{3,90},|\s+(?:containing|holding|with|that\s+(?:held|contained|stored|had))\b[^.;]{0,90}?)?\s*` +
    String.raw`(?:was|had\s+been|has\s+been|got)\s+(?:\w+\s+)?(?:stolen|lost|infected|compromised|hacked|encrypted|breached)\b`,
  'i',
);

const ONE_COMPUTER_HIT = 0.5; // "a laptop" states one machine; a count stated elsewhere beats it

export default defineRule({
  field: 'serverCount',
  examples: [
    { text: 'An unencrypted laptop containing patient data was stolen from the car of a physician.', value: 1 },
    { text: 'Thieves stole a laptop from the council offices over the weekend.', value: 1 },
    { text: 'Police are looking for a stolen laptop that held the voter roll.', value: 1 },
    { text: 'Officials said the stolen machine, a poll-book unit, holds a copy of the voter list.', value: 1 },
    { text: 'The ransomware infected a workstation in the billing department.', value: 1 },
    { text: 'The spyware was found on the Mac of a human rights activist.', value: 1 },
  ],
  counterExamples: [
    'The hacker used a laptop in a coffee shop to launch the attack.',
    'Each employee was given a laptop with full-disk encryption.',
    'Thieves stole two laptops from the clinic.',
    'The breach was caused by a computer virus.',
    'The laptop has been patched and the software updated.',
    'Running the fake update only infected the computer with ransomware.',
  ],
  *propose(doc) {
    const { text } = doc;
    // the pattern tries every word of a sentence: one that names no computer is passed over
    for (const s of sentencesWith(doc, DEVICE_AT)) {
      for (const m of matches(ONE_DEVICE, s.text)) {
        const before = s.text.slice(Math.max(0, m.index - 40), m.index);
        const after = s.text.slice(m.index + m[0].length, m.index + m[0].length + 140);
        if (!m.groups!.stolen && !(HIT_BEFORE.test(before) && !generic(m[0], after)) && !HIT_AFTER.test(after)) continue;
        yield { value: 1, confidence: ONE_COMPUTER_HIT, evidence: [span(text, s.start + m.index, s.start + m.index + m[0].length)] };
      }
    }
  },
});
