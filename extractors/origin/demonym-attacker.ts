// "North Korean state-sponsored group Lazarus stole the funds" / "Russian hackers defaced the site"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { places } from './lib/places.ts';
import { docActor } from './lib/actors.ts';
import { ATTACKER_MODIFIER, ATTACKER_NOUN, ONCE, nameAfter, negated } from './lib/context.ts';
import { tellsOfIncident } from './lib/incident.ts';

// The demonym must qualify the attackers themselves; "Ukrainian government websites" qualifies the target.
// "a Russian cyber criminal forum": the nationality is the meeting place's, where anyone may post, not the attackers'
const PLACE_AFTER = String.raw`\s+(?:forums?|marketplaces?|markets?|message\s+boards?|boards?|chat\s+rooms?|channels?)\b`;
const AFTER = byWidth(String.raw`^(?:['’\x92]s)?(?:[\s-]+${ATTACKER_MODIFIER}${ONCE}){0,3}[\s-]+(${ATTACKER_NOUN})(?![\p{L}-]|${PLACE_AFTER})`, 'iu');
// Only these nouns are followed by the group's own name ("group Lazarus"); after "hackers" a capital is usually a new sentence part.
const NAMED_NOUN = /(?:group|gang|APT|actor|unit|crew|collective|outfit|cell|team|army|hacktivist|hacker|operators?)s?$/i;
const NUMBERED_APT = /^APT[\s-]?\d+$/i;
// "anti-Russian hackers" are not Russian; "pro-Russian hackers" are a separate, weaker claim.
const PREFIXED = /(?:anti|pro|non)-$/i;
// "a DDoS attack launched against Australian intelligence agency": the phrase is the target.
const TARGET_BEFORE = /\b(?:against|targeting|targeted|into|on|at)\s+(?:the\s+|an?\s+)?$/i;
// "Romanian group Bitdefender is a security company": a group that is a business, named as such
const COMPANY_AFTER = /^\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:company|firm|vendor|provider|business)\b/;
const DEMONYM_ATTACKERS = 0.85; // the nationality is stated on the attackers' own noun phrase
const NAME_ATTACKERS = 0.75; // "azerbaijan hackers", "Iran hackers": a country name used as a modifier, slightly looser

export default defineRule({
  field: 'origin',
  examples: [
    { text: 'Ukrainian government websites were defaced by Russian hackers.', value: { country: 'RU', actor: null } },
    { text: 'The North Korean state-sponsored group Lazarus stole $81 million.', value: { country: 'KP', actor: 'Lazarus' } },
    { text: 'Iranian state-backed APT35 targeted journalists.', value: { country: 'IR', actor: 'APT35' } },
    { text: 'A Russian-speaking gang encrypted the servers of the province.', value: { country: 'RU', actor: null } },
    { text: 'Officials suspected Chinese state actors of the intrusion.', value: { country: 'CN', actor: null } },
    { text: 'An indian hacker group defaced a pakistani website.', value: { country: 'IN', actor: null } },
    { text: 'The Chinese threat actor Rancor accessed government networks.', value: { country: 'CN', actor: 'Rancor' } },
    { text: 'Bank customers were phoned by an Indian scam call centre that posed as the bank.', value: { country: 'IN', actor: null } },
  ],
  counterExamples: [
    // a vendor's pitch lists threats in general: no incident, so no attribution
    'Today’s adversaries never rest. Russian hackers, Iranian state-backed groups and ransomware crews are constantly probing ' +
      'corporate networks for a way in, and our annual threat report tracks more than a hundred threat groups around the world. ' +
      'Our platform gives your security team one view across laptops, cloud workloads and identities, with behavioural detection, ' +
      'automated containment of infected machines and round-the-clock monitoring by our analysts. Book a demo with our team today.',
    'A Belgian province was hit by ransomware.',
    'There is no evidence Russian hackers were involved in the outage.',
    'The attack redirected Chinese speaking visitors to an exploit.',
    'Anti-Russian hackers leaked the files.',
    'The attack hit 150 countries. Romanian group Bitdefender is a global security company.',
    'The US Justice Department charged two men with fraud.',
    'The new ransomware was advertised last week by a member of a Russian cyber criminal forum.',
    'The clinic was blackmailed by a crew whose name was once used by a Russian espionage group. It is unclear, though, if this is the same group.',
  ],
  *propose(doc) {
    if (!tellsOfIncident(doc)) return;
    for (const p of places(doc)) {
      if (p.kind === 'capital' || PREFIXED.test(doc.text.slice(Math.max(0, p.start - 5), p.start))) continue;
      if (TARGET_BEFORE.test(doc.text.slice(Math.max(0, p.start - 20), p.start))) continue;
      const m = firstMatch(AFTER(doc.text), doc.text.slice(p.end, p.end + 120));
      if (!m) continue;
      const end = p.end + m[0].length;
      if (negated(doc, p.start, end) || COMPANY_AFTER.test(doc.text.slice(end, end + 80))) continue;
      const noun = m[2]!;
      const name = NUMBERED_APT.test(noun) ? { name: noun, start: end - noun.length, end } : NAMED_NOUN.test(noun) ? nameAfter(doc, end) : undefined;
      const evidence = [span(doc.text, p.start, end)];
      if (name && name.start >= end) evidence.push(span(doc.text, name.start, name.end));
      const confidence = p.kind === 'demonym' ? DEMONYM_ATTACKERS : NAME_ATTACKERS;
      yield { value: { country: p.code, actor: name?.name ?? docActor(doc)?.name ?? null }, confidence, evidence };
    }
  },
});
