// Victim names folded so that two articles naming one victim differently meet on one key: case, accents,
// punctuation, legal forms ("Acme Corp." / "ACME"), place wrappers ("City of Atlanta" / "Atlanta"), and the
// acronyms an article defines ("Colorado Department of Transportation (CDOT)").
import forms from './name-forms.json' with { type: 'json' };

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const MARKS = /\p{M}/gu;
const NOT_WORD_CHARS = /[^\p{L}\p{N}]+/gu;
const CAPITAL_OR_AMPERSAND = /^[\p{Lu}&]/u;

const LEGAL = new Set(forms.legalForms);
const LEADING = new Set(forms.leadingWords);
// longest first: "the city of" must win over "city of"
const PREFIXES = [...forms.placePrefixes].sort((a, b) => b.length - a.length).map((p) => `${p} `);
const SUFFIXES = [...forms.placeSuffixes].sort((a, b) => b.length - a.length).map((s) => ` ${s}`);

/** Lower case, no accents or punctuation, "&" as "and", single spaces. */
function plain(name: string): string {
  return name
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`´]/g, '')
    .replace(NOT_WORD_CHARS, ' ')
    .trim();
}

// foldName's answers: placing an article folds its victim and alternatives, merging compares the incident's victims
// and places claim by claim, so a stream folds the same few names over and over (emptied when full: a long run keeps it small)
const folded = new Map<string, string>();
const FOLDED_MAX = 20_000;

/** The comparison key of a victim name; '' when nothing is left (a name made of legal forms only). */
export function foldName(name: string): string {
  let key = folded.get(name);
  if (key === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    folded.set(name, (key = foldNow(name)));
  }
  return key;
}

function foldNow(name: string): string {
  let s = plain(name);
  for (const p of PREFIXES)
    if (s.startsWith(p) && s.length > p.length) {
      s = s.slice(p.length);
      break;
    }
  for (const x of SUFFIXES)
    if (s.endsWith(x) && s.length > x.length) {
      s = s.slice(0, -x.length);
      break;
    }
  const words = s.split(' ').filter(Boolean);
  while (words.length > 1 && LEADING.has(words[0]!)) words.shift();
  while (words.length > 1 && LEGAL.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

// "Long Name (LN)" and "LN (Long Name)": the short form is 2–10 capitals (digits, & and dots allowed)
const WORD = String.raw`[\p{Lu}][\p{L}\p{N}'’&.-]*`;
const LINK = 'of|the|for|and|de|du|des|la|le|di|del|&';
const DEFINED_LONG_SHORT = new RegExp(String.raw`(${WORD}(?:\s+(?:${LINK}|${WORD})){1,9})\s*\(\s*([\p{Lu}][\p{Lu}\p{N}&.]{1,9})\s*\)`, 'gu');
const DEFINED_SHORT_LONG = /\b([\p{Lu}][\p{Lu}\p{N}&]{1,9})\s*\(\s*([\p{Lu}][^()]{3,80}?)\s*\)/gu;

/** Initials of the capitalised words (and of "&"), "Colorado Department of Transportation" → "cdot". */
function initials(long: string): string[] {
  const words = long.split(/\s+/).filter(Boolean);
  const caps = words.filter((w) => CAPITAL_OR_AMPERSAND.test(w)).map((w) => w[0]!.toLowerCase());
  const all = words.map((w) => w[0]!.toLowerCase());
  return [caps.join(''), all.join('')];
}

// a short form's letters, asked again for each tail of a long form and for each alternative name (bounded as `folded`)
const letters = new Map<string, string>();
function lettersOf(short: string): string {
  let out = letters.get(short);
  if (out === undefined) {
    if (letters.size >= FOLDED_MAX) letters.clear();
    letters.set(short, (out = plain(short).replace(/ /g, '')));
  }
  return out;
}

/** A short form names the long one when its letters are the long form's initials (with or without the small words). */
function abbreviates(short: string, long: string): boolean {
  const key = `${short}\u0000${long}`;
  let out = abbreviated.get(key);
  if (out === undefined) {
    if (abbreviated.size >= FOLDED_MAX) abbreviated.clear();
    const letters = lettersOf(short);
    abbreviated.set(key, (out = letters.length >= 2 && initials(long).includes(letters)));
  }
  return out;
}
// abbreviates' answers (a stream's articles compare the same victim and alternatives again), bounded as `folded`
const abbreviated = new Map<string, boolean>();

// Both patterns end at a parenthesis: they are tried only where one is (sticky, at each position its match could
// start), not from every capital of the text (the global search's cost, most of it failing far from any "(").
const LONG_SHORT_AT = new RegExp(DEFINED_LONG_SHORT.source, 'uy');
const SHORT_LONG_AT = new RegExp(DEFINED_SHORT_LONG.source, 'uy');
const SPACE = /\s/;
/** \s at `i`: ASCII answered here, the rest by the regex. */
const spaceAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(text[i]!);
};
/** Whether a match of either pattern can start at `i`: its first character is a capital (ASCII answered here). */
const mayStartAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 128 || (c >= 65 && c <= 90);
};
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/**
 * The matches of the global `re` that end at a "(" (both patterns: every match holds one, its first): those of the
 * sticky `at` tried at each position from `windowOf(paren)` (where a match through that "(" can start at the
 * earliest) up to the "(" itself, leftmost first, as the global search gives them (a match starts after the last).
 */
function matchesThroughParens(text: string, at: RegExp, windowOf: (paren: number) => number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let end = 0;
  for (let paren = text.indexOf('('); paren >= 0; paren = text.indexOf('(', paren + 1)) {
    for (let p = Math.max(windowOf(paren), end); p < paren; p++) {
      if (!mayStartAt(text, p)) continue;
      // the unicode global search never starts inside a surrogate pair
      if (p > 0 && isLowSurrogate(text.charCodeAt(p)) && isHighSurrogate(text.charCodeAt(p - 1))) continue;
      at.lastIndex = p;
      const m = at.exec(text);
      if (m) {
        out.push(m);
        end = at.lastIndex;
        break;
      }
    }
  }
  return out;
}

/**
 * Where a long form before this "(" starts at the earliest: back over the spaces before it, then over 10 runs of
 * characters other than spaces and parentheses (the long form's words, the first of them possibly in part) and the
 * spaces between them. (A word of the long form holds neither a space nor a parenthesis.)
 */
function longFormWindow(text: string, paren: number): number {
  let i = paren;
  while (i > 0 && spaceAt(text, i - 1)) i--;
  for (let run = 0; run < 10; run++) {
    while (i > 0 && !spaceAt(text, i - 1) && text[i - 1] !== '(' && text[i - 1] !== ')') i--;
    if (run === 9) break;
    let j = i;
    while (j > 0 && spaceAt(text, j - 1)) j--;
    if (j === i || j === 0 || text[j - 1] === '(' || text[j - 1] === ')') break;
    i = j;
  }
  return i;
}

/** Where a short form before this "(" starts at the earliest: back over the spaces, then 10 code points (20 code units). */
function shortFormWindow(text: string, paren: number): number {
  let i = paren;
  while (i > 0 && spaceAt(text, i - 1)) i--;
  return Math.max(0, i - 20);
}

/** The matches of "Long Name (LN)" and of "LN (Long Name)" in a text, as the global searches of the two patterns give them. */
export function acronymMatches(text: string): { longShort: RegExpExecArray[]; shortLong: RegExpExecArray[] } {
  return {
    longShort: matchesThroughParens(text, LONG_SHORT_AT, (paren) => longFormWindow(text, paren)),
    shortLong: matchesThroughParens(text, SHORT_LONG_AT, (paren) => shortFormWindow(text, paren)),
  };
}

/** Acronym definitions in a text, both ways: folded short form ↔ folded long form. */
export function definedAcronyms(text: string): [string, string][] {
  // both patterns need a "(": most texts have none
  if (!text.includes('(')) return [];
  const { longShort, shortLong } = acronymMatches(text);
  return acronymPairs(longShort, shortLong);
}

/** The definitions among the matches of acronymMatches (or of the patterns' global searches): the short form abbreviates the long. */
export function acronymPairs(longShort: readonly RegExpMatchArray[], shortLong: readonly RegExpMatchArray[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const m of longShort) {
    // the long form may have picked up capitalised words before the name: keep the shortest tail that fits
    const words = m[1]!.split(/\s+/);
    for (let i = 0; i < words.length - 1; i++) {
      const long = words.slice(i).join(' ');
      if (abbreviates(m[2]!, long)) {
        pairs.push([foldName(m[2]!), foldName(long)]);
        break;
      }
    }
  }
  for (const m of shortLong) {
    if (abbreviates(m[1]!, m[2]!)) pairs.push([foldName(m[1]!), foldName(m[2]!)]);
  }
  return pairs.filter(([s, l]) => s && l && s !== l);
}

/**
 * Whether an alternative candidate is another name of the victim rather than another organisation: the
 * record's alternatives are rival candidates ("Microsoft" beside the hospital whose Windows was hit), so only
 * a shorter or longer form ("Barts" / "Barts Health Trust") or the initials ("HRH") count as the same victim.
 */
function sameVictimName(victim: string, alternative: string): boolean {
  const [a, b] = [foldName(victim), foldName(alternative)];
  if (!a || !b) return false;
  if (a === b || `${a} `.startsWith(`${b} `) || `${b} `.startsWith(`${a} `)) return true;
  return abbreviates(alternative, victim) || abbreviates(victim, alternative);
}

/**
 * Every key an article's victim is known by: the victim and those alternatives that name it, folded, and for
 * each the other side of an acronym the article defines. The first key is the victim's own.
 */
export function nameKeys(victim: string, alternatives: readonly string[], text: string | null): string[] {
  const keys: string[] = [];
  const own = foldName(victim);
  if (own) keys.push(own);
  for (const alt of alternatives) {
    const k = sameVictimName(victim, alt) ? foldName(alt) : '';
    if (k) keys.push(k);
  }
  if (text) {
    const acronyms = definedAcronyms(text);
    for (const k of [...keys]) {
      for (const [short, long] of acronyms) {
        if (k === short) keys.push(long);
        if (k === long) keys.push(short);
      }
    }
  }
  // (one key, most articles: no set to drop repeats with)
  return keys.length < 2 ? keys : [...new Set(keys)];
}
