// "The pro-Russian hacktivist group Killnet disrupted websites of German banks"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { places } from './lib/places.ts';
import { docActor } from './lib/actors.ts';
import { ATTACKER_MODIFIER, ATTACKER_NOUN, ONCE, nameAfter, negated } from './lib/context.ts';
import { tellsOfIncident } from './lib/incident.ts';

// Siding with a state is weaker than being from it: a separate rule, so calibration can price it on its own.
const PRO = /\bpro-$/i;
const AFTER = byWidth(String.raw`^(?:[\s-]+${ATTACKER_MODIFIER}${ONCE}){0,3}[\s-]+(${ATTACKER_NOUN})(?![\p{L}-])`, 'iu');
const NAMED_NOUN = /(?:group|gang|actor|collective|crew|team|hacktivist|hacker)s?$/i;
const SIDES_WITH = 0.55; // hacktivists declaring for a country are usually, not always, from it

export default defineRule({
  field: 'origin',
  examples: [
    { text: 'The pro-Russian hacktivist group Killnet disrupted websites of German banks.', value: { country: 'RU', actor: 'Killnet' } },
    { text: 'The pro-Kremlin hacker group KillNet shut down the Parliament website.', value: { country: 'RU', actor: 'KillNet' } },
  ],
  counterExamples: ['Defacers left pro-Pakistani remarks on the site.', 'The Russian hackers attacked Ukrainian sites.'],
  *propose(doc) {
    if (!tellsOfIncident(doc)) return;
    for (const p of places(doc)) {
      if (!PRO.test(doc.text.slice(Math.max(0, p.start - 4), p.start))) continue;
      const m = firstMatch(AFTER(doc.text), doc.text.slice(p.end, p.end + 100));
      if (!m) continue;
      const end = p.end + m[0].length;
      if (negated(doc, p.start - 4, end)) continue;
      const name = NAMED_NOUN.test(m[2]!) ? nameAfter(doc, end) : undefined;
      const evidence = [span(doc.text, p.start - 4, end)];
      if (name) evidence.push(span(doc.text, name.start, name.end));
      yield { value: { country: p.code, actor: name?.name ?? docActor(doc)?.name ?? null }, confidence: SIDES_WITH, evidence };
    }
  },
});
