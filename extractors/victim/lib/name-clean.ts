// Cleaning one capitalised run into a victim name: trimming leading noise, possessives and what the name owns,
// and rejecting the runs that are no victim organisation: generic subjects, people, places, attackers and reporters.
// The steps themselves, each with its examples and counter-examples, are in clean/trims.ts and clean/rejects.ts.
import type { AnalysedDoc } from '../../_shared/kit.ts';
import { memoFor, spanKey } from './cache.ts';
import type { VictimName } from './name-shape.ts';
import { GENERIC, LEADING, LOWER_KIND } from './words.ts';
import { REJECTS } from './clean/rejects.ts';
import type { Named, Run } from './clean/step.ts';
import { TRIMS } from './clean/trims.ts';
import { isSpace } from '../../_shared/char-classes.ts';

/**
 * Cleans the capitalised run text[start, end): drops leading noise ("The", "On Monday"), a trailing
 * possessive and punctuation, and rejects generic subjects, people, attackers and reporters.
 */
export function cleanName(doc: AnalysedDoc, start: number, end: number): VictimName | null {
  const { text } = doc;
  const memo = memoFor<number, VictimName | null>(doc, 'clean');
  const key = spanKey(start, end);
  let name = memo.get(key);
  if (name === undefined) memo.set(key, (name = isBareFunctionWord(text, start, end) ? null : cleanRun(doc, start, end)));
  return name;
}

// Most capitalised runs are one sentence-opening word ("The", "We", "According", "July"): with nothing
// to trim and no kind after it, such a word is only a generic subject, and cleanRun would say so slowly.
const ONE_WORD = /^[^\s'’\x92.,;:!?)\]"”\x94-]+$/u;
const isBareFunctionWord = (text: string, start: number, end: number) => {
  if (end - start > 12) return false;
  const w = text.slice(start, end);
  const lower = w.toLowerCase();
  return (LEADING.has(lower) || GENERIC.has(lower)) && ONE_WORD.test(w) && !LOWER_KIND.test(text.slice(end, end + 40));
};

/** The trims in order, then the rejections in order: the first rejection that holds drops the run. */
function cleanRun(doc: AnalysedDoc, start: number, end: number): VictimName | null {
  const run: Run = { doc, text: doc.text, s: start, e: end, incorporated: false, kindTaken: false };
  for (let i = 0; i < TRIMS.length; i++) if (TRIMS[i]!.trim(run) === false) return null;
  const value = doc.text.slice(run.s, run.e);
  const named: Named = { doc, text: doc.text, s: run.s, e: run.e, value, words: splitAtSpaces(value.toLowerCase()), incorporated: run.incorporated };
  for (let i = 0; i < REJECTS.length; i++) if (REJECTS[i]!.rejects(named)) return null;
  return { value, start: run.s, end: run.e };
}

/** `s.split(/\s+/)` without the regex: the pieces between runs of white space (an empty one before leading or after trailing white space). */
function splitAtSpaces(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; ) {
    if (!isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    out.push(s.slice(start, i));
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    start = i;
  }
  out.push(s.slice(start));
  return out;
}
