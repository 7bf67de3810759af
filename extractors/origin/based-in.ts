// "a threat actor allegedly operating from Pakistan" / "attacks originating from China" / "hackers in China"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { places } from './lib/places.ts';
import { docActor } from './lib/actors.ts';
import { ATTACKER_NOUN, ATTACK_NOUN, negated } from './lib/context.ts';
import { tellsOfIncident } from './lib/incident.ts';

const HEDGE = String.raw`(?:(?:mostly|mainly|primarily|largely|apparently|reportedly|allegedly|likely|probably|possibly|believed\s+to\s+be)\s+)?`;
const TRIGGER =
  String.raw`(?:based|located|operat(?:ing|ed|es?)|originat(?:ing|ed|es?)|com(?:ing|es)|came|launched|routed|stemm(?:ing|ed)|` +
  String.raw`emanat(?:ing|ed|es?)|hail(?:ing|s)|working|residing|run|traced(?:\s+back)?)`;
// The place may be named after a region of it: "out of the Jiangsu province in China", "out of Shanghai, China".
const TAIL = String.raw`(?:in|from|out\s+of|within|inside|to)\s+(?:[^.;:!?]{0,40}?(?:\s+in|,)\s+)?(?:the\s+)?$`;
const VIA_TRIGGER = byWidth(String.raw`\b${TRIGGER}\s+${HEDGE}${TAIL}`, 'iu');
// "hackers in China" places the attackers, "attacks in France" only the victims: attacks count with "from" alone.
const VIA_NOUN = byWidth(String.raw`\b(?:${ATTACKER_NOUN}\s+${HEDGE}(?:in|from)|${ATTACK_NOUN}\s+${HEDGE}from)\s+(?:the\s+)?$`, 'iu');
// The trigger must describe the attackers or their attack, not the victims ("companies based in the US").
const ACTOR_BEFORE = byWidth(String.raw`\b(?:${ATTACKER_NOUN}|${ATTACK_NOUN}|they)\b`, 'iu');
const TARGET_BETWEEN = new RegExp(
  String.raw`\b(?:target(?:s|ed|ing)?|against|victims?|compan(?:y|ies)|organi[sz]ations?|firms?|users|customers|websites?` +
    String.raw`|sites|networks?|systems?|institutions?|agencies|entities|citizens|attacks?\s+on|on)\b`,
  'i',
);
const BASED_IN = 0.75; // the text places the attackers or the attack's source in a country
const WINDOW = 110;

export default defineRule({
  field: 'origin',
  examples: [
    {
      text: 'Researchers uncover Gorgon, a threat actor allegedly operating from Pakistan and targeting governments.',
      value: { country: 'PK', actor: 'Gorgon' },
    },
    { text: 'The DDoS attack originating from China hit the site.', value: { country: 'CN', actor: null } },
    { text: 'The group is based in China, researchers said.', value: { country: 'CN', actor: null } },
    { text: 'Hackers from China infiltrated the university.', value: { country: 'CN', actor: null } },
    { text: 'The bank was hit by a scam. Police believe fraudsters from Taiwan were behind it.', value: { country: 'TW', actor: null } },
    { text: 'LockBit later claimed the attack. LockBit is believed to operate from Russia.', value: { country: 'RU', actor: 'LockBit' } },
    { text: 'The attack group appears to operate out of the Jiangsu province in China.', value: { country: 'CN', actor: null } },
    // a long article whose only incident wording is "accounts were hijacked"
    {
      text:
        'More than 300 people in Lisbon lost money to a messaging scam this year, police said on Monday. Swindlers posed as friends ' +
        'of the victims and asked for the codes sent to their phones; their accounts were hijacked within minutes and used to ask ' +
        'their contacts for gift cards. Losses ranged from a few euros to thousands. Officers believe fraudsters from Brazil were ' +
        'behind the scheme. Police advised residents never to share such codes with anyone who asks for them.',
      value: { country: 'BR', actor: null },
    },
  ],
  counterExamples: [
    'The phishing emails targeted companies based in Germany.',
    'The ransomware hit hospitals in France.',
    'Analysts found no evidence the hackers were based in Russia.',
    'The ransomware was spread by e-mail, said Peter Smith of the Acme Security Group in Denmark.',
  ],
  *propose(doc) {
    if (!tellsOfIncident(doc)) return;
    for (const p of places(doc)) {
      if (p.kind !== 'name' || !p.exact) continue;
      const s = doc.sentenceAt(p.start);
      const from = Math.max(s?.start ?? 0, p.start - WINDOW);
      const before = doc.text.slice(from, p.start);
      const found = firstMatch(VIA_NOUN(doc.text), before);
      // "CSIS Security Group in Denmark": a capital noun after a capital word ends an organisation's name
      const byNoun = found && /^[A-Z]/.test(found[0]) && /[A-Z][\w&.-]*\s+$/.test(before.slice(0, found.index)) ? null : found;
      const m = byNoun ?? firstMatch(VIA_TRIGGER(doc.text), before);
      if (!m) continue;
      const head = before.slice(0, m.index);
      const actor = docActor(doc);
      const named = !!actor && head.slice(-80).includes(actor.name);
      if (!byNoun && ((!named && !ACTOR_BEFORE(doc.text).test(head.slice(-80))) || TARGET_BETWEEN.test(head.slice(-30)))) continue;
      if (TARGET_BETWEEN.test(m[0]) || negated(doc, from + m.index, p.end)) continue;
      yield { value: { country: p.code, actor: docActor(doc)?.name ?? null }, confidence: BASED_IN, evidence: [span(doc.text, from + m.index, p.end)] };
    }
  },
});
