// A name as a rule first sees it is often the short form the text uses after introducing the full one,
// or before it in a headline ("El Centro" … "El Centro Regional Medical Center"; "Premier" … "Premier
// Physicians Group"). Every rule that lands on the short form should agree with those that land on the long one.
import { firstMatch, type AnalysedDoc } from '../../_shared/kit.ts';
import { expandAcronym, nameAt } from './names.ts';
import { isOrgLike, type VictimName } from './name-shape.ts';
import { memoized, spanKey } from './cache.ts';
import { wordStartsOf } from '../../_shared/capital-words.ts';
import { forText } from '../../_shared/one-byte.ts';

const WINDOW = 6000; // a write-up introduces its subject early
const MAX_EXTRA_WORDS = 4; // "El Centro" + "Regional Medical Center"; longer runs swallow a headline

const words = (s: string) => s.split(/\s+/).length;
const ACRONYM = /^[\p{Lu}\d&.-]+$/u;
// the words glued to what comes before them ("e-Premier", "ePremier") belong to another name
const NAME_CHAR_BEFORE = /[\p{L}\p{M}\d'’\x92.&/-]$/u;
const CAPITAL_AFTER = /\s+\p{Lu}/uy;
const LEGAL_FORM_AFTER = /^,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Ltd|Limited|LLC|L\.L\.C|plc|PLC|AG|GmbH|SA|S\.A|NV|N\.V|BV|B\.V|SpA|ASA|AB|Oy|Pty)\b/u;

/**
 * Where `value` is written, ending by `limit`. A mention that counts has no name character before it, so one that
 * starts with a capital starts a word: looked up among the text's word starts, not by a rescan of the text up to
 * each mention (capital-words.ts, #12).
 */
function* mentionsUpTo(doc: AnalysedDoc, value: string, limit: number): Generator<number> {
  const starts = wordStartsOf(doc, value);
  if (!starts) {
    for (let at = doc.text.indexOf(value); at >= 0 && at + value.length <= limit; at = doc.text.indexOf(value, at + 1)) yield at;
    return;
  }
  for (const at of starts) {
    if (at + value.length > limit) return;
    if (doc.text.startsWith(value, at)) yield at;
  }
}

/** The longest organisation-like mention in the text that starts with `name`'s words. */
function completeName(doc: AnalysedDoc, name: VictimName): VictimName {
  // "University of Miami" is already whole (its medical school is a part); an acronym is its own short form
  if (isOrgLike(name.value) || ACRONYM.test(name.value)) return name;
  return memoized(doc, 'complete', spanKey(name.start, name.end), () => longestMention(doc, name));
}

function longestMention(doc: AnalysedDoc, name: VictimName): VictimName {
  const { text } = doc;
  const part = text.slice(0, Math.max(WINDOW, name.end));
  const { value } = name;
  let best = name;
  let from = 0; // mentions do not overlap: the search goes on after the last one looked at
  for (const at of mentionsUpTo(doc, value, part.length)) {
    if (
      at < from ||
      !firstMatch(forText(CAPITAL_AFTER, part), part, at + value.length) ||
      (at > 0 && forText(NAME_CHAR_BEFORE, part).test(part.slice(Math.max(0, at - 2), at)))
    )
      continue;
    const longer = nameAt(doc, at);
    from = at + value.length;
    if (!longer || !longer.value.startsWith(value) || longer.value.length <= best.value.length) continue;
    // "Microsoft Threat Intelligence" is someone else than "Microsoft"; an organisation noun makes it the same
    // "Shire … Shire Human Genetic Therapies, Inc.": a legal form after the longer run makes it the company's full name
    if (
      !(isOrgLike(longer.value.slice(value.length)) || LEGAL_FORM_AFTER.test(text.slice(longer.end, longer.end + 20))) ||
      words(longer.value) - words(value) > MAX_EXTRA_WORDS
    )
      continue;
    best = longer;
  }
  return best;
}

/** The name a text gives in full: an acronym spelled out, a short form completed. */
export const fullName = (doc: AnalysedDoc, name: VictimName): VictimName =>
  memoized(doc, 'full', spanKey(name.start, name.end), () => completeName(doc, expandAcronym(doc, name)));
