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

/** Acronym definitions in a text, both ways: folded short form ↔ folded long form. */
export function definedAcronyms(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  // both patterns need a "(": most texts have none, and the first one's search tries every capital
  if (!text.includes('(')) return pairs;
  for (const m of text.matchAll(DEFINED_LONG_SHORT)) {
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
  for (const m of text.matchAll(DEFINED_SHORT_LONG)) {
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
  const keys = [victim, ...alternatives.filter((alt) => sameVictimName(victim, alt))].map(foldName).filter(Boolean);
  if (text) {
    const acronyms = definedAcronyms(text);
    for (const k of [...keys]) {
      for (const [short, long] of acronyms) {
        if (k === short) keys.push(long);
        if (k === long) keys.push(short);
      }
    }
  }
  return [...new Set(keys)];
}
