// The victim-name rejections ask a cheap gate before a pattern (extractors/victim/lib/clean/gates.ts): a gate must hold
// wherever its pattern matches, or a name the pattern rejects would slip through. Held here to the patterns themselves on
// invented names and the words around them, in the shapes each pattern knows and the near misses beside them. The walk
// that replaced PEOPLE_BODY is held to that pattern as it was written.
import { describe, expect, it } from 'vitest';
import { GATED } from '../extractors/victim/lib/clean/rejects.ts';
import { crewWordsEnd, mayBeHired, namesPeopleBody } from '../extractors/victim/lib/clean/gates.ts';
import { ORG_HEAD } from '../extractors/victim/lib/words.ts';

/** Every string of one piece from each list, in order. */
function* combos(...lists: readonly (readonly string[])[]): Generator<string> {
  if (lists.length === 0) {
    yield '';
    return;
  }
  const [first, ...rest] = lists;
  for (const a of first!) for (const b of combos(...rest)) yield a + b;
}

/** Asserts `gate` wherever `pattern` holds; returns how often the pattern held (a test that meets no match proves nothing). */
function holdsWhereMatched(subjects: Iterable<string>, pattern: (s: string) => boolean, gate: (s: string) => boolean): number {
  let matched = 0;
  for (const s of subjects) {
    if (!pattern(s)) continue;
    matched++;
    expect(gate(s), JSON.stringify(s)).toBe(true);
  }
  return matched;
}

const NAME = 'Acme';
// the words after the name: the pattern reads up to 90 characters of them
const afterName = (words: string) => `${NAME}${words}`;
const afterPattern = (re: RegExp, chars: number) => (text: string) => re.test(text.slice(NAME.length, NAME.length + chars));

describe('victim clean gates', () => {
  it('a hired appositive (HIRED_APPOSITIVE)', () => {
    const subjects = combos(
      ['', "'s", '’', 's'],
      [', ', ',  ', ' '],
      ['a ', 'an ', 'the ', 'The '],
      ['', 'software ', 'small IT ', 'one two three four five ', 'one two three four five six '],
      ['company ', 'firm ', 'vendor ', 'contractor ', 'provider ', 'companies '],
      ['hired', 'contracted', 'used', 'retained', 'engaged', 'hires', 'usedx'],
    );
    const matched = holdsWhereMatched([...subjects].map(afterName), afterPattern(GATED.HIRED_APPOSITIVE, 90), (text) =>
      mayBeHired(text.slice(NAME.length, NAME.length + 90)),
    );
    expect(matched).toBeGreaterThan(100);
  });

  it("a crew's name (CREW_END)", () => {
    const names = [
      ...combos(
        ['', 'Pakistani ', 'Syrian ', 'Acme  ', 'The\u00a0'],
        [
          'Haxors Crew',
          'Cyber Army',
          'Electronic Army',
          'Electronic  Army',
          'Crime Family',
          'Crime Syndicate',
          'Crime Gang',
          'Hacking Team',
          'Hacking  Team',
          'Cyber Squad',
          'Cyber Force',
          'Hackers',
          'Crew',
          'Crewe',
          'CREW',
          'Data Protection Act',
          'Act',
          'Law',
          'Bylaw',
          'Privacy\u00a0Regulation',
          'EU Directive',
          'Rule',
          'Norway government',
          'government',
          'governments',
          '47-year-old Schella',
          'Sun 29th December',
          'December 29',
          'Dec 1st',
          'May 5',
          '29 Mayfield',
          'Mar 3rd',
          '3rd Sept',
          'Sept 3',
          '12 June',
          '5-year-old Acme',
          'Cyber  Team',
          'Hacking Crew',
          'Crime Gang Hackers',
          'cyber Army',
          'Team',
          'Army',
        ],
        ['', ' ', ' Inc'],
      ),
    ];
    const words = (v: string) => v.toLowerCase().split(/\s+/);
    expect(
      holdsWhereMatched(
        names,
        (v) => GATED.CREW_END.test(v),
        (v) => crewWordsEnd(words(v)),
      ),
    ).toBeGreaterThan(40);
  });

  it('a body of the people a role names: the walk finds what PEOPLE_BODY found', () => {
    const PEOPLE_BODY = new RegExp(
      String.raw`\b(?:Physicians|Nurses|Doctors|Workers|Employees?)\s+(?!(?:and|&)\s)(?:[\p{Lu}&][\p{L}&-]*\s+){0,3}?` +
        String.raw`${ORG_HEAD.source.replace(/^\\b/, '')}|\b(?:College|Association|Union|Federation|Society|Council|Board)\s+of\s+(?:\p{Lu}\p{L}+\s+)?` +
        String.raw`(?:Physicians|Nurses|Doctors|Workers|Employees)\b(?!\s+(?:and|&)\s)`,
      'u',
    );
    let found = 0;
    let total = 0;
    const check = (s: string) => {
      const expected = PEOPLE_BODY.test(s);
      total++;
      if (expected) found++;
      expect(namesPeopleBody(s), JSON.stringify(s)).toBe(expected);
    };
    for (const s of combos(
      ['', 'Acme ', 'x', 'Premier '],
      ['Physicians', 'Nurses', 'Doctors', 'Workers', 'Employees', 'Employee', 'physicians'],
      [' ', '  ', '\u00a0', '\n', ''],
      ['', 'and ', '& ', 'Acme ', 'Acme & Sons ', 'A B C ', 'A B C D ', 'Über-Gruppe ', '&  ', 'Health and ', 'x ', '𝐀cme '],
      ['Group', 'Health', 'Healthcare', 'Universität', 'Universit', 'Co', 'Coöp', 'Co-op', 'Credit Union', 'Inc', 'group', 'Rehabilitation', ''],
      ['', ' said', 's', '’s'],
    ))
      check(s);
    for (const s of combos(
      ['', 'the ', 'x'],
      ['College', 'Association', 'Union', 'Board', 'Council', 'college'],
      [' of ', ' of  ', 'of ', ' for '],
      ['', 'Acme ', 'Registered ', 'acme ', 'A B '],
      ['Physicians', 'Nurses', 'Doctors', 'Workers', 'Employees', 'Employee', 'Nursesx'],
      ['', ' and Surgeons', ' & Staff', ' of Ontario', 'and X', '  and  X', ' said'],
    ))
      check(s);
    for (const s of ['Workers Physicians Group', 'Nurses Nurses Health', 'Employees Employees', 'Doctors A Nurses B Group', 'Nurses and Doctors Group'])
      check(s);
    expect(found).toBeGreaterThan(2000);
    expect(total - found).toBeGreaterThan(2000);
  });
});
