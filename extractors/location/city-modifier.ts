// "The Amsterdam company said…"  /  "a Bristol aerospace supplier"  /  "Brisbane clinic refuses ransom"
import { defineRule, groupStart, span } from '../_shared/kit.ts';
import { cityInDoc, isIncidentDoc, isVictimStory } from './lib/context.ts';
import { PLACE_RUN } from './lib/phrases.ts';
import { inOtherIncident } from './lib/mentions.ts';
import { matchesAt } from '../_shared/matches-at.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { articleStarts } from './lib/starts.ts';

// A city written as the modifier of an organisation noun is that organisation's home.
const ORG_NOUN =
  String.raw`(?:company|firm|provider|supplier|manufacturer|maker|retailer|chain|hospital|clinic|practice|council|municipality|university` +
  String.raw`|college|school|district|bank|insurer|agency|authority|airport|utility|business|start-?up|plant|factory|store|hotel|charity|newspaper` +
  String.raw`|broadcaster|law\s+firm|hospital\s+trust)`;
// tried, sticky, only at line starts and articles before a capitalised word (starts.ts)
const MODIFIER = byWidth(String.raw`(?:^|\b(?:the|a|an|The|A|An)\s+)(${PLACE_RUN})\s+(?:[\p{Ll}-]+\s+){0,2}?${ORG_NOUN}\b`, 'dmuy');
const CITY_MODIFIER = 0.7;

export default defineRule({
  field: 'location',
  examples: [
    { text: 'The Amsterdam company said attackers wiped its servers.', value: { country: 'NL', region: null, city: 'Amsterdam' } },
    {
      text: 'Hackers spent months inside the network of a Bristol aerospace supplier, a court in London heard.',
      value: { country: 'GB', region: null, city: 'Bristol' },
    },
    { text: 'Brisbane clinic refuses ransom after Queensland patient files encrypted', value: { country: 'AU', region: 'Queensland', city: 'Brisbane' } },
  ],
  counterExamples: [
    // a story about the public, a product or a trend: a place it merely names is background
    {
      text: 'Study: hospitals lag on patient data security\n\nThe Chicago hospital said its researchers compared hacking reports filed over five years.',
      publishedAt: '2018-02-01',
    },
    'A Russian company was hacked.',
    'The Paris prosecutor opened a case after the breach.',
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc) || !isVictimStory(doc)) return;
    for (const m of matchesAt(MODIFIER(doc.text), doc.text, articleStarts(doc))) {
      const name = m[1]!.replace(/^(?:The|A|An)\s+/, '');
      const place = cityInDoc(doc, name);
      if (!place) continue;
      const start = groupStart(m) + m[1]!.length - name.length;
      if (inOtherIncident(doc.text, { start, end: start + name.length })) continue;
      yield { value: place, confidence: CITY_MODIFIER, evidence: [span(doc.text, start, start + name.length)] };
    }
  },
});
