// Which language a text is in, so a record from text the rules cannot read says so (the rules are English).
// franc-min: trigram profiles of 82 languages, pure JS, maintained; a sample is enough to tell a language.
// Almost every text is English, and franc's answer for it is only "not another language": that is worked out here
// from franc's own data with the same arithmetic in one pass over the text's trigrams (franc itself looks each trigram
// up once per language, about a sixth of the processor's time), and franc runs only when English does not lead.
import { francAll } from 'franc-min';
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

const SAMPLE_CHARS = 800;
// Below this many letters trigram statistics guess: short English headlines come out as Scots or Frisian.
const MIN_LETTERS = 200;
// English within this share of the best score is a tie, and a tie is English (no warning).
const ENGLISH_TIE = 0.9;
// Compared against these profiles only (each costs time): English and the languages of most incident reports
// that are not in English. Text in another language still differs from English and gets the nearest of these.
const ONLY = [
  'eng',
  'fra',
  'deu',
  'nld',
  'spa',
  'por',
  'ita',
  'pol',
  'ces',
  'swe',
  'dan',
  'nob',
  'fin',
  'ron',
  'hun',
  'tur',
  'rus',
  'ukr',
  'cmn',
  'jpn',
  'kor',
  'arb',
  'ind',
  'vie',
];
const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

// franc's constants and its text cleaning (trigram-utils' clean: punctuation and digits to spaces, white space
// collapsed, trimmed, lower case), kept equal to franc-min 6's.
const MAX_DIFFERENCE = 300;
const cleanForTrigrams = (value: string) =>
  value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

interface LatinModels {
  /** The Latin-script languages of ONLY, in franc's order; English is at `english`. */
  readonly count: number;
  readonly english: number;
  /** Per trigram, its rank in each language's profile (-1: not in it), as franc's dictionaries give it. */
  readonly ranks: ReadonlyMap<string, Int16Array>;
}

let latinModels: LatinModels | undefined;
function models(): LatinModels {
  if (latinModels) return latinModels;
  const langs = Object.keys(data.Latin!).filter((l) => ONLY.includes(l));
  const ranks = new Map<string, Int16Array>();
  langs.forEach((lang, k) => {
    const grams = data.Latin![lang]!.split('|');
    // franc keeps the first rank of a trigram listed twice: set from the last to the first
    for (let rank = grams.length - 1; rank >= 0; rank--) {
      let row = ranks.get(grams[rank]!);
      if (!row) ranks.set(grams[rank]!, (row = new Int16Array(langs.length).fill(-1)));
      row[k] = rank;
    }
  });
  return (latinModels = { count: langs.length, english: langs.indexOf('eng'), ranks });
}

/**
 * True when franc would rank English first or level with the first (so notEnglish answers null): the text is mostly
 * Latin letters (franc then compares the Latin-script languages only) and no language's trigram distance is below
 * English's. False means "ask franc".
 */
function englishLeads(sample: string): boolean {
  // scripts are disjoint, so a script with more than half the characters is the one franc picks
  if ((sample.match(expressions.Latin!)?.length ?? 0) * 2 <= sample.length) return false;
  const value = ` ${cleanForTrigrams(sample)} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= value.length; i++) {
    const gram = value.slice(i, i + 3);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  const { count, english, ranks } = models();
  const distance = new Float64Array(count);
  let missing = 0;
  for (const [gram, n] of counts) {
    const row = ranks.get(gram);
    if (!row) {
      missing++;
      continue;
    }
    for (let k = 0; k < count; k++) {
      const rank = row[k]!;
      distance[k]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(n - rank - 1);
    }
  }
  const eng = distance[english]! + missing * MAX_DIFFERENCE;
  for (let k = 0; k < count; k++) if (distance[k]! + missing * MAX_DIFFERENCE < eng) return false;
  return true;
}

/**
 * The ISO 639-3 code of the text's language when it is confidently not English, else null. `francOnly` skips the
 * English shortcut (the test holds both ways equal).
 */
export function notEnglish(text: string, francOnly = false): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  if (!francOnly && englishLeads(sample)) return null;
  const ranked = francAll(sample, { minLength: MIN_LETTERS, only: ONLY });
  const [best, score] = ranked[0] ?? ['und', 0];
  if (best === 'eng' || best === 'und') return null;
  const english = ranked.find(([code]) => code === 'eng')?.[1] ?? 0;
  return english >= ENGLISH_TIE * score ? null : best;
}

/** The record's warning for a text in another language. */
export function languageWarning(text: string): string | null {
  const code = notEnglish(text);
  if (!code) return null;
  let name = code;
  try {
    name = NAMES.of(code) ?? code;
  } catch {
    // a code Intl does not know: the code alone
  }
  return `language: the text looks like ${name} (${code}); the rules read English, so fields may be missing`;
}
