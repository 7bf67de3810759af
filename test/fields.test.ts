// The field descriptors (src/core/fields/) are the one list resolve, the scorer and the sinks read: every record
// field has one, and every column a descriptor names exists in the incident_records table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.ts';
import { FIELD_NAMES } from '../src/core/contract/record.ts';
import { FIELDS } from '../src/core/fields/index.ts';

describe('field descriptors', () => {
  it("one per record field, in the record's order, each under its own name", () => {
    expect(Object.keys(FIELDS)).toEqual(FIELD_NAMES);
    for (const name of FIELD_NAMES) expect(FIELDS[name].name).toBe(name);
  });

  it('every column a descriptor names is in the incident_records table, once', () => {
    const ddl = readFileSync(path.join(REPO_ROOT, 'src/sinks/incident-records.sql'), 'utf8');
    const columns = FIELD_NAMES.flatMap((f) => FIELDS[f].columns.map((c) => c.name));
    expect(new Set(columns).size).toBe(columns.length);
    for (const c of columns) expect(ddl, c).toMatch(new RegExp(`^\\s+${c}\\s`, 'm'));
  });

  it('scorer views have distinct names', () => {
    const views = FIELD_NAMES.flatMap((f) => FIELDS[f].score.map((v) => v.name));
    expect(new Set(views).size).toBe(views.length);
  });
});
