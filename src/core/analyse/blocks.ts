// Splits text into blocks (paragraphs and list items) and marks digest items: in a round-up of several
// incidents, each item opens with a short label naming its subject —
//   "- Rubymar Logistics: the Rotterdam freight forwarder confirmed that 40 servers were encrypted"
//   "Hochschule Heilbronn (Baden-Württemberg). The university confirmed that …"
// Resolve uses them to keep one incident's details out of another's record. A label names, it does not
// tell: "Operations that could wait were postponed." opens a paragraph of an ordinary article.
import { fromView } from '../../../extractors/_shared/one-byte.ts';
import { tag } from './tagger.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const CAPS_OPENING = /^\p{Lu}{2,}/u;

export interface Block {
  readonly start: number;
  readonly end: number;
  /** Opens with a short label ("Name:", "Name (Place).") followed by at least a sentence of its own. */
  readonly digestItem: boolean;
}

/**
 * The digest items of a round-up, or none when fewer than two blocks could be one: a lone labelled block makes no
 * round-up, and what reads digest items (resolve, the attacker search) acts only on two or more. Asking this before
 * `digestItem` spares the tagger, which only the label check needs, on every text that is no round-up.
 */
export function digestItems(blocks: readonly Block[]): Block[] {
  let labelled = 0;
  for (const b of blocks) if (!(b instanceof LabelledBlock) || b.label !== undefined) labelled++;
  return labelled < 2 ? [] : blocks.filter((b) => b.digestItem);
}

// The label's verb check (compromise's tagger) is made on first reading of `digestItem`: the cheap conditions are
// worked out at once, the tagger only for a block that meets them and only when asked.
class LabelledBlock implements Block {
  #digest: boolean | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    /** The label of a block that meets every condition but the verb check, else undefined. */
    readonly label: string | undefined,
  ) {
    if (label === undefined) this.#digest = false;
  }
  get digestItem(): boolean {
    // the tagger reads the label as the stored text writes it
    return (this.#digest ??= !tag(fromView(this.label!)).has('#Verb'));
  }
}

// A block is a run of non-empty lines; a blank line (spaces and tabs only) or a bullet line starts the next one.
// Walked line by line: one regex over the whole run (/[^\n]+(?:\n(?!blank)(?!bullet)[^\n]+)*/) overflowed the
// regex stack on a line of a million characters (#12).
const BULLET_AT = /[ \t]*(?:[-*•\x95▪]|\d+[.)])[ \t]/y;
const BLANK_AT = /[ \t]*\n/y;
const startsAt = (re: RegExp, text: string, at: number) => ((re.lastIndex = at), re.test(text));
const lineEnd = (text: string, from: number) => {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
};
const BULLET = /^[ \t]*(?:[-*•\x95▪]|\d+[.)])[ \t]+/;
// label of at most six words (a name, maybe with a parenthesised place), then ':' or '.', then the item's prose
const LABEL = /^(\p{Lu}[^\s:.]*(?:[ \t]+[^\s:.]+){0,5}?(?:[ \t]*\([^)\n]{1,40}\))?)[ \t]*[:.][ \t]+(\S.*)$/su;
const MIN_PROSE_WORDS = 6;

export function splitBlocks(text: string): Block[] {
  const out: Block[] = [];
  for (let start = 0; start < text.length; ) {
    if (text[start] === '\n') {
      start++;
      continue;
    }
    let end = lineEnd(text, start);
    // the next line joins the block unless it is empty, blank or a bullet
    while (end < text.length && end + 1 < text.length && text[end + 1] !== '\n' && !startsAt(BLANK_AT, text, end + 1) && !startsAt(BULLET_AT, text, end + 1)) {
      end = lineEnd(text, end + 1);
    }
    const body = text.slice(start, end).replace(BULLET, '');
    const label = LABEL.exec(body);
    // an upper-case dateline ("TULSA, Okla. —") opens a story, not an item
    const labelled = !!label && label[2]!.split('\n')[0]!.trim().split(/\s+/).length >= MIN_PROSE_WORDS && !CAPS_OPENING.test(label[1]!);
    out.push(new LabelledBlock(start, end, labelled ? label[1]! : undefined));
    start = end;
  }
  return out;
}
