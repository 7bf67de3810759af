// "The Province of Namur was the victim of a cyberattack"  /  "a hospital in Ontario"  /  "the port in Aichi prefecture"  /  "Catalonia's regional government"
import { defineRule, groupStart, span, type AnalysedDoc } from '../_shared/kit.ts';
import { calledRegion, isIncidentDoc, isVictimStory } from './lib/context.ts';
import { cityPlaces } from '../_shared/gazetteer.ts';
import { attackerBefore, isAttackerContext, inOtherIncident } from './lib/mentions.ts';
import { subdivisionAsWritten } from './lib/regions.ts';
import { PLACE_RUN } from './lib/phrases.ts';
import { matchesAt } from '../_shared/matches-at.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { prepositionMask, prepositionStarts, suffixStarts } from './lib/starts.ts';

// US states have their own rule; here any other country's provinces, regions and states.
const UNIT_WORDS = 'Province Region State County Canton Department Prefecture Oblast Voivodeship Land Provincia Région Département'.split(' ');
const UNIT = String.raw`(?:${UNIT_WORDS.join('|')})\s+(?:of|de|du|di|del|des|d['’\x92])\s*`;
const UNIT_AFTER = String.raw`\s+(?:prefecture|province|region|county|oblast|canton|department|state)\b`;
const PLACE = byWidth(String.raw`(?:\b(${UNIT})|\b(?:in|across|throughout|of)\s+(?:the\s+)?)(${PLACE_RUN})(${UNIT_AFTER}|['’\x92]s\b)?`, 'duy');
// PLACE is tried only at its unit words and at its prepositions before a capitalised word (starts.ts)
const PREPOSITIONS = prepositionMask(['in', 'across', 'throughout', 'of']);
function placeStarts(doc: AnalysedDoc): number[] {
  const text = doc.text;
  const out = prepositionStarts(doc, PREPOSITIONS);
  for (const w of UNIT_WORDS) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) out.push(at);
  return out.sort((a, b) => a - b);
}
const NUMBER_AFTER = /^\s\p{N}/u;
const NAMED_UNIT = 0.8; // "Province of Namur", "Aichi prefecture": the text says it is a subdivision
const IN_SUBDIVISION = 0.6; // "in Ontario": a unique subdivision name after a preposition
const POSSESSIVE = 0.65; // "Catalonia's regional government": owner of what follows, usually the victim

// tried only at the capitalised words a walk over a run's characters finds a suffix after (starts.ts)
const SUFFIX_OR_POSSESSIVE = byWidth(String.raw`(?<![\p{L}\p{N}])(${PLACE_RUN})(${UNIT_AFTER}|['’\x92]s\b)`, 'duy');

export default defineRule({
  field: 'location',
  examples: [
    { text: 'The Province of Namur was the victim of a significant cyberattack.', value: { country: 'BE', region: 'Namur', city: null } },
    { text: 'A hospital in Ontario said patient records were stolen.', value: { country: 'CA', region: 'Ontario', city: null } },
    { text: 'Terminals stopped at the port in Aichi prefecture after a ransomware attack.', value: { country: 'JP', region: 'Aichi', city: null } },
    { text: "Catalonia's regional government said it would not pay the ransom.", value: { country: 'ES', region: 'Catalonia', city: null } },
  ],
  counterExamples: [
    // a story about the public, a product or a trend: a place it merely names is background
    { text: 'Tax-refund phishing scam warning\n\nThe police of the Province of Namur, who studied the fake emails, urge caution.', publishedAt: '2018-02-01' },
    'A hospital in Texas said records were stolen.',
    'Hackers defaced the forums of Unity 3D over the weekend.',
    'Hackers in Ontario claimed the attack.',
    'The Department of Health said records were stolen.',
    'Hackers breached the Port of Lisbon.',
    'The breach hit a shop in Leeds.',
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc) || !isVictimStory(doc)) return;
    const place = PLACE(doc.text);
    for (const re of [place, SUFFIX_OR_POSSESSIVE(doc.text)]) {
      for (const m of matchesAt(re, doc.text, re === place ? placeStarts(doc) : suffixStarts(doc))) {
        const unit = re === place ? m[1] : undefined;
        const raw = re === place ? m[2]! : m[1]!;
        const tail = re === place ? m[3] : m[2];
        if (re === place && tail) continue; // the second pattern reads it
        const run = raw.replace(/\.$/, '').replace(/^(?:The|A|An)\s+/, '');
        const sub = subdivisionAsWritten(run, !!(unit || (tail && !/['’\x92]/.test(tail))));
        if (!sub || sub.country === 'US') continue;
        const named = !!unit || (!!tail && !/['’\x92]/.test(tail)) || calledRegion(doc.text, run);
        // "in Leeds", "the Port of Lisbon": a city that shares its name with its district is the city
        if (!named && !/shire$/.test(run) && cityPlaces(run, sub.country).length) continue;
        const start = groupStart(m, re === place ? 2 : 1) + raw.length - run.length;
        const end = start + run.length;
        // "Unity 3D", "Victoria 2": a name that goes on with a number is a product's or a game's
        if (NUMBER_AFTER.test(doc.text.slice(end, end + 4))) continue;
        if (isAttackerContext(doc.text, { start, end }) || attackerBefore(doc.text, m.index) || inOtherIncident(doc.text, { start, end })) continue;
        const confidence = unit || (tail && !/['’\x92]/.test(tail)) ? NAMED_UNIT : tail ? POSSESSIVE : IN_SUBDIVISION;
        const evidence = [span(doc.text, unit ? m.index : start, tail ? end + tail.length : end)];
        yield { value: { country: sub.country, region: run, city: null }, confidence, evidence };
      }
    }
  },
});
