// Tests the victim-name rejections ask before a pattern, or instead of one. A rejection runs on every capitalised run of
// every text (~5,500 runs over 400 texts), and V8 compiles a pattern's native code on its second use, once for texts of
// one-byte characters and again for the others: a pattern that almost never matches still costs its compile (tens of kB
// of code for the long word lists). Each test here is a necessary condition of its pattern, so a false answer is the
// pattern's, and it is cheap: a lookup or a built-in call. (Walks of the characters around a name were tried before the
// patterns on the words before and after it, and cost more than they saved: our own code runs in V8's interpreter
// through most of a first pass, slower than a pattern's native code.) test/victim-clean-gates.test.ts holds each test,
// and the walk that replaced PEOPLE_BODY, to its pattern on invented names and texts.
import { firstMatch, matches } from '../../../_shared/kit.ts';
import { ORG_HEAD } from '../words.ts';

// the last word of a crew's name (CREW_END, rejects.ts), and the word it needs before it (any word for "crew" and "hackers")
const CREW_WORDS = new Map<string, readonly string[] | null>([
  ['crew', null],
  ['hackers', null],
  ['team', ['hacking', 'cyber']],
  ['family', ['crime']],
  ['syndicate', ['crime']],
  ['gang', ['crime']],
  ['army', ['cyber', 'electronic']],
  ['squad', ['cyber']],
  ['force', ['cyber']],
]);
/** CREW_END may match the name of these lower-case words: its last two are a crew's. */
export function crewWordsEnd(words: readonly string[]): boolean {
  const before = CREW_WORDS.get(words[words.length - 1]!);
  return before === null || (before !== undefined && words.length >= 2 && before.includes(words[words.length - 2]!));
}

const HIRED = ['hired', 'contracted', 'used', 'retained', 'engaged'];
const HIRED_KIND = ['company', 'firm', 'vendor', 'contractor', 'provider'];
/** HIRED_APPOSITIVE (rejects.ts) may match `next`: it holds a kind of firm and a verb of hiring. */
export const mayBeHired = (next: string) => HIRED.some((w) => next.includes(w)) && HIRED_KIND.some((w) => next.includes(w));

// "Premier Physicians Group", "Employee Health and Wellness": a people word, then up to three capitalised words and an
// organisation noun. As one pattern (the specification, in test/victim-clean-gates.test.ts) V8 wrote ORG_HEAD's code once
// for each number of words between (0.4 MB of native code); here the people word is found by a small pattern and
// ORG_HEAD asked at each word start after it. ORG_HEAD opens on \b and each of its words on a capital, and each start
// here follows white space, so its match there is its first match in the rest of the text.
const PEOPLE_LEAD = /\b(?:Physicians|Nurses|Doctors|Workers|Employees?)\s+(?!(?:and|&)\s)/gu;
const CAPITAL_WORD = /[\p{Lu}&][\p{L}&-]*\s+/uy;
// "College of Nurses of Ontario": a body of the people
const BODY_OF_PEOPLE = new RegExp(
  String.raw`\b(?:College|Association|Union|Federation|Society|Council|Board)\s+of\s+(?:\p{Lu}\p{L}+\s+)?` +
    String.raw`(?:Physicians|Nurses|Doctors|Workers|Employees)\b(?!\s+(?:and|&)\s)`,
  'u',
);
/** `s` names a body of or for the people a role names ("Premier Physicians Group", "College of Nurses of Ontario"). */
export function namesPeopleBody(s: string): boolean {
  if (BODY_OF_PEOPLE.test(s)) return true;
  for (const lead of matches(PEOPLE_LEAD, s)) {
    let at = lead.index + lead[0].length;
    for (let words = 0; ; words++) {
      if (s.slice(at).search(ORG_HEAD) === 0) return true;
      const word = words < 3 ? firstMatch(CAPITAL_WORD, s, at) : null;
      if (!word) break;
      at += word[0].length;
    }
  }
  return false;
}
