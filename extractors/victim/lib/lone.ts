// A lone capitalised word ("Airtel", "MacTalk", "Interpark") is as often a surname or a capitalised
// common word as a brand. Rules that accept one ask for some sign that it names an organisation.
import { escapeLiteral as escape } from '../../_shared/kit.ts';
import type { AnalysedDoc } from '../../_shared/kit.ts';
import { wordList } from '../../_shared/lexicon.ts';
import { memoized } from './cache.ts';
import { lowerWordStartsOf } from '../../_shared/capital-words.ts';
import { hasCorporateContext, isKnownOrganisation } from './words.ts';
import { isStrongName, type VictimName } from './name-shape.ts';
import { forText } from '../../_shared/one-byte.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const NUMBER_SUFFIXED = /^\d+[\p{L}]{0,3}$/u;

// "Interpark Corp.", "MacTalk (mactalk.com.au)": a legal form or the site's own domain right after the word
const ORG_AFTER = /^(?:,?\s+(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|plc|AG|GmbH|SA|NV|BV|SpA)\b|\s*\(\s*(?:www\.)?[\p{L}\d-]+\.[\p{L}]{2,})/u;
// camel case, digits or a dot inside the word are a brand's spelling ("eBay", "000Webhost", "Mail.ru")
const BRAND_SPELLING = /\p{Ll}\p{Lu}|\d\p{L}|\p{L}\d|\.\p{L}{2,}$/u;

// technical terms spelled in capitals name no one: "PDF documents", "SQL databases", "PIN numbers"
// and the roles of privacy write-ups: the covered entity (CE), district attorney (DA), release of information (ROI), privacy officer (PO)
export const TECH_ACRONYM = new Set(wordList('victim-tech-acronyms'));
// an adjective or adverb opening a sentence is capitalised too ("Unencrypted passwords", "Potentially affected patients")
const COMMON_ENDING = /(?:ed|ing|ly|al|ive|ous|ment|tion|sion|ness|ity|ial|ic|ics|ary|ery|ors|ers|ies|ogy|ance|ence|ible|able|less|ful)$/u;

const BRAND_SHAPE = /^[\p{Lu}\d&.-]{2,}$|\p{Ll}\p{Lu}/u;
/** A lone word that can be a brand: no technical acronym, no quantity ("70m"), no adjective-like ending. */
export const isBrandWord = (w: string) =>
  !TECH_ACRONYM.has(w.toUpperCase()) && !NUMBER_SUFFIXED.test(w) && (forText(BRAND_SHAPE, w).test(w) || isKnownOrganisation(w) || !COMMON_ENDING.test(w));

/** Whether `lower` stands as a word in the text: looked up at its first word's starts when that is lower-case (#12). */
function writtenInLowerCase(doc: AnalysedDoc, lower: string): boolean {
  const starts = lowerWordStartsOf(doc, lower);
  if (!starts) return new RegExp(String.raw`(?<![\p{L}\d])${escape(lower)}(?![\p{L}\d])`, 'u').test(doc.text);
  return starts.some((at) => {
    if (!doc.text.startsWith(lower, at)) return false;
    const next = doc.text.codePointAt(at + lower.length);
    return next === undefined || !WORD_CHAR.test(String.fromCodePoint(next));
  });
}
const WORD_CHAR = /[\p{L}\d]/u;

/** Whether a name, single word or not, can stand for an organisation in `text`. */
export function isNameLike(doc: AnalysedDoc, n: VictimName): boolean {
  const { text } = doc;
  if (isStrongName(n) || isKnownOrganisation(n.value) || forText(BRAND_SPELLING, n.value).test(n.value)) return true;
  if (forText(ORG_AFTER, text).test(text.slice(n.end, n.end + 60)) || hasCorporateContext(text, n.end)) return true;
  // a sentence opens with a capital whatever its first word is ("Emergency patients were diverted")
  const before = text.slice(Math.max(0, n.start - 3), n.start);
  if (n.start === 0 || /(?:[.!?:"“\x93]\s*|\n\s*)$/u.test(before)) return false;
  // a brand keeps its capital wherever it appears; a common word shows up in lower case somewhere
  return !inLowerCase(doc, n.value.toLowerCase());
}

/** Whether `lower` stands as a word of its own in the text, once per text and word. */
export const inLowerCase = (doc: AnalysedDoc, lower: string): boolean => memoized(doc, 'lower-case', lower, () => writtenInLowerCase(doc, lower));
