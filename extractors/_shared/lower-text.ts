// The document's text lower-cased, once per document: a pre-test for words a case-insensitive pattern must hold
// (`lowerText(doc).includes('ransom')`) is a plain substring search instead of a case-folding regex scan of the text.
// Exact for patterns with the i flag and without u: they fold ASCII letters only, and a run of ASCII letters
// lower-cases to the same run (a text may lower-case longer, "İ" to two characters, so offsets are not the text's).
import type { AnalysedDoc } from './kit.ts';

/** doc.text lower-cased (its offsets may differ from the text's when a character lower-cases to two). */
export function lowerText(doc: AnalysedDoc): string {
  return doc.once('shared/lower-text', () => doc.text.toLowerCase());
}

/** Whether the lower-cased text holds one of `words` (plain lower-case substrings). */
export function holdsAny(doc: AnalysedDoc, words: readonly string[]): boolean {
  const t = lowerText(doc);
  for (const w of words) if (t.includes(w)) return true;
  return false;
}
