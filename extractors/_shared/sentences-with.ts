// The sentences a rule needs to search, found from its key word: the serverCount rules and ransom's encrypted-payment.
import { type AnalysedDoc, nextMatch, type Sentence } from './kit.ts';
import { forText } from './one-byte.ts';

/**
 * The sentences of doc holding a match of `re` (searched once in the whole text, not sentence by sentence), in order: a
 * rule whose every match holds one seeks only there. A sentence is bounded by white space or punctuation, so a word found
 * inside it reads the same there as in the whole text.
 */
export function sentencesWith(doc: AnalysedDoc, re: RegExp): readonly Sentence[] {
  const text = doc.text;
  const own = forText(re, text);
  const out: Sentence[] = [];
  const sentences = doc.sentences;
  let k = 0;
  // (the key's matches walked with nextMatch and the sentences by index, into an array: a generator and two for-of
  // loops made TurboFan's compile of this several times larger)
  let m: RegExpExecArray | null = null;
  while ((m = nextMatch(own, text, m))) {
    const at = m.index;
    while (k < sentences.length && sentences[k]!.end <= at) k++;
    if (k === sentences.length) break;
    const s = sentences[k]!;
    if (at >= s.start && (out.length === 0 || out[out.length - 1] !== s)) out.push(s);
  }
  return out;
}
