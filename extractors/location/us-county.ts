// "the Girl Scouts of Harlow County"  /  "Deerfield County officials said"  /  "a school district in Calder County"
import { defineRule, matches, span } from '../_shared/kit.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { cityPlaces } from '../_shared/gazetteer.ts';
import { elsewhereBefore, isIncidentDoc, isVictimStory } from './lib/context.ts';
import { attackerBefore, isAttackerContext, inOtherIncident } from './lib/mentions.ts';

// "X County" is the American order (Ireland writes "County Cork", England "Kent County Council"): a county name
// the gazetteer knows only in the United States places the story there, in its state when only one has it.
const COUNTY = byWidth(String.raw`(?<![\p{L}\p{N}])((?:\p{Lu}[\p{Ll}'’\x92]+[ -]){1,2}County)\b(?!\s+(?:Council|Cork|Down|Durham))`, 'gu');
const US_COUNTY = 0.6;

export default defineRule({
  field: 'location',
  examples: [
    { text: 'Members of a youth club in Orange County were told their data was stolen in the breach.', value: { country: 'US', region: null, city: null } },
    { text: 'Licking County officials said ransomware locked the 911 system.', value: { country: 'US', region: 'Ohio', city: null } },
  ],
  counterExamples: [
    // English and Irish councils
    'Kent County Council said hackers breached its email.',
    // a county no gazetteer entry puts in the United States alone
    'Hackers hit Nowhere County on Monday.',
    // a story about the public, a product or a trend: a place it merely names is background
    { text: 'Beware the jury-duty phishing scam\n\nResidents of Licking County report fake emails asking for card details.', publishedAt: '2018-02-01' },
    // the attackers' county
    'Hackers from Licking County breached a bank.',
  ],
  *propose(doc) {
    // the pattern opens at every capital: a text that never writes "County" is not searched
    if (!doc.text.includes('County') || !isIncidentDoc(doc) || !isVictimStory(doc)) return;
    for (const m of matches(COUNTY(doc.text), doc.text)) {
      const name = m[1]!;
      const places = cityPlaces(name);
      if (!places.length || places.some((p) => p.country !== 'US')) continue;
      const start = m.index;
      const end = start + name.length;
      if (
        isAttackerContext(doc.text, { start, end }) ||
        attackerBefore(doc.text, start) ||
        elsewhereBefore(doc.text, start) ||
        inOtherIncident(doc.text, { start, end })
      )
        continue;
      const regions = new Set(places.map((p) => p.region));
      const region = regions.size === 1 ? [...regions][0]! : null;
      yield { value: { country: 'US', region, city: null }, confidence: US_COUNTY, evidence: [span(doc.text, start, end)] };
    }
  },
});
