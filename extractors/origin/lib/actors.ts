// The named attacker group of a document: "Evil Corp, a cybercrime group", "the LockBit ransomware group",
// "attributed the attack to Sandworm". Country rules attach it when their own sentence names none.
import { digestItems, firstMatch, groupStart, matches, type AnalysedDoc } from '../../_shared/kit.ts';
import { matchesAt } from '../../_shared/matches-at.ts';
import { isSpace } from '../../_shared/char-classes.ts';
import { places } from './places.ts';

const NAME = String.raw`(?!(?:The|A|An|This|That|Its|Their)\b)([A-Z][\w-]*[A-Za-z0-9](?:[ \t]+[A-Z][\w-]*[A-Za-z0-9]){0,2})`;
const GROUP = String.raw`(?:group|gang|unit|actor|operation|crew|collective|syndicate|outfit|cartel)`;
const GROUP_WORD = /group|gang|unit|actor|operation|crew|collective|syndicate|outfit|cartel/;
// "a strain known as SamSam" names malware, not a group, so "known as" is no cue. Strongest first: an appositive that
// defines the name, then a claim or an attribution, then "X ransomware". A pattern that opens on a capitalised name is
// tried at every capital (or at the starts its `starts` finds): `needs` says whether the text holds words its every match
// contains (`group`: whether it holds one of GROUP's words, asked once), and a text without them is not searched.
type Needs = (text: string, group: () => boolean) => boolean;
const CLAIM = /claim/;
const RANSOMWARE_WORD = /ransomware|extortion/;
const GANG_WORD = /gang|group/;
// A pattern whose `starts` says where it can match (every place, or more) is tried, sticky, only there (matches-at.ts), not
// at every capital of the text. (Patterns opening with lower-case words are scanned: a search for each of their words with
// indexOf took longer than the scan.)
type Pattern = { re: RegExp; needs?: Needs; starts?: (text: string) => number[] };
// What follows the name in "Evil Corp, a cybercrime group", tried at each comma.
const APPOSITIVE_TAIL = new RegExp(String.raw`,\s+an?\s+(?:[\w-]+\s+){0,5}?${GROUP}\b`, 'uy');
const NAME_GAPS = 2;
/**
 * Where "NAME, a … group" can match: the capitals (A-Z) of the name before a comma the rest of the pattern follows. A NAME
 * is written with \w, "-", and at most two gaps of spaces and tabs, so the walk back from the comma stops at any other
 * character or at a third gap, and the name opens after that.
 */
function appositiveStarts(text: string): number[] {
  const out: number[] = [];
  for (let c = text.indexOf(','); c >= 0; c = text.indexOf(',', c + 1)) {
    if (!firstMatch(APPOSITIVE_TAIL, text, c)) continue;
    let from = c;
    let gaps = 0;
    while (from > 0) {
      const ch = text.charCodeAt(from - 1);
      if (ch === 32 || ch === 9) {
        // a gap is entered at its last character
        const next = text.charCodeAt(from);
        if (next !== 32 && next !== 9 && ++gaps > NAME_GAPS) break;
      } else if (!isNameChar(ch)) break;
      from--;
    }
    for (let i = from; i < c; i++) {
      const ch = text.charCodeAt(i);
      if (ch >= 65 && ch <= 90) out.push(i);
    }
  }
  return out;
}
/**
 * Where "(^|[.!?] |the )NAME (later )?claimed" can match: everything from its opener to the "claim" it holds is written with
 * [\w-] and white space, so the walk back from each "claim" over those stops at the opener's ".", "!" or "?" if it has one;
 * the other openers ("the", a line's start) lie inside the walk.
 */
function claimStarts(text: string): number[] {
  const out: number[] = [];
  for (let q = text.indexOf('claim'); q >= 0; q = text.indexOf('claim', q + 1)) {
    let r = q - 1;
    while (r >= 0 && (isNameChar(text.charCodeAt(r)) || isSpace(text.charCodeAt(r)))) r--;
    const stop = r < 0 ? 0 : text.charCodeAt(r);
    if (stop === 46 || stop === 33 || stop === 63) out.push(r);
    for (let p = r + 1; p < q; p++) {
      const before = p === 0 ? 10 : text.charCodeAt(p - 1);
      if (before === 10 || before === 13 || before === 0x2028 || before === 0x2029 || text.startsWith('the', p)) out.push(p);
    }
  }
  return [...new Set(out)].sort((a, b) => a - b);
}
/** [\w-] under /u without /i: ASCII letters, digits, "_" and "-". */
const isNameChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
const PATTERNS: readonly Pattern[] = [
  { re: new RegExp(String.raw`${NAME},\s+an?\s+(?:[\w-]+\s+){0,5}?${GROUP}\b`, 'dgu'), needs: (_, group) => group(), starts: appositiveStarts },
  {
    re: new RegExp(
      String.raw`\b(?:calling\s+itself|(?:ransomware|hacker|hacking|threat|criminal|cybercrime)\s+${GROUP}(?:\s+(?:known\s+as|called|named` +
        String.raw`|dubbed))?)\s+["“\x93]?${NAME}`,
      'dgu',
    ),
    needs: (text, group) => group() || text.includes('calling'),
  },
  { re: new RegExp(String.raw`\b(?:carried\s+out|claimed|conducted|perpetrated|launched)\s+by\s+(?:the\s+)?${NAME}`, 'dgu') },
  { re: new RegExp(String.raw`\b(?:attributed|linked)\s+(?:the\s+(?:attack|breach|intrusion|incident)\s+)?to\s+(?:the\s+)?${NAME}`, 'dgu') },
  {
    re: new RegExp(String.raw`(?:^|[.!?]\s+|\bthe\s+)${NAME}\s+(?:later\s+)?(?:claimed|claims|has\s+claimed)\b`, 'dgmu'),
    needs: (text) => CLAIM.test(text),
    starts: claimStarts,
  },
  {
    re: new RegExp(String.raw`\b${NAME}\s+(?:ransomware|extortion)\s+(?:${GROUP}|gang)`, 'dgu'),
    needs: (text, group) => group() && RANSOMWARE_WORD.test(text),
  },
  { re: new RegExp(String.raw`\bthe\s+${NAME}\s+(?:ransomware\s+)?(?:gang|group)\b`, 'dgu'), needs: (text, group) => group() && GANG_WORD.test(text) },
];
const STICKY = new Map(PATTERNS.filter((p) => p.starts).map((p) => [p, new RegExp(p.re.source, p.re.flags.replace('g', 'y'))]));
/** The matches of the pattern in `text`, as its global scan finds them. */
function matchesOf(p: Pattern, text: string): Iterable<RegExpExecArray> {
  return p.starts ? matchesAt(STICKY.get(p)!, text, p.starts(text)) : matches(p.re, text);
}
// Capitalised words that start sentences or name institutions, never attacker groups.
const NOT_ACTOR = new RegExp(
  String.raw`^(?:The|A|An|It|This|That|They|He|She|We|Officials?|Police|Researchers|Security|Federal|State|City|County|Government` +
    String.raw`|Authorities|Ransomware|Hackers?)$|(?:Centre|Center|Agency|Department|Ministry|Office|Council|Bureau|Service|Police|University|Hospital` +
    String.raw`|Authority|Government|Times|News|Post)$`,
  '',
);
/** The document's named attacker group, or null. */
export function docActor(doc: AnalysedDoc): { name: string; start: number; end: number } | null {
  return doc.once('origin/actor', () => findActor(doc));
}

function findActor(doc: AnalysedDoc): { name: string; start: number; end: number } | null {
  type Actor = { name: string; start: number; end: number };
  let found: Actor | null = null;
  let aside: Actor | null = null;
  const isPlace = (s: number) => places(doc).some((p) => p.start === s);
  // A round-up's digest items tell of other incidents: their groups stand in only when the lead names none.
  // found only when a name passes: most texts have no match at all
  let digest: readonly { start: number; end: number }[] | undefined;
  const inDigest = (s: number) => {
    digest ??= digestItems(doc.blocks);
    return digest.length >= 2 && digest.some((b) => s >= b.start && s < b.end);
  };
  let holdsGroup: boolean | undefined;
  const group = () => (holdsGroup ??= GROUP_WORD.test(doc.text));
  for (const p of PATTERNS) {
    if (p.needs && !p.needs(doc.text, group)) continue;
    for (const m of matchesOf(p, doc.text)) {
      if (found) break;
      const name = m[1]!;
      const start = groupStart(m);
      if (NOT_ACTOR.test(name.split(/\s+/)[0]!) || NOT_ACTOR.test(name) || isPlace(start)) continue;
      if (inDigest(start)) aside ??= { name, start, end: start + name.length };
      else found = { name, start, end: start + name.length };
    }
    if (found) break;
  }
  found ??= aside;
  return found;
}
