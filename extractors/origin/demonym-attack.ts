// "Chinese cyberattacks hit Japan over islands dispute" / "Hackers of Chinese origin attacked the networks"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { places } from './lib/places.ts';
import { docActor } from './lib/actors.ts';
import { ATTACK_NOUN, ATTACKER_MODIFIER, ONCE, negated } from './lib/context.ts';
import { tellsOfIncident } from './lib/incident.ts';

// The demonym qualifies the attack itself, not its target: "Chinese espionage", not "attacks on Chinese sites".
const AFTER = byWidth(
  String.raw`^(?:[\s-]+${ATTACKER_MODIFIER}${ONCE}){0,2}[\s-]+(?:${ATTACK_NOUN}|intelligence[\s-]gathering(?:\s+effort)?` + String.raw`|origin)(?![\p{L}-])`,
  'iu',
);
const TARGET_BEFORE = /\b(?:against|targeting|targeted|into|on|at)\s+(?:the\s+|an?\s+)?$/i;
const OF_ORIGIN = /\bof\s+$/i;
const DEMONYM_ATTACK = 0.7; // the nationality qualifies the attack, a step further from the attackers than "Chinese hackers"

export default defineRule({
  field: 'origin',
  examples: [
    { text: 'Chinese cyberattacks hit Japan over islands dispute', value: { country: 'CN', actor: null } },
    { text: 'The breach was part of a Chinese intelligence-gathering effort.', value: { country: 'CN', actor: null } },
    { text: 'Hackers of Chinese origin attacked the networks of the association.', value: { country: 'CN', actor: null } },
    { text: 'It is not known if the iranian cyber-operation against Turkey is linked to this one.', value: { country: 'IR', actor: null } },
  ],
  counterExamples: [
    'Attackers launched DDoS attacks on Chinese websites.',
    'The campaign targeted Russian speaking users.',
    'The hackers denied any Russian involvement.',
  ],
  *propose(doc) {
    if (!tellsOfIncident(doc)) return;
    for (const p of places(doc)) {
      if (p.kind !== 'demonym') continue;
      const m = firstMatch(AFTER(doc.text), doc.text.slice(p.end, p.end + 80));
      if (!m) continue;
      const before = doc.text.slice(Math.max(0, p.start - 20), p.start);
      const origin = /origin$/i.test(m[0]);
      if (origin ? !OF_ORIGIN.test(before) : TARGET_BEFORE.test(before)) continue;
      const end = p.end + m[0].length;
      if (negated(doc, p.start, end)) continue;
      yield { value: { country: p.code, actor: docActor(doc)?.name ?? null }, confidence: DEMONYM_ATTACK, evidence: [span(doc.text, p.start, end)] };
    }
  },
});
