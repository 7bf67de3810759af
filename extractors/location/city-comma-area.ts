// "Dr. Loi Luu of Westminster, California"  /  "Springfield, Ill."  /  "a student from Hamburg, Germany"
import { defineRule, firstMatch, matches, span } from '../_shared/kit.ts';
import { byWidth } from '../_shared/one-byte.ts';
import { isIncidentDoc, isVictimStory } from './lib/context.ts';
import { attackerBefore, isAttackerContext, inOtherIncident } from './lib/mentions.ts';
import { areaAtStart, cityAtEnd, PLACE_RUN } from './lib/phrases.ts';

// Commas before a capital are rare enough to look for first; the runs around them are read from there.
// the comma first, its look behind after: far faster than a look behind at every place
const COMMA = byWidth(String.raw`,(?<=[\p{L}.],)[ ]?(?=\p{Lu})`, 'gu');
const RUN_BEFORE = byWidth(String.raw`(?<![\p{L}\p{N}])${PLACE_RUN}$`, 'u');
const RUN_AFTER = byWidth(PLACE_RUN, 'uy');
const KNOWN_CITY = 0.9; // a gazetteer city inside the state or country written after it
const ABBREVIATED_STATE = 0.8; // "Anytown, Fla.": the news style for US places, even for towns the gazetteer lacks

export default defineRule({
  field: 'location',
  examples: [
    {
      text: 'Hundreds of records were found in a dumpster in Springfield, Ill., last week.',
      value: { country: 'US', region: 'Illinois', city: 'Springfield' },
    },
    { text: 'The Austin, Texas, utility said its billing system was hit.', value: { country: 'US', region: 'Texas', city: 'Austin' } },
    { text: 'Toledo,Ohio-based Hylant alleges a former employee took clients.', value: { country: 'US', region: 'Ohio', city: 'Toledo' } },
    { text: 'A clinic in Namur, Belgium was hit by ransomware.', value: { country: 'BE', region: 'Wallonia', city: 'Namur' } },
  ],
  counterExamples: [
    // a story about the public, a product or a trend: a place it merely names is background
    {
      text: 'Flaw left banking apps vulnerable\n\nThe researchers, of Orlando, Fla., found the bug that lets hackers read logins.',
      publishedAt: '2018-02-01',
    },
    'Meanwhile, Texas Instruments reported earnings.',
    'Hackers based in Moscow, Russia claimed the attack.',
    'Smith, Jones and Brown signed the letter.',
  ],
  *propose(doc) {
    if (!isIncidentDoc(doc) || !isVictimStory(doc)) return;
    for (const c of matches(COMMA(doc.text), doc.text)) {
      // the area after the comma first: most commas have none, and the run before them is then not searched for
      const tail = firstMatch(RUN_AFTER(doc.text), doc.text, c.index + c[0].length);
      const area = tail && areaAtStart(tail[0]);
      if (!area) continue;
      const head = firstMatch(RUN_BEFORE(doc.text), doc.text.slice(Math.max(0, c.index - 60), c.index));
      if (!head) continue;
      const city = cityAtEnd(head[0], area.country, area.region);
      const abbreviated = !city && area.country === 'US' && /\.$/.test(area.text);
      if (!city && !abbreviated) continue;
      const start = city ? c.index - city.name.length : tail.index;
      const end = tail.index + area.text.length;
      // "hackers based in Moscow, Russia"
      const via = firstMatch(/\b(?:based |operating )?(?:in|from) $/, doc.text.slice(start - 20, start))?.[0].length ?? 0;
      if (isAttackerContext(doc.text, { start, end }) || attackerBefore(doc.text, start - via)) continue;
      if (inOtherIncident(doc.text, { start, end })) continue;
      const region = area.region ?? (city && city.places.length === 1 ? city.places[0]!.region : null);
      yield {
        value: { country: area.country, region, city: city?.name ?? null },
        confidence: city ? KNOWN_CITY : ABBREVIATED_STATE,
        evidence: [span(doc.text, start, end)],
      };
    }
  },
});
