// Which language a text is in, so a record from text the rules cannot read says so (the rules are English).
// franc-min: trigram profiles of 82 languages, pure JS, maintained; a sample is enough to tell a language.
import { francAll } from 'franc-min';

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

/** The ISO 639-3 code of the text's language when it is confidently not English, else null. */
function notEnglish(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
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
