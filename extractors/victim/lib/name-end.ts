// Whether a name can end at a place, told from the word before it alone: the check nameBefore (names.ts) makes before
// it searches, asked by a rule before its own checks of the trigger (a sentence read, a memo kept) and the search.
import type { AnalysedDoc } from '../../_shared/kit.ts';

// names.ts: the last word before the place, within 160 characters, must hold a capital, a digit or a local kind
const REACH = 160;
const NAME_LAST_WORD = /[\p{Lu}\d]|kommun|kunta|gmina|község/u;
const SPACE = /\s/u;
const isSpace = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(text[i]!);
};

/** False only where nameBefore(doc, pos) is null: the last word before `pos` holds no capital, digit or local kind. */
function nameMayEndAt(text: string, pos: number): boolean {
  const from = Math.max(0, pos - REACH);
  let end = pos;
  while (end > from && isSpace(text, end - 1)) end--;
  let start = end;
  while (start > from && !isSpace(text, start - 1)) start--;
  return start < end && NAME_LAST_WORD.test(text.slice(start, end));
}

/** A `near` check for subjectsOf (propose.ts): a name may end where the trigger starts. */
export const nameAfter = (doc: AnalysedDoc, trigger: RegExpExecArray): boolean => nameMayEndAt(doc.text, trigger.index);
