// Whether a name can end at a place, told from the word before it alone: the check nameBefore (names.ts) makes before
// it searches, asked by a rule before its own checks of the trigger (a sentence read, a memo kept) and the search.
import type { AnalysedDoc } from '../../_shared/kit.ts';
import { isSpace } from '../../_shared/char-classes.ts';

// the last word before the place, within nameBefore's 160 characters, must hold a capital, a digit or a local kind
const REACH = 160;
const NAME_LAST_WORD = /[\p{Lu}\d]|kommun|kunta|gmina|község/u;

/** False only where nameBefore(doc, pos) is null: the last word before `pos` holds no capital, digit or local kind. */
export function nameMayEndAt(text: string, pos: number): boolean {
  const from = Math.max(0, pos - REACH);
  let end = pos;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > from && !isSpace(text.charCodeAt(start - 1))) start--;
  return start < end && NAME_LAST_WORD.test(text.slice(start, end));
}

/** A `near` check for subjectsOf (propose.ts): a name may end where the trigger starts. */
export const nameAfter = (doc: AnalysedDoc, trigger: RegExpExecArray): boolean => nameMayEndAt(doc.text, trigger.index);
