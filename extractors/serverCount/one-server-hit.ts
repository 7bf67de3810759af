// "Hackers compromised the company's web server." / "Its file server was breached." → 1
// One server named as what the attacker reached is a count of one. Not a server named as a tool, a fleet or a
// place data merely sat ("stored on a server", "a server in Ireland"), and not servers in the plural.
import { defineRule, matches, span } from '../_shared/kit.ts';
import { generic } from './lib/count.ts';
import { sentencesWith } from '../_shared/sentences-with.ts';

// a single server, owned or introduced: "a server", "its web server", "the company's file server"
const ONE_SERVER = new RegExp(
  String.raw`\b(?:a|an|one|its|our|their|his|her|the(?:\s+(?:[\w-]+\s+){0,2}?[\w-]+['’\x92]s)?)\s+(?:[\w.-]+\s+){0,2}?server\b` +
    String.raw`(?!s|\s+(?:farm|room|rack|cluster|software))`,
  'gi',
);
const SERVER_WORD = /server\b/gi;
// the attack verb governs the server: right before it, or the server is the subject of a passive hit
const HIT_BEFORE = new RegExp(
  String.raw`\b(?:compromis(?:ed|ing)|hack(?:ed|ing)(?:\s+into)?|breach(?:ed|ing)|infiltrat(?:ed|ing)|broke\s+into` +
    String.raw`|br(?:eak|oke|oken)\s+in(?:to)?|infect(?:ed|ing)|encrypt(?:ed|ing)|penetrat(?:ed|ing)|(?:gained|gaining|unauthori[sz]ed)\s+access\s+to` +
    String.raw`|accessed|took\s+over|targeted|affected|(?:stolen|taken|collected|exfiltrated|copied|downloaded|extracted)\s+from` +
    String.raw`|encrypted\s+(?:data|files)\s+on)\s+$`,
  'i',
);
// the server may be followed by an aside or whose it is before the verb: "our web server, managed by a hosting firm, was
// compromised", "the web server for the travel association was hacked"
const HIT_AFTER = new RegExp(
  String.raw`^(?:\s*,[^,.;]{3,90},|\s+(?:for|of|at|in|belonging\s+to|used\s+by|run\s+by)\s+[^,.;]{3,80}?)?\s*` +
    String.raw`(?:was|had\s+been|has\s+been|got|being)\s+(?:\w+\s+)?(?:compromised|hacked|breached|infiltrated|infected` +
    String.raw`|encrypted|accessed|penetrated)\b`,
  'i',
);

const ONE_SERVER_HIT = 0.5; // "a server" states one machine, but articles often mean "the systems"

export default defineRule({
  field: 'serverCount',
  examples: [
    { text: 'Hackers compromised the travel agency’s web server and copied customer records.', value: 1 },
    { text: 'Its file server was breached in February, the charity said.', value: 1 },
    { text: 'The intrusion affected a server in the company’s cloud service.', value: 1 },
    { text: 'Our web server, managed for us by an outside hosting firm, was compromised.', value: 1 },
    { text: 'The medical files were taken from a file server, the agency said.', value: 1 },
    { text: 'The university said hackers had broken into a research server in its engineering school.', value: 1 },
    { text: 'The example.com web server for the travel association was recently hacked.', value: 1 },
    { text: 'Staff found a message demanding bitcoin for the return of encrypted data on a server holding coursework.', value: 1 },
  ],
  counterExamples: [
    'Customer records were stored on a server in Ireland.',
    'The attackers used a server in the Netherlands to send the phishing e-mails.',
    'Hackers compromised several servers at the agency.',
    'The company runs a web server for its customers.',
    'The outage affected servers across the region.',
    'Attackers who compromise the server can read every message.',
    'Our web server, like every other, was patched last week.',
  ],
  *propose(doc) {
    const { text } = doc;
    // every match holds "server" and a word's end: only the sentences holding one are searched
    for (const s of sentencesWith(doc, SERVER_WORD)) {
      for (const m of matches(ONE_SERVER, s.text)) {
        const before = s.text.slice(Math.max(0, m.index - 40), m.index);
        const after = s.text.slice(m.index + m[0].length, m.index + m[0].length + 140);
        if (!(HIT_BEFORE.test(before) && !generic(m[0], after)) && !HIT_AFTER.test(after)) continue;
        yield { value: 1, confidence: ONE_SERVER_HIT, evidence: [span(text, s.start + m.index, s.start + m.index + m[0].length)] };
      }
    }
  },
});
