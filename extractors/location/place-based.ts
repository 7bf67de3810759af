// "San Diego-based Sharp HealthCare said..."  /  "a Belgium-based insurer"  /  "the firm, based in Ohio,"
import { defineRule, span, type AnalysedDoc } from '../_shared/kit.ts';
import { capitalStarts } from '../_shared/capital-words.ts';
import { classAt, LETTERS_MARKS } from '../_shared/char-classes.ts';
import { countryCode } from '../_shared/countries.ts';
import { cityPlaces } from '../_shared/gazetteer.ts';
import { cityInDoc, isIncidentDoc, isVictimStory } from './lib/context.ts';
import { attackerBefore, isAttackerContext, inOtherIncident } from './lib/mentions.ts';
import { regionOf } from './lib/parse.ts';
import { PLACE_RUN } from './lib/phrases.ts';
import { matchesAt } from '../_shared/matches-at.ts';
import { byWidth } from '../_shared/one-byte.ts';

const BASED =
  String.raw`(?<![\p{L}\p{N}])(${PLACE_RUN})[ -](?:based|headquartered)\b|\b(?:based` + String.raw`|headquartered)\s+in\s+(?:the\s+)?(${PLACE_RUN})`;
const BASED_WORD = /based|headquartered/;
// tried, sticky, only where basedStarts says a match can start
const BASED_AT = byWidth(BASED, 'uy');
const BASED_WORDS = ['based', 'headquartered'];
const RUN_JOINERS = 4;

/**
 * Every place BASED can match, ascending: each "based" / "headquartered" (the second alternative opens there) and, before
 * one written right after a space or a hyphen, the capitalised words (capital-words.ts: a capital with no letter or digit
 * before it, as the look-behind asks) that a run ending there can open with: a run is written with letters, marks, "'",
 * "’" and "." and holds at most four joiners (" " or "-"), so the walk back from the joiner before the word stops at the
 * fifth joiner or at any other character, and the run opens after it.
 */
function basedStarts(doc: AnalysedDoc): number[] {
  const text = doc.text;
  const words: number[] = [];
  for (const w of BASED_WORDS) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) words.push(at);
  if (!words.length) return words;
  words.sort((a, b) => a - b);
  const capitals = capitalStarts(doc);
  const out: number[] = [];
  for (const q of words) {
    const joiner = q > 0 ? text.charCodeAt(q - 1) : 0;
    if (q > 1 && (joiner === 32 || joiner === 45)) {
      let from = q - 1;
      let joiners = 0;
      while (from > 0) {
        const c = text.charCodeAt(from - 1);
        if (c === 32 || c === 45) {
          if (++joiners > RUN_JOINERS) break;
          from--;
        } else if (c === 39 || c === 0x2019 || c === 0x92 || c === 46)
          from--; // 0x92: ’ as rules read it
        // a low surrogate: the code point starts one unit earlier
        else if (c >= 0xdc00 && c <= 0xdfff && from > 1 && classAt(text, from - 2) & LETTERS_MARKS) from -= 2;
        else if (classAt(text, from - 1) & LETTERS_MARKS) from--;
        else break;
      }
      let lo = 0;
      let hi = capitals.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (capitals[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      for (let j = lo; j < capitals.length && capitals[j]! < q - 1; j++) out.push(capitals[j]!);
    }
    out.push(q);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
const BASED_AREA = 0.85; // a country or state said to be the organisation's home
const BASED_CITY = 0.8; // a city name alone, accepted only when the gazetteer knows one country for it

// "Middle East-based": a compass word left alone by the longer name is no place ("East" is a region somewhere)
const COMPASS = /^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western)$/;

function placeOf(run: string, doc: AnalysedDoc) {
  const tokens = run.split(' ');
  // "the company's San Diego-based unit": keep the longest tail that is a known place
  for (let i = 0; i < tokens.length; i++) {
    const name = tokens.slice(i).join(' ');
    if (COMPASS.test(name)) return undefined;
    const code = countryCode(name);
    if (code) return { name, place: { country: code, region: null, city: null }, area: true };
    // "Leeds-based": a name that is a city and a district of the same country is the city
    const c = cityInDoc(doc, name);
    const r = regionOf(name);
    if (r && !/\./.test(name) && (r.country === 'US' || c?.country !== r.country)) return { name, place: { ...r, city: null }, area: true };
    if (c) return { name, place: c, area: false };
    if (cityPlaces(name).length) return undefined; // "Los Angeles" is ambiguous; its tail "Angeles" is not the place
  }
  return undefined;
}

export default defineRule({
  field: 'location',
  examples: [
    { text: 'San Diego-based Sharp HealthCare notified California patients of a breach.', value: { country: 'US', region: 'California', city: 'San Diego' } },
    {
      text: 'Harrow & Finch, the Leeds-based chain, was the latest British retailer hit by a cyber attack.',
      value: { country: 'GB', region: null, city: 'Leeds' },
    },
    { text: 'A Belgium-based insurer disclosed a breach.', value: { country: 'BE', region: null, city: null } },
    { text: 'The hospital, headquartered in Ohio, said records were stolen.', value: { country: 'US', region: 'Ohio', city: null } },
  ],
  counterExamples: [
    'A Middle East-based researcher said the malware hit the bank.',
    // a quoted word between the place and the attacker noun
    "A China-based 'systematic' hacking operation breached the network.",
    // a story about the public, a product or a trend: a place it merely names is background
    { text: 'New ransomware variant surfaces\n\nResearchers at a Texas-based security firm found the malware in a spam wave.', publishedAt: '2018-02-01' },
    'A China-based group breached the network.',
    'The attack was web-based.',
    'Hackers based in Russia claimed it.',
  ],
  *propose(doc) {
    // the pattern opens at every capital: a text that never writes "based" or "headquartered" is not searched
    if (!BASED_WORD.test(doc.text) || !isIncidentDoc(doc) || !isVictimStory(doc)) return;
    for (const m of matchesAt(BASED_AT(doc.text), doc.text, basedStarts(doc))) {
      const run = m[1] ?? m[2]!;
      const hit = placeOf(run, doc);
      if (!hit) continue;
      const runStart = m[1] ? m.index : m.index + m[0].length - run.length;
      const start = runStart + run.length - hit.name.length;
      const end = m[1] ? m.index + m[0].length : start + hit.name.length;
      // "hackers based in Russia" is attacker context just as "Russia-based hackers" is
      if (isAttackerContext(doc.text, { start: m[1] ? start : m.index, end })) continue;
      if (!m[1] && attackerBefore(doc.text, m.index)) continue;
      if (inOtherIncident(doc.text, { start, end })) continue;
      yield { value: hit.place, confidence: hit.area ? BASED_AREA : BASED_CITY, evidence: [span(doc.text, start, end)] };
    }
  },
});
