// "The attackers encrypted five of its servers." / "more than 200 servers were hit" / "3,000 ElasticSearch servers"
import { defineRule, span } from '../_shared/kit.ts';
import { countPattern, countsIn } from './lib/count.ts';
import { sentencesWith } from '../_shared/sentences-with.ts';

const SERVERS = countPattern(String.raw`servers|server\s+machines`);
// only a sentence that says "servers" is searched
const SERVERS_WORD = /servers/gi;
const COUNTED_SERVERS = 0.85; // a number right before "servers" in a sentence about the incident

export default defineRule({
  field: 'serverCount',
  examples: [
    { text: 'Russian hackers encrypted five of its servers and demanded a ransom.', value: 5 },
    { text: 'The attack took more than 200 servers offline.', value: 200 },
    { text: 'Researchers found 3,000 ElasticSearch servers exposed without a password.', value: 3000 },
    { text: 'Hackers breached 12 of the company’s servers last week.', value: 12 },
    { text: 'The ransomware hit two dozen servers at the university.', value: 24 },
    { text: 'The intruder deleted all data from two database servers and two application servers.', value: 4 },
    { text: 'Attackers compromised one of its servers in Kentucky.', value: 1 },
    { text: 'A ransomware attack on May 19 had encrypted 40 servers.', value: 40 },
    { text: 'Forty-eight of about 500 county servers were encrypted by the ransomware.', value: 48 },
    { text: 'The attack took two to three servers offline at the plant.', value: 2 },
  ],
  counterExamples: [
    'Cloudflare runs 10,000 servers around the world.',
    'The product supports up to 64 servers per cluster.',
    'Hundreds of servers were affected by the outage caused by the attack.',
    'The company operates 40 servers in its data centre, none of which were hacked.',
    'The attack on May 19 hit the servers of the city.',
    'The attack on 19 May hit servers across the city.',
    'The hackers claimed to use 1 million high-quality proxy servers to break into the accounts.',
    'Police arrested the two and seized servers used in the scheme.',
  ],
  *propose(doc) {
    for (const s of sentencesWith(doc, SERVERS_WORD)) {
      for (const c of countsIn(doc, s, SERVERS)) {
        yield { value: c.value, confidence: COUNTED_SERVERS, evidence: [span(doc.text, c.start, c.end)] };
      }
    }
  },
});
