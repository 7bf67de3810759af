// Turns a document's text into what rules read: sentences with offsets, report headers, the
// publication date, and a compromise parse made lazily per sentence. The full parse of a news article
// costs far more than all the rules together, so only sentences a rule asks for are ever tagged.
import { splitSentences, type Sentence } from './sentences.ts';
import { readHeaders, type Header } from './headers.ts';
import { splitBlocks, type Block } from './blocks.ts';
import { tag, type NlpView } from './tagger.ts';
import { fromView, toView } from '../../../extractors/_shared/one-byte.ts';

export type { Sentence } from './sentences.ts';
export type { Header } from './headers.ts';
export type { Block } from './blocks.ts';
export type { NlpView } from './tagger.ts';

export interface AnalysedDoc {
  readonly id: string;
  /**
   * The document text as rules read it: the stored text, with ’ ‘ “ ” – — … • written as one-byte stand-ins (extractors/_shared/one-byte.ts),
   * character for character, so every evidence offset points into the stored text too.
   */
  readonly text: string;
  /** The title, written as the text is. */
  readonly title?: string;
  /** The text or title holds stand-ins: what a rule returns goes back through fromView (registry.ts). */
  readonly standIns?: boolean;
  /** Publication date, the anchor for relative dates ("last Tuesday"). */
  readonly publishedAt?: Date;
  readonly sentences: readonly Sentence[];
  /** "Key: value" report headers, keyed by lower-cased key ("victim", "date", "location"). */
  readonly headers: ReadonlyMap<string, Header>;
  /** Paragraphs and list items; digest items mark the other incidents of a round-up. */
  readonly blocks: readonly Block[];
  /** compromise parse of one sentence, made on first use and cached. */
  nlp(sentence: Sentence): NlpView;
  /** The sentence that contains offset `pos`. */
  sentenceAt(pos: number): Sentence | undefined;
  /**
   * A fact about this document, worked out by `compute` on first asking and handed back after: the one place helpers
   * keep per-document answers (the places it names, its victim-name scans), so they go with the document. Keys are
   * "<field>/<fact>" by convention.
   */
  once<T>(key: string, compute: () => T): T;
}

export interface AnalyseInput {
  id: string;
  text: string;
  title?: string;
  publishedAt?: string;
}

function parsePublished(raw: string | undefined): Date | undefined {
  if (!raw) return undefined;
  const d = new Date(raw.trim().replace(/_/g, '-'));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function analyse(input: AnalyseInput): AnalysedDoc {
  const text = toView(input.text);
  const title = input.title === undefined ? undefined : toView(input.title);
  const sentences = splitSentences(text);
  const parses = new Map<number, NlpView>();
  const facts = new Map<string, unknown>();
  const doc: AnalysedDoc = {
    id: input.id,
    text,
    title,
    standIns: text !== input.text || title !== input.title,
    publishedAt: parsePublished(input.publishedAt),
    sentences,
    headers: readHeaders(text),
    blocks: splitBlocks(text),
    nlp(sentence) {
      let view = parses.get(sentence.index);
      if (!view) {
        view = tag(fromView(sentence.text));
        parses.set(sentence.index, view);
      }
      return view;
    },
    once<T>(key: string, compute: () => T): T {
      const known = facts.get(key);
      if (known !== undefined || facts.has(key)) return known as T;
      const value = compute();
      facts.set(key, value);
      return value;
    },
    sentenceAt(pos) {
      let lo = 0;
      let hi = sentences.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = sentences[mid]!;
        if (pos < s.start) hi = mid - 1;
        else if (pos >= s.end) lo = mid + 1;
        else return s;
      }
      return undefined;
    },
  };
  return doc;
}
