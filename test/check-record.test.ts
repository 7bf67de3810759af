// The engine checks its records without zod (src/core/contract/check-record.ts): on any input it must answer as the zod
// schema does, record for record — the same pass or fail, the same data back (keys and their order included), the same
// issues. Held here on the records of the fixtures and on every break of every part of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../src/core/contract/check-record.ts';
import { FIELD_NAMES, Fields, IncidentRecord, SCHEMA_ID } from '../src/core/contract/record.ts';
import { createExtractor } from '../src/core/engine.ts';
import { REPO_ROOT } from '../src/config.ts';

/** A value as text that shows key order and an undefined kept under its key. */
const shown = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x === undefined ? '<undefined>' : x));

function sameAnswer(input: unknown): void {
  const z = IncidentRecord.safeParse(input);
  const own = checkRecord(input);
  expect(own.success, shown(input)).toBe(z.success);
  if (z.success && own.success) expect(shown(own.data)).toBe(shown(z.data));
  if (!z.success && !own.success) {
    expect(own.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(z.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
}

class Other {
  readonly x = 1;
}
const BAD: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'US',
  'USD',
  '2024-02-30',
  '2024-13',
  -1,
  0,
  0.5,
  1,
  1.5,
  2,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 60,
  -(2 ** 60),
  true,
  [],
  ['x'],
  {},
  new Date(0),
  new Other(),
  'incident',
  'background',
];

/** Every path to a value (object key or array index) inside `v`. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return keys.flatMap((k) => [[...at, k], ...paths((v as Record<string | number, unknown>)[k], [...at, k])]);
}

/** A deep copy of `v` with the value at `p` replaced (or deleted, or a stray key added beside it). */
function changed(v: unknown, p: (string | number)[], how: { to?: unknown; remove?: boolean; stray?: boolean }): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = p[p.length - 1]!;
  if (how.remove) delete parent[last];
  else if (how.stray) parent.stray = 1;
  else parent[last] = how.to;
  return copy;
}

async function fixtureRecords(): Promise<unknown[]> {
  const ex = await createExtractor();
  const dir = path.join(REPO_ROOT, 'fixtures');
  const out: unknown[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const r = ex.process({ id: f, text: readFileSync(path.join(dir, f), 'utf8'), publishedAt: '2024-05-01' });
    if (r.ok) out.push(r.record);
  }
  return out;
}

describe('checkRecord answers as the zod schema', () => {
  it('lists the fields in the schema’s order', () => {
    expect(FIELD_NAMES).toEqual(Object.keys(Fields.shape));
    expect(IncidentRecord.shape.schema.value).toBe(SCHEMA_ID);
  });

  it('on the records of the fixtures, passing, and with every part broken', async () => {
    const records = await fixtureRecords();
    expect(records.length).toBeGreaterThan(20);
    // every field filled somewhere, alternatives and a date's role too
    for (const name of FIELD_NAMES) expect(records.some((r) => (r as IncidentRecord).fields[name])).toBe(true);
    expect(records.some((r) => FIELD_NAMES.some((n) => (r as IncidentRecord).fields[n]?.alternatives))).toBe(true);
    let cases = 0;
    for (const r of records.slice(0, 12)) {
      sameAnswer(r);
      // a candidate's own keys (field) and a key of no schema are left out of the data
      sameAnswer({ ...(r as object), stray: 1 });
      for (const p of paths(r)) {
        for (const to of BAD) sameAnswer(changed(r, p, { to }));
        sameAnswer(changed(r, p, { remove: true }));
        sameAnswer(changed(r, p, { stray: true }));
        cases += BAD.length + 2;
      }
    }
    expect(cases).toBeGreaterThan(5000);
  }, 120_000);

  it('on inputs that are no record at all', () => {
    for (const v of BAD) sameAnswer(v);
    sameAnswer({ schema: SCHEMA_ID });
    const r = {
      schema: SCHEMA_ID,
      id: 'a',
      source: { uri: undefined, title: 't' },
      ruleset: 'r',
      extractedAt: '2024-02-29T10:00:00Z',
      fields: { victim: null, date: null, location: null, serverCount: null, ransom: null, origin: null },
      warnings: [],
    };
    sameAnswer(r);
    sameAnswer({ ...r, extractedAt: '2023-02-29T10:00:00.123Z' });
    sameAnswer({ ...r, extractedAt: new Date(Date.UTC(20000, 0, 1)).toISOString() });
    const times = ['2000-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2024-02-29T24:00:00Z', '2024-04-31T00:00:00.5Z', '2024-12-31T23:59:59.999999Z'];
    for (const extractedAt of [...times, '2024-01-01T00:00:00+01:00', '2024-01-01 00:00:00Z', '2024-01-01T00:00Z']) sameAnswer({ ...r, extractedAt });
    const span = { start: 5, end: 5, text: 'x' };
    const victim = { value: 'V', confidence: 0.5, evidence: [span], rule: 'r', alternatives: undefined };
    sameAnswer({ ...r, fields: { ...r.fields, victim } });
    sameAnswer({ ...r, fields: { ...r.fields, victim: { ...victim, evidence: [{ ...span, end: 'x' }] } } });
    sameAnswer({ ...r, fields: { ...r.fields, date: { ...victim, value: '2024', role: undefined, evidence: [{ ...span, end: 6 }] } } });
    sameAnswer({ ...r, fields: Object.create({ victim: null }) });
  });
});
