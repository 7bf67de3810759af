// The headline of a document, read one way by every headline rule: the title that comes with a dated article, or a
// bare text's first line when it reads like one (short, one sentence, no full stop at its end, more text below it).
// An outlet's signature after it ("… | Technology | The Guardian", "… - Help Net Security") is cut off unless the
// rule reads the signature itself.
import type { AnalysedDoc } from '../../_shared/kit.ts';

const MAX_HEADLINE = 200;
// an outlet's signature or a byline after the headline
const SIGNATURE = /\s+[|–\x96—\x97-]\s+[^|–\x96—\x97]{2,60}$/u;
// a sentence that ends inside the line makes it prose: "… were down. Officials met …" (not "St. Mary's", "U.S. Bank")
const ABBREVIATION = String.raw`(?<!\b(?:St|Dr|Mr|Mrs|Ms|Mt|Ft|Jr|Sr|No|Inc|Ltd|Co|Corp|\p{Lu}))`;
const SENTENCE_INSIDE = new RegExp(String.raw`${ABBREVIATION}[.!?]\s+\p{Lu}`, 'u');
const FULL_STOP_AT_END = new RegExp(String.raw`${ABBREVIATION}\.$`, 'u');

export interface Headline {
  /** the headline, trimmed (its signature cut unless kept) */
  line: string;
  /** where the line starts in the text, or -1 for a title given beside the text */
  start: number;
  /** where the body starts: 0 after a title, past the first line otherwise */
  body: number;
}
export interface HeadlineOptions {
  /** false: the text's own first line even when a title is given (a rule that cites the line's words in the text) */
  title?: boolean;
  /** keep the signature after the headline (a rule that reads the tag an incident database puts there) */
  keepSignature?: boolean;
  /** a text of one line is its own headline (the tag of an incident database's entry); otherwise more text must follow */
  alone?: boolean;
}

/** The document's headline, or null when it has none that reads like one. */
export function headlineOf(doc: AnalysedDoc, options: HeadlineOptions = {}): Headline | null {
  const cut = (line: string) => {
    if (options.keepSignature) return line;
    for (let shorter = line.replace(SIGNATURE, ''); shorter !== line; shorter = line.replace(SIGNATURE, '')) line = shorter;
    return line;
  };
  // a dated article's title; an undated text's title is a database's label for the incident ("Acme Hack II")
  if (options.title !== false && doc.title && doc.publishedAt) {
    const line = cut(doc.title.trim());
    return line && line.length <= MAX_HEADLINE ? { line, start: -1, body: 0 } : null;
  }
  const { text } = doc;
  const nl = text.indexOf('\n');
  const more = nl >= 0 && text.slice(nl).trim() !== '';
  if (!more && !options.alone) return null;
  const end = nl < 0 ? text.length : nl;
  if (end > MAX_HEADLINE) return null;
  const raw = text.slice(0, end);
  const whole = raw.trim();
  if (!whole || SENTENCE_INSIDE.test(whole) || FULL_STOP_AT_END.test(whole)) return null;
  const line = cut(whole);
  return line.length <= MAX_HEADLINE ? { line, start: raw.length - raw.trimStart().length, body: nl < 0 ? text.length : nl + 1 } : null;
}
