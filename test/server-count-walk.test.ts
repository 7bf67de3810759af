// serverCount's counts are found by walking the count pattern's parts (extractors/serverCount/lib/count.ts): held here to
// the whole pattern, searched as the rules searched it before the walk, on invented sentences in every shape it knows.
import { describe, expect, it } from 'vitest';
import { type Sentence, firstMatch, matches } from '../extractors/_shared/kit.ts';
import { MONTH_SOURCE } from '../extractors/_shared/months.ts';
import { NUMBER_SOURCE, parseNumber } from '../extractors/_shared/numbers.ts';
import { type CountPattern, countPattern, countsIn } from '../extractors/serverCount/lib/count.ts';
import { fleetCounts } from '../extractors/serverCount/own-fleet-hit.ts';
import { ofThem } from '../extractors/serverCount/servers-of-them.ts';

const AND_COUNT = new RegExp(String.raw`\band\s+(${NUMBER_SOURCE})\s`, 'gi');
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTH_SOURCE})\.?\s+$`, 'i');

// the counts as the rules found them with the whole pattern (in sentences with no fleet, rate or year before a count)
function byWholePattern(text: string, p: CountPattern): string[] {
  const out: string[] = [];
  const found = matches(new RegExp(p.whole().count.source, 'gi'), text);
  for (const m of found) {
    const n = m.groups!.n!;
    if (/^\d/.test(n) && MONTH_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) {
      found.continueAt(m.index + n.length);
      continue;
    }
    const andCounts = firstMatch(p.whole().more, text, m.index + m[0].length)![0];
    const end = m.index + m[0].length + andCounts.length;
    found.continueAt(end);
    let value = parseNumber(n);
    for (const a of matches(AND_COUNT, andCounts)) value = value == null ? null : ((more) => (more == null ? null : value! + more))(parseNumber(a[1]!));
    if (value == null || !Number.isInteger(value) || value < 1 || /^(?:1[89]|20)\d\d$/.test(n)) continue;
    out.push(`${m.index}-${end}=${value}`);
  }
  return out;
}
const walked = (text: string, p: CountPattern) =>
  countsIn(null as never, { text, start: 0, end: text.length, index: 0 } as Sentence, p).map((c) => `${c.start}-${c.end}=${c.value}`);

const NUMBERS = ['5', '1,500', '2.5', '12 000', 'two', 'twenty-five', 'twenty five', 'three hundred and twenty', 'a dozen', '5 million'];
const ODD_NUMBERS = ['sevent', 'twenty one-two', '30-45', 'two to three', '2019', 'forty-eight', '000', '21, 2012, one'];
const BETWEEN = ['', ' of its', ' of the company’s', ' of about 500', ' of some twenty', ' other', ' Windows file', ' proxy', ' and'];
const ODD_BETWEEN = [' 000-strong', ' hundred', '-five', ' to ten', ' tofive', ' x y z', ' the', ' of our employees'];
const NOUNS = [' servers', ' server machines', ' serverless', ' servers and two database servers', ' servers, and 3 servers', ' servers and 12 000 servers'];

describe('serverCount count walk', () => {
  const p = countPattern(String.raw`servers|server\s+machines`);
  it('finds the counts the whole count pattern finds', () => {
    let counts = 0;
    for (const a of [...NUMBERS, ...ODD_NUMBERS])
      for (const b of [...BETWEEN, ...ODD_BETWEEN])
        for (const c of NOUNS) {
          const text = `Hackers encrypted ${a}${b}${c} on May 19 ${a}${c}.`;
          const expected = byWholePattern(text, p);
          counts += expected.length;
          expect(walked(text, p), text).toEqual(expected);
        }
    expect(counts).toBeGreaterThan(1000);
  });

  it('finds the fleets and the counts "of them" their whole patterns find', () => {
    const fleet = new RegExp(
      String.raw`\b(?:(?:we|it|they|the\s+(?:company|firm|council|city|business|shop))\s+(?:run|runs|operate|operates|ha(?:ve|s)|had|own|owns|maintain` +
        String.raw`|maintains|use|uses|used)|our|its|their|all)\s+(?:(?:a\s+total\s+of|just|only)\s+)?(?<n>${NUMBER_SOURCE})\s+(?:[\w-]+\s+){0,2}?servers\b`,
      'giu',
    );
    const them = new RegExp(String.raw`\b(?:all\s+but\s+)?(?<n>${NUMBER_SOURCE})\s+of\s+them\b`, 'gi');
    let found = 0;
    for (const owner of ['We run', 'the company operates', 'our', 'its', 'all', 'they used'])
      for (const n of [...NUMBERS, ...ODD_NUMBERS, 'a total of 40', 'just 5', 'all but two'])
        for (const between of ['', ' MongoDB', ' web database', ' a b c', ' x'])
          for (const end of [' servers', 'servers', ' serverless', ' of them', ' of themselves']) {
            const text = `Hackers hit us. ${owner} ${n}${between}${end} and ${n}${end}.`;
            const a = Array.from(matches(fleet, text), (m) => [m.index, m.groups!.n, m.index + m[0].length]);
            expect(
              Array.from(fleetCounts(text), (m) => [m.index, m.n, m.end]),
              text,
            ).toEqual(a);
            const b = Array.from(matches(them, text), (m) => [m.index, m.groups!.n, m.index + m[0].length, /^all/.test(m[0])]);
            expect(
              Array.from(ofThem(text), (m) => [m.index, m.n, m.end, m.allBut]),
              text,
            ).toEqual(b);
            found += a.length + b.length;
          }
    expect(found).toBeGreaterThan(500);
  });
});
