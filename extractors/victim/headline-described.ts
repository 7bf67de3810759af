// "Hackers hit Vermont furniture store with ransomware" (headline) … "what happened to Harlow's Furniture in Colchester"
// A headline often describes the victim instead of naming it: a few words and a kind ("furniture store", "horse racing
// site"). The body then names it with the same words: in the name itself ("Harlow's Furniture") or just before it
// ("a popular horse racing website (Racepulse.in)"). Places, the kind and praise words say nothing of which one it is.
import { alternation, defineRule, firstMatch, span } from '../_shared/kit.ts';
import { forText } from '../_shared/one-byte.ts';
import { wordList } from '../_shared/lexicon.ts';
import { namesIn } from './lib/names.ts';
import { headlineOf } from './lib/headline.ts';
import { isPlace } from './lib/name-shape.ts';

const KIND = alternation(wordList('victim-kind-nouns'));
const HARM = String.raw`(?:hit|hits|hacked|breached|attacked|struck|strikes|compromised|infected|crippled|targeted|targets|hack|hacks|attack|attacks)`;
const DESCRIBED = new RegExp(
  String.raw`(?:^|\b(?:hackers?|ransomware|attackers?|cybercriminals?|malware|virus)\s+${HARM}\s+)((?:[\p{L}'’\x92-]+\s+){1,4}?)(?:${KIND})s?\b` +
    String.raw`(?=\s+(?:(?:was|is|gets?|got|has\s+been)\s+)?${HARM}\b|\s+(?:with|by|in)\b|\s*$)`,
  'iu',
);
// words that describe any victim: they pick out none
const PLAIN = new Set(wordList('victim-description-plain'));
const WORDS = /[\p{L}]{3,}/gu;
const ACRONYM = /^\p{Lu}{2,}$/u;
const KIND_WORDS = new Set(wordList('victim-kind-nouns'));
const NEAR = 60;
const DESCRIBED_VICTIM = 0.75; // the headline's own word on whom the incident hit, as headline-victim

export default defineRule({
  field: 'victim',
  examples: [
    {
      text:
        'Hackers hit Vermont furniture store with ransomware\n' +
        'A Vermont business was held for ransom. That is what happened to Harlow Furniture in Colchester.',
      value: 'Harlow Furniture',
    },
    {
      text: "India's Famous Horse Racing Site Hacked with Ransomware\nA popular horse racing website (Racepulse.in) that operates out of Bangalore was hacked.",
      value: 'Racepulse.in',
    },
  ],
  counterExamples: [
    // the headline names the victim
    'Hackers hit Harlow Furniture with ransomware\nHarlow Furniture said files were locked.',
    // no body name shares the description
    'London NHS hospital trust hit by cyber-attack\nThe largest NHS trust in England was hit. Barts health trust runs five hospitals.',
    'Hackers hit Vermont furniture store with ransomware\nA Vermont business was held for ransom, police said.',
  ],
  *propose(doc) {
    const top = headlineOf(doc);
    const m = top && firstMatch(forText(DESCRIBED, top.line), top.line);
    if (!top || !m) return;
    // an acronym in the description is a parent body ("London NHS hospital trust"), kept as the trust's alternative
    const words = new Set(
      [...m[1]!.matchAll(WORDS)]
        .filter((w) => !ACRONYM.test(w[0]))
        .map((w) => w[0].toLowerCase())
        .filter((w) => !PLAIN.has(w) && !KIND_WORDS.has(w) && !isPlace(w[0]!.toUpperCase() + w.slice(1))),
    );
    if (!words.size) return;
    for (const name of namesIn(doc, top.body)) {
      const own = [...name.value.matchAll(WORDS)].some((w) => words.has(w[0].toLowerCase().replace(/['’\x92]s$/u, '')));
      const before = doc.text.slice(Math.max(0, name.start - NEAR), name.start);
      const told = /\(\s*$/u.test(before) && [...before.matchAll(WORDS)].some((w) => words.has(w[0].toLowerCase()));
      if (!own && !told) continue;
      yield { value: name.value, confidence: DESCRIBED_VICTIM, evidence: [span(doc.text, name.start, name.end)] };
      return;
    }
  },
});
