// "The ransomware encrypted 1,500 computers across the district." / "The malware spread to a total of 20 machines."
// Machines counted as hit by the attack are in scope: the count says how far the intrusion reached. Stolen or lost
// laptops count too ("details were stolen on two laptops"): the labelling guide counts every computer hit.
import { defineRule, span } from '../_shared/kit.ts';
import { countPattern, countsIn } from './lib/count.ts';
import { sentencesWith } from '../_shared/sentences-with.ts';

const MACHINES = countPattern(String.raw`computers|machines|workstations|endpoints|systems|devices|PCs|hosts|terminals|laptops|desktops|notebooks`);
// the verb that makes the count a count of compromised machines, right before or after it
const HIT_BEFORE = new RegExp(
  String.raw`\b(?:encrypt(?:ed|ing|s)|infect(?:ed|ing|s)|compromis(?:ed|ing|es)|hack(?:ed|ing|s)(?:\s+into)?|breach(?:ed|ing|es)|wip(?:ed` +
    String.raw`|ing|es)|lock(?:ed|ing|s)|hits?|struck|crippl(?:ed|ing)|penetrat(?:ed|ing)|spread\s+to|control\s+of|access\s+to|took\s+down` +
    String.raw`|knock(?:ed|ing)\s+out|disabl(?:ed|ing)|st(?:ole|olen)(?:\s+(?:on|from|in))?|theft\s+of|loss\s+of)\s+` +
    String.raw`(?:(?:a\s+total\s+of|more\s+than|over|at\s+least|nearly|almost|about|around|some|an\s+estimated|roughly)\s+)?$`,
  'i',
);
const HIT_AFTER = new RegExp(
  String.raw`^\s*(?:[\w,.&'’\x92-]+\s+){0,6}?(?:were|was|had\s+been|have\s+been|got|being)\s+(?:\w+\s+)?(?:encrypted|infected|compromised` +
    String.raw`|hacked|breached|wiped|locked|hit|affected|crippled|disabled|taken\s+offline|knocked\s+out|stolen|lost)\b`,
  'i',
);

// only a sentence that names such machines is searched
const MACHINE_WORD = /\b(?:computers|machines|workstations|endpoints|systems|devices|PCs|hosts|terminals|laptops|desktops|notebooks)\b/gi;
const COUNTED_MACHINES = 0.7; // machines, not servers: the count includes workstations

export default defineRule({
  field: 'serverCount',
  examples: [
    { text: 'The ransomware encrypted 1,500 computers across the school district.', value: 1500 },
    { text: 'The malware spread to a total of 20 machines.', value: 20 },
    { text: 'About 300 workstations were infected before IT staff cut the network.', value: 300 },
    { text: 'Thieves stole two laptop computers from the clinic during a break-in.', value: 2 },
    { text: 'Ransomware locks 300 workstations at Brookfield School District', value: 300 },
    { text: 'Roughly 30-45 PCs at the firm were infected with ransomware.', value: 30 },
    // the count nearest the machines, not the patients' count before it
    { text: 'The practice has written to 9,400 patients after two laptops were stolen.', value: 2 },
    { text: 'About 300 workstations at the Brookfield School District were encrypted on Monday.', value: 300 },
    { text: 'The details of the voters were stolen on two laptops kept in a locked room.', value: 2 },
  ],
  counterExamples: [
    'The clinic bought two laptops after the break-in.',
    'On 12 December computers at the school were infected.',
    'Ransomware infects more than 100,000 computers around the world every day, officials said.',
    'The district plans to replace 1,500 computers next year after the attack.',
    'Tens of thousands of computers were wiped in the attack.',
  ],
  *propose(doc) {
    const { text } = doc;
    for (const s of sentencesWith(doc, MACHINE_WORD)) {
      for (const c of countsIn(doc, s, MACHINES)) {
        const before = text.slice(Math.max(s.start, c.start - 60), c.start);
        const after = text.slice(c.end, Math.min(s.end, c.end + 60));
        if (!HIT_BEFORE.test(before) && !HIT_AFTER.test(after)) continue;
        yield { value: c.value, confidence: COUNTED_MACHINES, evidence: [span(text, c.start, c.end)] };
      }
    }
  },
});
