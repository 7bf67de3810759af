// Counts of machines hit in an incident: "five of its servers", "more than 200 servers", "two database
// servers and two application servers" (4), "encrypted 1,500 computers". Not a fleet or a product spec
// ("Cloudflare runs 10,000 servers", "supports up to 64 servers") and not vague sizes ("hundreds of").
import { firstMatch, matches, type AnalysedDoc, type Sentence } from '../../_shared/kit.ts';
import { NUMBER_SOURCE, NUMBER_START_SOURCE, parseNumber } from '../../_shared/numbers.ts';
import { MONTH_SOURCE } from '../../_shared/months.ts';

export interface Count {
  start: number;
  end: number;
  value: number;
}

// "five of its servers", "forty-eight of about 500 county servers": the part hit of a whole
const OWNER =
  String.raw`(?:of\s+(?:(?:its|their|our|his|her|the|these|those)\s+(?:[\w.&-]+(?:['’]s)\s+)?|(?:(?:about|around|some|nearly|roughly|over` +
  String.raw`|more\s+than)\s+)?(?:\d[\d,]*|${NUMBER_SOURCE})\s+))`;
// "30-45 PCs", "two to three servers": a range counts its low end
const RANGE_HIGH = String.raw`(?:\s*(?:-|–|to)\s*(?:\d[\d,]*|${NUMBER_SOURCE}))?`;
// "ElasticSearch", "database", "Windows file"; never a joining word ("two and seized servers", "9,400 patients after two
// laptops"), another number, or the attackers' own machines ("1 million proxy servers", "command-and-control servers")
const MODIFIER =
  String.raw`(?:(?!(?:and|or|but|to|of|in|on|at|for|from|by|with|after|before|since|than|over|into|the|a|an|were|was|proxy|command|c&c|c2` +
  String.raw`|botnet|bot)\b|${NUMBER_START_SOURCE}\s)[\w.&-]+\s+){0,3}?`;
// "12 December computers were infected": a day of the month is no count
const NOT_DATE = String.raw`(?!(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH_SOURCE})\b)`;
/** A count pattern: the count, then the counts joined to it by "and" ("two database servers and two application servers"). */
export interface CountPattern {
  /** The count: group n is the number. */
  readonly count: RegExp;
  /** Sticky, tried where a count ends: the "and" counts after it, each with its nouns, as many as follow. */
  readonly more: RegExp;
  /** The noun alternation: a sentence without it is passed over. */
  readonly nouns: RegExp;
}
/**
 * A count of nouns, the noun alternation given by the caller. The count and the "and" counts after it were one pattern
 * (count, then `(?<more>(?:…)*)`), which V8 compiled on first use in about a tenth of a second per noun list: a greedy
 * star that closes a pattern takes as many repeats as follow wherever the part before it ends, so the same matches come
 * from the count alone and the repeats sought after it, and the repeats' pattern is compiled only once a count is found.
 */
export function countPattern(nouns: string): CountPattern {
  return {
    count: new RegExp(String.raw`\b(?<n>${NUMBER_SOURCE})${NOT_DATE}${RANGE_HIGH}\s+${OWNER}?(?:other\s+)?${MODIFIER}(?:${nouns})\b`, 'gi'),
    more: new RegExp(String.raw`(?:\s*,?\s*and\s+(?:${NUMBER_SOURCE})\s+${MODIFIER}(?:${nouns})\b)*`, 'iy'),
    nouns: new RegExp(nouns, 'i'),
  };
}
// what each repeat of CountPattern.more opens with
const AND_NEXT = /\s*,?\s*and\s/iy;
const AND_COUNT = new RegExp(String.raw`\band\s+(${NUMBER_SOURCE})\s`, 'gi');

// the number sizes a fleet or a limit, not what was hit
const FLEET_BEFORE = new RegExp(
  String.raw`\b(?:up\s+to|runs?|running|operates?|operating|owns?|owning|manages?|managing|maintains?|supports?|hosts?|has` +
    String.raw`|have|with|fleet\s+of|network\s+of|out\s+of|of\s+(?:its|their|our|the)(?:\s+\w+['’]s)?|capacity\s+(?:of|for)|room\s+for)\s+(?:about\s+` +
    String.raw`|around\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?$`,
  'i',
);
// a digit count glued to a date, a year or a model number is not a count of machines
const NOT_A_COUNT = /^(?:1[89]|20)\d\d$/;
// "on May 19 had encrypted 40 servers": a number right after a month name is a day of the month
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTH_SOURCE})\.?\s+$`, 'i');
export const INCIDENT = new RegExp(
  String.raw`\b(?:hack\w*|breach\w*|compromis\w*|infect\w*|encrypt\w*|attack\w*|ransom\w*|access\w*|st[oe]len?|steal\w*` +
    String.raw`|expos\w*|leak\w*|wip(?:ed|ing)|malware|intru\w*|penetrat\w*|hit|affected|impacted|offline|shut\s+down|disrupt\w*|seized|targeted|damag\w*` +
    String.raw`|delet\w*|locked|crippl\w*|unsecured|misconfigur\w*|vulnerable|took\s+down|taken\s+down|knocked)\b`,
  'i',
);

// "ransomware infects more than 100,000 computers every day": a rate, not the incident's reach
const HABITUAL = /\b(?:(?:every|each|per)\s+(?:day|week|month|year)|usually|typically|routinely|on\s+average)\b/i;

/** Counts matched by p in sentence s that report machines hit, not a fleet. */
export function countsIn(doc: AnalysedDoc, s: Sentence, p: CountPattern): Count[] {
  const out: Count[] = [];
  if (!p.nouns.test(s.text) || !INCIDENT.test(s.text) || HABITUAL.test(s.text)) return out;
  const found = matches(p.count, s.text);
  for (const m of found) {
    const n = m.groups!.n!;
    if (/^\d/.test(n) && MONTH_BEFORE.test(s.text.slice(Math.max(0, m.index - 12), m.index))) {
      found.continueAt(m.index + n.length); // the count may come later in the same stretch ("…19 had encrypted 40 servers")
      continue;
    }
    // the "and" counts after the count (each opens as AND_NEXT): the next search goes on after them, as it did after the
    // one pattern's match
    let end = m.index + m[0].length;
    const andCounts = firstMatch(AND_NEXT, s.text, end) ? firstMatch(p.more, s.text, end)![0] : '';
    end += andCounts.length;
    found.continueAt(end);
    if (FLEET_BEFORE.test(s.text.slice(Math.max(0, m.index - 40), m.index)) || NOT_A_COUNT.test(n)) continue;
    let value = parseNumber(n);
    // "two database servers and two application servers": the counts add up
    for (const a of matches(AND_COUNT, andCounts)) {
      if (value == null) break;
      const more = parseNumber(a[1]!);
      value = more == null ? null : value + more;
    }
    if (value == null || !Number.isInteger(value) || value < 1) continue;
    out.push({ start: s.start + m.index, end: s.start + end, value });
  }
  return out;
}

/** "infected the computer", "hack the server": a bare "the" machine after the verb is any reader's; "the Mac of an activist" is one. */
export const generic = (found: string, after: string): boolean => /^the\s+\S+$/i.test(found) && !/^\s+(?:of|belonging\s+to|used\s+by)\b/i.test(after);
