// The sentences a rule needs to search, found from its key word: the serverCount rules and ransom's encrypted-payment.
import { type AnalysedDoc, matches, type Sentence } from './kit.ts';
import { forText } from './one-byte.ts';

/**
 * The sentences of doc holding a match of `re` (searched once in the whole text, not sentence by sentence), in order: a
 * rule whose every match holds one seeks only there. A sentence is bounded by white space or punctuation, so a word found
 * inside it reads the same there as in the whole text.
 */
export function* sentencesWith(doc: AnalysedDoc, re: RegExp): Iterable<Sentence> {
  const at: number[] = [];
  for (const m of matches(forText(re, doc.text), doc.text)) at.push(m.index);
  let k = 0;
  for (const s of doc.sentences) {
    while (k < at.length && at[k]! < s.start) k++;
    if (k === at.length) return;
    if (at[k]! < s.end) yield s;
  }
}
