// End-to-end check on the hand-written fixtures: every article goes through the same ingest the CLI
// uses (readInputs) and the same processor (createExtractor), and each field is compared with the
// `<name>.expected.json` beside it. Positives name all six fields; negatives under negative/ name only
// the fields the text tempts and that must stay null. One `it` per fixture and field keeps failures readable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_NAMES, FIELD_VALUE, type FieldName, type FieldValue, type IncidentRecord } from '../src/core/contract/record.ts';
import { loadFixtures, type Fixture } from '../src/eval/fixtures.ts';
import { SEED_REPORT } from '../src/eval/paths.ts';
import { createExtractor } from '../src/core/engine.ts';

interface Case extends Fixture {
  record?: IncidentRecord;
  /** Why no record came out: a dead letter at extract time. */
  failure?: string;
}

/** The canonical record from DESIGN.md, checked field by field. */
const SEED_FIELDS: { [K in FieldName]: FieldValue[K] } = {
  victim: 'Province de Namur',
  date: '2023-07',
  location: { country: 'BE', region: 'Namur', city: null },
  serverCount: 5,
  ransom: { demanded: true, amount: null, currency: null },
  origin: { country: 'RU', actor: null },
};

const extractor = await createExtractor();
// loadFixtures reads each article through the CLI's ingest and fails on a missing expectation or a dead letter.
const cases: Case[] = (await loadFixtures()).map((fx) => {
  const result = extractor.process(fx.raw, fx.file);
  return result.ok ? { ...fx, record: result.record } : { ...fx, failure: `${result.deadLetter.reason}: ${result.deadLetter.message}` };
});
const positives = cases.filter((c) => !c.negative);
const negatives = cases.filter((c) => c.negative);

function valueOf(c: Case, field: FieldName): unknown {
  if (!c.record) throw new Error(`${c.name}: no record (${c.failure ?? 'unknown reason'})`);
  return c.record.fields[field]?.value ?? null;
}

describe('fixtures', () => {
  it('has at least 40 positives and 15 negatives', () => {
    expect(positives.length).toBeGreaterThanOrEqual(40);
    expect(negatives.length).toBeGreaterThanOrEqual(15);
  });

  it('every expectation is valid by the contract', () => {
    for (const c of cases) {
      for (const [field, value] of Object.entries(c.expected)) {
        expect(FIELD_NAMES, `${c.name}: unknown field ${field}`).toContain(field);
        if (value !== null) {
          const parsed = FIELD_VALUE[field as FieldName].safeParse(value);
          expect(parsed.success, `${c.name}: ${field} ${JSON.stringify(value)} breaks the contract`).toBe(true);
        }
      }
    }
  });

  it('positives name all six fields; negatives name at least one, all null', () => {
    for (const c of positives) expect(Object.keys(c.expected).sort(), c.name).toEqual([...FIELD_NAMES].sort());
    for (const c of negatives) {
      expect(Object.keys(c.expected).length, c.name).toBeGreaterThan(0);
      for (const v of Object.values(c.expected)) expect(v, c.name).toBeNull();
    }
  });
});

describe('seed: province-de-namur', () => {
  const seed = positives.find((c) => c.name === 'province-de-namur.txt');

  it('is an exact copy of the seed report', () => {
    expect(seed).toBeDefined();
    expect(readFileSync(seed!.file, 'utf8')).toBe(readFileSync(SEED_REPORT, 'utf8'));
  });

  it('expects exactly the record DESIGN.md states', () => {
    expect(seed!.expected).toEqual(SEED_FIELDS);
  });

  for (const field of FIELD_NAMES) {
    it(`${field} = ${JSON.stringify(SEED_FIELDS[field])}`, () => {
      expect(valueOf(seed!, field)).toEqual(SEED_FIELDS[field]);
    });
  }

  it('supports every field with evidence quoted from the text', () => {
    const record = seed!.record;
    expect(record, seed!.failure).toBeDefined();
    const text = readFileSync(seed!.file, 'utf8');
    for (const field of FIELD_NAMES) {
      const f = record!.fields[field];
      expect(f, `${field} is null`).not.toBeNull();
      expect(f!.evidence.length).toBeGreaterThan(0);
      for (const e of f!.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
  });
});

// Positives expect each named value; negatives expect each named field to be null.
for (const [group, list] of [
  ['positives', positives],
  ['negatives', negatives],
] as const) {
  describe(group, () => {
    for (const c of list) {
      describe(c.name, () => {
        it('becomes a record', () => {
          expect(c.failure).toBeUndefined();
          expect(c.record).toBeDefined();
        });
        for (const field of FIELD_NAMES) {
          if (!(field in c.expected)) continue;
          const want = c.expected[field] ?? null;
          it(want === null ? `${field} is null` : `${field} = ${JSON.stringify(want)}`, () => {
            expect(valueOf(c, field)).toEqual(want);
          });
        }
      });
    }
  });
}
