// Splits text into blocks (paragraphs and list items) and marks digest items: in a round-up of several
// incidents, each item opens with a short label naming its subject —
//   "- Rubymar Logistics: the Rotterdam freight forwarder confirmed that 40 servers were encrypted"
//   "Hochschule Heilbronn (Baden-Württemberg). The university confirmed that …"
// Resolve uses them to keep one incident's details out of another's record. A label names, it does not
// tell: "Operations that could wait were postponed." opens a paragraph of an ordinary article.
import { tag } from './tagger.ts';

export interface Block {
  readonly start: number;
  readonly end: number;
  /** Opens with a short label ("Name:", "Name (Place).") followed by at least a sentence of its own. */
  readonly digestItem: boolean;
}

const BLOCK = /[^\n]+(?:\n(?![ \t]*\n)(?![ \t]*(?:[-*•▪]|\d+[.)])[ \t])[^\n]+)*/g;
const BULLET = /^[ \t]*(?:[-*•▪]|\d+[.)])[ \t]+/;
// label of at most six words (a name, maybe with a parenthesised place), then ':' or '.', then the item's prose
const LABEL = /^(\p{Lu}[^\s:.]*(?:[ \t]+[^\s:.]+){0,5}?(?:[ \t]*\([^)\n]{1,40}\))?)[ \t]*[:.][ \t]+(\S.*)$/su;
const MIN_PROSE_WORDS = 6;

export function splitBlocks(text: string): Block[] {
  const out: Block[] = [];
  BLOCK.lastIndex = 0;
  for (let m = BLOCK.exec(text); m; m = BLOCK.exec(text)) {
    const body = m[0].replace(BULLET, '');
    const label = LABEL.exec(body);
    const digestItem =
      !!label &&
      label[2]!.split('\n')[0]!.trim().split(/\s+/).length >= MIN_PROSE_WORDS &&
      !/^\p{Lu}{2,}/u.test(label[1]!) && // an upper-case dateline ("TULSA, Okla. —") opens a story, not an item
      !tag(label[1]!).has('#Verb');
    out.push({ start: m.index, end: m.index + m[0].length, digestItem });
  }
  return out;
}
