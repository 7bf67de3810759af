// "China has downloaded 10 to 20 terabytes of data" / "The German BND hacked computers in Congo"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { places } from './lib/places.ts';
import { docActor } from './lib/actors.ts';
import { ACRONYM, ATTACK_VERB, STATE_WORD, negated } from './lib/context.ts';
import { tellsOfIncident } from './lib/incident.ts';

const ADVERB =
  String.raw`(?:managed\s+to|allegedly|reportedly|presumabl?e?ly|apparently|likely|probably|also|itself|then|later|repeatedly|secretly|has|have` +
  String.raw`|had)`;
const AFTER_NAME = new RegExp(String.raw`^(?:['’\x92]s)?(?:\s+(?:${STATE_WORD}|${ACRONYM}|${ADVERB})){0,4}\s+${ATTACK_VERB}\b(?!\s+by\b)`, 'u');
// A demonym alone is not a subject: "the Chinese hacked" is rare, "Chinese websites were hacked" common.
const AFTER_DEMONYM = new RegExp(
  String.raw`^(?:\s+(?:${ADVERB}\s+)?(?:${STATE_WORD}|${ACRONYM})){1,4}(?:\s+${ADVERB}){0,2}\s+${ATTACK_VERB}\b(?!` + String.raw`\s+by\b)`,
  'u',
);
// "The government of Togo used spyware": the organ comes first and the country follows "of".
const ORGAN_OF = /\b(?:government|military|army|intelligence\s+services?|regime|authorities|president)\s+(?:from|of)\s+(?:the\s+)?$/i;
const VERB_AFTER = new RegExp(String.raw`^(?:\s+${ADVERB})*\s+${ATTACK_VERB}\b(?!\s+by\b)`, 'u');
// After these the country is the target or the place, not the actor.
const OBJECT_BEFORE = /(?:\b(?:in|on|at|against|into|to|targeting|targeted|attacked|hacked|of|from|for|across|throughout|with|than)\s+(?:the\s+)?)$/i;
const STATE_ACTS = 0.7; // a country or its state organ is the subject of an attack verb
const COUNTRY_ACTS = 0.65; // a bare country name as subject: also headlines, where it is often metonymy for a victim's view

export default defineRule({
  field: 'origin',
  examples: [
    { text: 'China has downloaded 10 to 20 terabytes of data from the NIPRNet, said a general.', value: { country: 'CN', actor: null } },
    { text: 'The German BND hacked computers in the Democratic Republic of Congo.', value: { country: 'DE', actor: null } },
    { text: 'U.S. officials have determined that the Chinese government hacked into the campaigns.', value: { country: 'CN', actor: null } },
    { text: 'The government of Togo used spyware tools against the opposition.', value: { country: 'TG', actor: null } },
    { text: 'The british GCHQ wiretapped emails of journalists.', value: { country: 'GB', actor: null } },
    { text: "Britain's GCHQ intelligence service was behind a cyber attack against Belgacom.", value: { country: 'GB', actor: null } },
  ],
  counterExamples: [
    // a town's history names armies, not attackers: no incident is told
    'The old fortress above the river changed hands many times over the centuries. Its walls were rebuilt in the 1700s by engineers ' +
      'sent from the capital, and the Dutch army garrisoned it for decades. Later the Belgian army used it as a barracks and a depot ' +
      'until the end of the nineteenth century. Today the town runs the site as a museum with guided tours, a café and a small shop, ' +
      'and a cable car carries visitors from the old town to the top of the hill every half hour in summer.',
    'Ukrainian government websites were defaced on Monday.',
    'Russia was hacked by a group of students.',
    'Ukraine targeted by a new wave of phishing.',
    'There is no evidence that Russia attacked the grid.',
    'Hackers in the city attacked banks in Brazil.',
  ],
  *propose(doc) {
    if (!tellsOfIncident(doc)) return;
    for (const p of places(doc)) {
      if (p.kind === 'capital' || (!p.exact && p.kind !== 'demonym')) continue;
      const organ = firstMatch(ORGAN_OF, doc.text.slice(Math.max(0, p.start - 40), p.start));
      if (organ && p.kind === 'name') {
        const v = firstMatch(VERB_AFTER, doc.text.slice(p.end, p.end + 60));
        if (v && !negated(doc, p.start, p.end)) {
          const start = p.start - organ[0].length;
          const value = { country: p.code, actor: docActor(doc)?.name ?? null };
          yield { value, confidence: STATE_ACTS, evidence: [span(doc.text, start, p.end + v[0].length)] };
        }
        continue;
      }
      if (OBJECT_BEFORE.test(doc.text.slice(Math.max(0, p.start - 20), p.start))) continue;
      const re = p.kind === 'demonym' ? AFTER_DEMONYM : AFTER_NAME;
      const m = firstMatch(re, doc.text.slice(p.end, p.end + 120));
      if (!m) continue;
      const end = p.end + m[0].length;
      if (negated(doc, p.start, end)) continue;
      const state = p.kind === 'demonym' || m[0].trim().split(/\s+/).length > 1;
      const value = { country: p.code, actor: docActor(doc)?.name ?? null };
      yield { value, confidence: state ? STATE_ACTS : COUNTRY_ACTS, evidence: [span(doc.text, p.start, end)] };
    }
  },
});
