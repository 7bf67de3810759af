// Grouping articles into incidents: folded names, date and place windows, the ledger and merged confidence.
import { describe, expect, it } from 'vitest';
import type { DateRole, FieldName } from '../src/core/contract/record.ts';
import { toArticle, type Claim } from '../src/incidents/article.ts';
import { addClaims, fieldsOf, mergeLedger, tallyOf, type Ledger, type Tally } from '../src/incidents/merge.ts';
import { groupArticles } from '../src/incidents/group.ts';
import { definedAcronyms, foldName, nameKeys } from '../src/incidents/names.ts';
import { scoreClusters } from '../src/incidents/cluster-score.ts';
import { recordOf } from './helpers/records.ts';

const art = (id: string, fields: Parameters<typeof recordOf>[1], publishedAt?: string, text: string | null = null) =>
  toArticle(recordOf(id, fields, publishedAt ? { publishedAt } : {}), text);
const together = (incs: ReturnType<typeof groupArticles>) => incs.map((i) => i.sources.map((s) => s.articleId).sort());

describe('victim names', () => {
  it('fold case, accents, punctuation, legal forms and place wrappers', () => {
    expect(foldName('City of Atlanta')).toBe(foldName('ATLANTA'));
    expect(foldName('Kessler Maschinenbau GmbH')).toBe(foldName('Kessler Maschinenbau'));
    expect(foldName('Acme Corp.')).toBe(foldName('acme'));
    expect(foldName("Scotty's Brewhouse")).toBe(foldName('Scottys Brewhouse'));
    expect(foldName('Hôpital de Cannes')).toBe(foldName('Hopital de Cannes'));
    expect(foldName('Atlanta')).not.toBe(foldName('Atlanta Public Schools'));
  });

  it('read acronyms the text defines, both ways, and only when the letters fit', () => {
    const pairs = definedAcronyms('The Colorado Department of Transportation (CDOT) said… HRTA (Harbourview Regional Transit Authority) too. Bob (XYZ) no.');
    expect(pairs).toContainEqual(['cdot', 'colorado department of transportation']);
    expect(pairs).toContainEqual(['hrta', 'harbourview regional transit authority']);
    expect(pairs.some(([s]) => s === 'xyz')).toBe(false);
  });

  it('take alternatives that are forms of the victim, not rival organisations', () => {
    expect(nameKeys('Barts Health Trust', ['Barts', 'Microsoft', 'BHT'], null)).toEqual(['barts health trust', 'barts', 'bht']);
  });
});

describe('grouping', () => {
  it('puts differently told articles of one incident together, and an acronym article with them', () => {
    const incs = groupArticles([
      art('a', { victim: 'City of Millbrook', date: '2022-05-09' }, '2022-05-11'),
      art('b', { victim: 'Millbrook' }, '2022-05-17'),
      art('c', { victim: 'MRT' }, '2022-05-20', 'MRT (Millbrook Regional Transit) said…'),
      art('d', { victim: 'Millbrook Regional Transit', date: '2022-05' }, '2022-05-12'),
    ]);
    expect(together(incs)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps two attacks on one city a year apart, and two hospitals of one group, apart', () => {
    const incs = groupArticles([
      art('y1', { victim: 'City of Millbrook', date: '2022-05-09' }, '2022-05-11'),
      art('y2', { victim: 'Millbrook', date: '2023-06-12' }, '2023-06-14'),
      art('y3', { victim: 'Millbrook' }, '2023-06-20'),
      art('h1', { victim: 'Ravenscourt General Hospital', date: '2024-09-08' }, '2024-09-10'),
      art('h2', { victim: 'Marlow Community Hospital', date: '2024-09-18' }, '2024-09-19'),
    ]);
    expect(together(incs).sort()).toEqual([['h1'], ['h2'], ['y1'], ['y2', 'y3']]);
  });

  it('compares only a date of the incident itself: a discovery or disclosure date places an article by its publication', () => {
    const withRole = (id: string, date: string, role: DateRole | undefined, publishedAt: string) => {
      const r = recordOf(id, { victim: 'Acme Freight', date }, { publishedAt });
      r.fields.date!.role = role;
      return toArticle(r, null);
    };
    const incs = groupArticles([
      withRole('first', '2022-03-10', 'incident', '2022-03-12'),
      // months later, "a breach discovered in March": another incident, not a date of the first
      withRole('later', '2022-03', 'discovery', '2022-09-20'),
      // a disclosure date in the same news cycle: joins by publication
      withRole('same', '2022-03-24', 'disclosure', '2022-03-25'),
      // a record made before roles: its date still counts as the incident's
      withRole('old', '2022-03', undefined, '2022-06-01'),
    ]);
    expect(together(incs).sort()).toEqual([['first', 'old', 'same'], ['later']]);
  });

  it('keeps firmly different countries apart, lets a weak one join as a conflict', () => {
    const firm = groupArticles([
      art('us', { victim: 'Acme', location: { value: { country: 'US', region: null, city: null }, confidence: 0.9 } }, '2024-01-02'),
      art('gb', { victim: 'Acme', location: { value: { country: 'GB', region: null, city: null }, confidence: 0.9 } }, '2024-01-03'),
    ]);
    expect(firm).toHaveLength(2);
    const weak = groupArticles([
      art('us', { victim: 'Acme', location: { value: { country: 'US', region: null, city: null }, confidence: 0.9 } }, '2024-01-02'),
      art('gb', { victim: 'Acme', location: { value: { country: 'GB', region: null, city: null }, confidence: 0.4 } }, '2024-01-03'),
    ]);
    expect(weak).toHaveLength(1);
    expect(weak[0]!.conflicts.map((c) => c.field)).toEqual(['location']);
  });

  it('leaves articles without a victim out, and never fails on missing dates or places', () => {
    const incs = groupArticles([art('none', { date: '2024-01' }), art('bare', { victim: 'Acme' }), art('bare2', { victim: 'ACME Inc.' })]);
    expect(together(incs)).toEqual([['bare', 'bare2']]);
    expect(incs[0]!.id).toBe('inc-undated-acme');
  });

  it('raises confidence when articles agree, lowers it and lists both values when they conflict, keeping every claim', () => {
    const ransom = (amount: number, confidence: number) => ({ value: { demanded: true, amount, currency: 'USD' }, confidence });
    const two = (a: number, ca: number, b: number, cb: number) =>
      groupArticles([art('a', { victim: 'Acme', ransom: ransom(a, ca) }, '2024-01-02'), art('b', { victim: 'Acme', ransom: ransom(b, cb) }, '2024-01-03')]);
    const [agree] = two(50000, 0.7, 50000, 0.7);
    const [conflict] = two(50000, 0.7, 55000, 0.6);
    expect(agree!.fields.ransom!.confidence).toBeGreaterThan(0.7);
    expect(conflict!.fields.ransom!.confidence).toBeLessThan(0.7);
    expect(conflict!.fields.ransom!.value).toMatchObject({ amount: 50000 });
    expect(conflict!.conflicts).toEqual([
      {
        field: 'ransom',
        values: [
          { value: { demanded: true, amount: 50000, currency: 'USD' }, articles: ['a'] },
          { value: { demanded: true, amount: 55000, currency: 'USD' }, articles: ['b'] },
        ],
      },
    ]);
    expect(conflict!.ledger.ransom!.map((c) => [c.articleId, c.confidence, c.evidence.length])).toEqual([
      ['a', 0.7, 1],
      ['b', 0.6, 1],
    ]);
  });

  it('refines a vague agreed value to the specific one, and still lists the contradiction', () => {
    const ransom = (amount: number | null, confidence: number) => ({ value: { demanded: true, amount, currency: amount ? 'USD' : null }, confidence });
    const [inc] = groupArticles([
      art('a', { victim: 'Acme', ransom: ransom(null, 0.9) }, '2024-01-02'),
      art('b', { victim: 'Acme', ransom: ransom(null, 0.9) }, '2024-01-03'),
      art('c', { victim: 'Acme', ransom: ransom(2000000, 0.9), date: '2024-01' }, '2024-01-04'),
      art('d', { victim: 'Acme', ransom: ransom(2500000, 0.8), date: '2024-01-01' }, '2024-01-05'),
    ]);
    expect(inc!.fields.ransom!.value).toEqual({ demanded: true, amount: 2000000, currency: 'USD' });
    expect(inc!.fields.date!.value).toBe('2024-01-01');
    expect(inc!.conflicts.map((c) => c.field)).toEqual(['ransom']);
  });

  it('gives an id from the first article that stays when later ones join', () => {
    const first = groupArticles([art('a', { victim: 'Province de Namur', date: '2023-07' }, '2023-07-10')]);
    const later = groupArticles([
      art('a', { victim: 'Province de Namur', date: '2023-07' }, '2023-07-10'),
      art('b', { victim: 'province de namur' }, '2023-07-30'),
    ]);
    expect(first[0]!.id).toBe('inc-2023-07-province-de-namur');
    expect(later.map((i) => i.id)).toEqual([first[0]!.id]);
  });
});

describe('clustering scores', () => {
  it('count pairs and B-cubed, and a merge of look-alikes', () => {
    const gold = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
      ['d', 'y'],
    ]);
    const perfect = scoreClusters(
      gold,
      new Map([
        ['a', '1'],
        ['b', '1'],
        ['c', '2'],
        ['d', '2'],
      ]),
    );
    expect(perfect.bcubed.f1).toBe(1);
    const lumped = scoreClusters(
      gold,
      new Map([
        ['a', '1'],
        ['b', '1'],
        ['c', '1'],
        ['d', '1'],
      ]),
      new Set(['b', 'c']),
    );
    expect(lumped.pairwise.precision).toBeCloseTo(2 / 6, 4);
    expect(lumped.bcubed.precision).toBe(0.5);
    expect(lumped.bcubed.recall).toBe(1);
    expect(lumped.lookAlikeMerges).toBe(1);
  });
});

describe('the tally the store keeps of an incident', () => {
  it("gives mergeLedger's fields claim by claim, and at once from the whole ledger", () => {
    // a small deterministic generator: few values per field (some that agree, some that do not), confidences alike and not
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const values = {
      victim: ['City of Millbrook', 'Millbrook', 'Acme Corp'],
      date: ['2022-05', '2022-05-09', '2023-01-02', 'not a date'],
      location: [{ country: 'US' }, { country: 'US', region: 'Ohio' }, { country: 'FR' }],
      ransom: [{ demanded: true }, { demanded: true, amount: 50000, currency: 'USD' }, { demanded: false }],
    } as const;
    for (let run = 0; run < 40; run++) {
      const ledger: Ledger = {};
      let tally: Tally = {};
      for (let i = 0; i < 1 + Math.floor(rand() * 12); i++) {
        const claims: Partial<Record<FieldName, Claim>> = {};
        for (const [field, vs] of Object.entries(values) as [FieldName, readonly unknown[]][]) {
          if (rand() < 0.3) continue;
          const claim = {
            articleId: `a${Math.floor(rand() * 30)}-${i}`,
            value: pick(vs),
            confidence: pick([0.5, 0.742, 0.8, 0.8, 0.984]),
            evidence: [],
            rule: 'x',
          };
          claims[field] = claim;
          ledger[field] = [...(ledger[field] ?? []), claim];
        }
        tally = addClaims(tally, claims) ?? tallyOf(ledger);
        expect(fieldsOf(tally)).toEqual(mergeLedger(ledger).fields);
        expect(tallyOf(ledger)).toEqual(tally);
        expect(Object.keys(tally)).toEqual(Object.keys(ledger));
      }
    }
  });
});
