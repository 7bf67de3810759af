// The committed JSON Schema is what tools outside the project validate against, so it must never drift
// from the zod contract; and a record that breaks the contract must not be buildable at all.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIELD_NAMES, IncidentRecord, type Fields } from '../src/core/contract/record.ts';
import { buildRecord, RecordError } from '../src/core/build-record.ts';
import { createExtractor } from '../src/core/engine.ts';
import { recordJsonSchemaText, SCHEMA_PATH, SCHEMA_URI } from '../scripts/write-schema.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEED = `${ROOT}fixtures/province-de-namur.txt`;

const TEXT = 'The Province de Namur was hit by ransomware in July 2023.';
const victimAt = TEXT.indexOf('Province de Namur');

function parts(fields: Partial<Fields>) {
  const none: Fields = { victim: null, date: null, location: null, serverCount: null, ransom: null, origin: null };
  return { id: 't1', text: TEXT, source: {}, ruleset: 'test', fields: { ...none, ...fields } };
}

const victim = (start: number, end: number, text: string, confidence = 0.9): Fields['victim'] => ({
  value: 'Province de Namur',
  confidence,
  evidence: [{ start, end, text }],
  rule: 'victim/test',
});

describe('JSON Schema file', () => {
  it('equals the schema generated from the zod contract, byte for byte', () => {
    const committed = readFileSync(SCHEMA_PATH, 'utf8');
    expect(
      committed === recordJsonSchemaText(),
      'src/core/contract/record.schema.json is out of date with src/core/contract/record.ts: run npm run schema',
    ).toBe(true);
  });

  it('is loadable JSON with its id, a title and the six fields required', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as {
      $schema: string;
      $id: string;
      title: string;
      required: string[];
      $defs: Record<string, { required?: string[] }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(SCHEMA_URI);
    expect(schema.title).toBeTruthy();
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'id', 'source', 'ruleset', 'extractedAt', 'fields', 'warnings']));
    expect(schema.$defs.Fields?.required?.slice().sort()).toEqual([...FIELD_NAMES].sort());
    expect(FIELD_NAMES).toHaveLength(6);
  });
});

describe('records from the pipeline', () => {
  it('the seed report becomes a record that parses with the zod contract', async () => {
    const ex = await createExtractor();
    const text = readFileSync(SEED, 'utf8');
    const r = ex.process({ id: 'province-de-namur', text }, SEED);
    expect(r.ok, r.ok ? '' : JSON.stringify(r.deadLetter)).toBe(true);
    if (!r.ok) return;
    expect(IncidentRecord.safeParse(r.record).success).toBe(true);
    // round trip through JSON, as a downstream consumer reads it
    expect(IncidentRecord.parse(JSON.parse(JSON.stringify(r.record)))).toEqual(r.record);
  });
});

describe('buildRecord', () => {
  it('builds a record whose evidence quotes the text', () => {
    const rec = buildRecord(parts({ victim: victim(victimAt, victimAt + 17, 'Province de Namur') }));
    expect(rec.fields.victim?.value).toBe('Province de Namur');
    expect(IncidentRecord.safeParse(rec).success).toBe(true);
  });

  it('throws when evidence does not match the text', () => {
    expect(() => buildRecord(parts({ victim: victim(victimAt + 1, victimAt + 18, 'Province de Namur') }))).toThrow(RecordError);
    expect(() => buildRecord(parts({ victim: victim(TEXT.length - 2, TEXT.length + 15, 'Province de Namur') }))).toThrow(/does not match/);
  });

  it('throws when an alternative quotes the text wrongly', () => {
    const v = victim(victimAt, victimAt + 17, 'Province de Namur')!;
    const alt = { ...v, value: 'Namur', evidence: [{ start: 0, end: 5, text: 'Namur' }] };
    expect(() => buildRecord(parts({ victim: { ...v, alternatives: [alt] } }))).toThrow(RecordError);
  });

  it('throws when a confidence is out of [0, 1]', () => {
    expect(() => buildRecord(parts({ victim: victim(victimAt, victimAt + 17, 'Province de Namur', 1.5) }))).toThrow(/confidence/);
  });

  it('throws when a country is not an ISO alpha-2 code', () => {
    const at = TEXT.indexOf('Namur');
    const location = {
      value: { country: 'Belgium', region: null, city: null },
      confidence: 0.8,
      evidence: [{ start: at, end: at + 5, text: 'Namur' }],
      rule: 'location/test',
    };
    expect(() => buildRecord(parts({ location } as unknown as Partial<Fields>))).toThrow(/country/);
  });
});
