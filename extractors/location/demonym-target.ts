// "Anonymous takes down several Mexican government websites"  /  "a Belgian province"  /  "U.S. hospitals"
import { defineRule, span } from '../_shared/kit.ts';
import { elsewhereBefore, isIncidentDoc } from './lib/context.ts';
import { hasTargetNoun, notOneVictimsPlace, isAttackerContext, mentions } from './lib/mentions.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const SPACE_LOWER = /^\s\p{Ll}/u;
const SPACE_LETTER = /^\s+\p{L}/u;

// A demonym (or a country name used as one) before what was attacked; "Russian hackers" is the origin.
const TARGET_DEMONYM = 0.75;
// a capitalised word right before, after a lower-case word or a comma (not at a sentence's start): "and Allied Irish bank"
const NAME_BEFORE = /(?:\p{Ll}|,)\s+\p{Lu}[\p{L}'’\x92-]+\s$/u;
const OPENER = /\b(?:The|A|An|In|On|At|Of|For|From|By|With|And|But|Or|As|To|Both|Many|Several|Some|Two|Three|Most|All|Top|Major)\s$/;

export default defineRule({
  field: 'location',
  examples: [
    { text: 'Anonymous takes down several Mexican government websites.', value: { country: 'MX', region: null, city: null } },
    { text: 'Russian hackers defaced Ukrainian government websites.', value: { country: 'UA', region: null, city: null } },
    { text: 'Two U.S. hospitals reported outages.', value: { country: 'US', region: null, city: null } },
    { text: 'The Dutch municipality lost access to its files.', value: { country: 'NL', region: null, city: null } },
  ],
  counterExamples: [
    // an outbreak across countries: one sentence names three of them
    'The worm has hit hospitals in Britain and a Spanish telecom operator, as well as a courier firm in the US.',
    // one of many countries a campaign reached
    'Earlier versions of the trojan went after Dutch, Spanish and Canadian banks.',
    'Russian hackers claimed the attack.',
    // a demonym inside a firm's name
    'The flaw was found in the apps of Lloyds, Barclays and Royal Scottish bank.',
    // the researchers' home
    'A Norwegian security firm said the ransomware hit thousands of users.',
    // where the stolen money went
    'The clerk was duped and wired the payment to a Hungarian bank account.',
    'A Chinese state-sponsored group was blamed.',
    'The Iranian hacking group APT33 struck again.',
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc)) return;
    for (const m of mentions(doc)) {
      if (m.kind === 'state' || !hasTargetNoun(doc.text, m.end) || isAttackerContext(doc.text, m) || notOneVictimsPlace(doc, m)) continue;
      // "wired to a South African bank": where the money went, not the victim
      if (elsewhereBefore(doc.text, m.start)) continue;
      // "the app of Allied Irish bank": a capitalised word before it mid-sentence makes the demonym part of a name
      if (m.kind === 'demonym' && NAME_BEFORE.test(doc.text.slice(Math.max(0, m.start - 30), m.start)) && !OPENER.test(doc.text.slice(m.start - 30, m.start))) {
        if (SPACE_LOWER.test(doc.text.slice(m.end, m.end + 2))) continue;
      }
      // a country name works as a modifier only right before its noun ("UK hospitals"), not as a subject ("Russia targets")
      if (m.kind === 'country' && !SPACE_LETTER.test(doc.text.slice(m.end, m.end + 2))) continue;
      if (m.kind === 'country' && !hasTargetNoun(doc.text, m.end, 1)) continue;
      yield { value: m.place, confidence: TARGET_DEMONYM, evidence: [span(doc.text, m.start, m.end)] };
    }
  },
});
