// "The attack was attributed to Iran" / "hackers linked to the Chinese government" / "a Russia-linked group"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { places } from './lib/places.ts';
import { docActor } from './lib/actors.ts';
import { ACRONYM, ATTACKER_MODIFIER, ATTACKER_NOUN, ATTACK_NOUN, ONCE, STATE_WORD, negated } from './lib/context.ts';
import { tellsOfIncident } from './lib/incident.ts';

const CUE =
  String.raw`(?:attribut(?:ed|es|ing|ion)|link(?:ed|s)?|tie[sd]|connect(?:ed|ions?)|associated|affiliated|aligned|blam(?:ed|es|ing)|` +
  String.raw`accus(?:ed|es|ing)|pinned|traced|sponsor(?:ed|ship)|back(?:ed|ing)|supported|directed|funded|commissioned|ordered|` +
  String.raw`controlled|point(?:ed|s|ing)(?:\s+(?:the\s+)?fingers?)?(?:\s+at)?|work(?:ing|s)?\s+for|act(?:ing|s)?\s+(?:on\s+behalf\s+of|for)` +
  String.raw`|on\s+behalf\s+of|prox(?:y|ies)|nexus|suspect(?:ed|s)?)`;
const FILLER =
  String.raw`(?:\s+(?:to|with|by|on|of|for|the|a|an|back|directly|closely|possibly|likely|probably|reportedly|allegedly|also|either|elements` +
  String.raw`|members|part|parts|units?|agents?))*`;
const BEFORE = byWidth(String.raw`\b${CUE}${FILLER}\s+$`, 'iu');
// The object between the verb and the country: "links the campaign to Iran", "blamed the attack on North Korea".
const BEFORE_WITH_OBJECT = byWidth(
  String.raw`\b(?:link(?:s|ed)?|attribut(?:es|ed)|blam(?:es|ed)|pin(?:s|ned)|trac(?:es|ed))(?:\s+[\w’\x92'.-]+){1,4}?\s+(?:to|on)\s+(?:the\s+)?$`,
  'iu',
);
// A demonym needs the organ it qualifies: "linked to the Russian government", not "linked to Russian websites".
const DEMONYM_HEAD = byWidth(String.raw`^\s+(?:${STATE_WORD}|${ACRONYM}\b|(?:[a-z]+\s+)?(?:${ATTACKER_NOUN}|${ATTACK_NOUN})\b)`, 'u');
// "Russia-linked", "Iran-backed", "Beijing-sponsored": the country hyphenated to the cue.
const COMPOUND = /^-(?:based|linked|backed|sponsored|affiliated|aligned|nexus|connected|tied|supported|funded|directed|controlled|allied)\b/i;
// "accused a UK man": a country name used as an adjective names a person's nationality, not a state.
const ADJECTIVAL = new RegExp(
  String.raw`^\s+(?:m[ae]n|wom[ae]n|nationals?|citizens?|residents?|students?|teen(?:ager)?s?|boys?|girls?|person|people` +
    String.raw`|compan(?:y|ies)|firms?|banks?|embassy|court)\b`,
  '',
);
// "-based" also describes victims ("the US-based magazine"): only attackers or a group's coined name may follow it.
const BASED_WHAT = byWidth(
  String.raw`^(?:[\s-]+${ATTACKER_MODIFIER}${ONCE}){0,2}[\s-]+(?:${ATTACKER_NOUN}(?![\p{L}-])|[A-Z][\w-]*(?:[a-z][A-Z]|\d)[\w-]*` + String.raw`|[A-Z]{5,}\b)`,
  'u',
);
const ATTRIBUTED = 0.8; // an attribution verb or compound names the country
const MAX_BEFORE = 70;

export default defineRule({
  field: 'origin',
  examples: [
    { text: 'The breach was attributed to Iran by investigators.', value: { country: 'IR', actor: null } },
    { text: 'The intrusion was carried out by hackers linked to the Chinese government.', value: { country: 'CN', actor: null } },
    { text: 'A Russia-linked group claimed the outage.', value: { country: 'RU', actor: null } },
    { text: 'A threat group believed to be affiliated with the Chinese government conducted espionage.', value: { country: 'CN', actor: null } },
    { text: 'A phishing campaign by Russia-based SEABORGIUM hit think-tanks.', value: { country: 'RU', actor: null } },
    { text: 'Fancy Bear, which is linked to Moscow, used a malware implant.', value: { country: 'RU', actor: null } },
    // a government's attribution, as news reports it
    { text: 'Hackers breached the bank in March. US officials pointed to North Korea.', value: { country: 'KP', actor: null } },
    { text: 'Hackers breached the studio last month. The White House blamed North Korea for the attack.', value: { country: 'KP', actor: null } },
    { text: 'The agency was hacked in May, and investigators pointed the finger at China.', value: { country: 'CN', actor: null } },
  ],
  counterExamples: [
    // a vendor's pitch lists threats in general: no incident, so no attribution
    'Stay ahead of nation-state threats. Groups such as China-based APT41 and Iran-linked crews are constantly probing corporate ' +
      'networks for a way in, and our annual threat report tracks more than a hundred threat groups around the world. Our platform ' +
      'gives your security team one view across laptops, cloud workloads and identities, with behavioural detection, automated ' +
      'containment of infected machines and round-the-clock monitoring by our analysts. Book a demo with our team today.',
    'The malware was linked to Russian websites selling stolen data.',
    'There is no evidence linking the attack to Russia.',
    'The US Justice Department charged two men over the intrusion.',
    'The website of the US-based monthly publication has been hacked.',
    'Officials denied that the attack was linked to Iran.',
    'The hackers were breached in May. The signposts pointed to a new way of working.',
    'The hospital was hit by ransomware. In May another attack hit 150 countries. That attack was later traced to North Korea.',
    'The city was hacked on Monday. The outage recalled the attack in May in which hackers linked to North Korea hit 150 countries.',
    'Phishing sites were taken down last year; most are not connected to the UK, the report says.',
  ],
  *propose(doc) {
    if (!tellsOfIncident(doc)) return;
    for (const p of places(doc)) {
      const compound = firstMatch(COMPOUND, doc.text.slice(p.end, p.end + 16));
      let start = p.start;
      let end = p.end;
      if (compound) {
        if (p.kind === 'demonym' && !/^-(?:based|linked|backed|sponsored)/i.test(compound[0])) continue;
        end = p.end + compound[0].length;
        if (/based$/i.test(compound[0]) && !BASED_WHAT(doc.text).test(doc.text.slice(end, end + 60))) continue;
      } else {
        const s = doc.sentenceAt(p.start);
        const from = Math.max(s?.start ?? 0, p.start - MAX_BEFORE);
        const before = doc.text.slice(from, p.start);
        const m = firstMatch(BEFORE(doc.text), before) ?? firstMatch(BEFORE_WITH_OBJECT(doc.text), before);
        if (!m) continue;
        if (p.kind === 'name' && ADJECTIVAL.test(doc.text.slice(p.end, p.end + 24))) continue;
        if (p.kind === 'demonym') {
          const head = firstMatch(DEMONYM_HEAD(doc.text), doc.text.slice(p.end, p.end + 40));
          if (!head) continue;
          end = p.end + head[0].length;
        }
        start = from + m.index;
      }
      if (negated(doc, start, end)) continue;
      yield { value: { country: p.code, actor: docActor(doc)?.name ?? null }, confidence: ATTRIBUTED, evidence: [span(doc.text, start, end)] };
    }
  },
});
