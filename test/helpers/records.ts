// Records made up for incident and export tests: only the fields a test names are set.
import type { FieldName, FieldValue, IncidentRecord } from '../../src/core/contract/record.ts';

type Given = Partial<{ [K in FieldName]: FieldValue[K] | { value: FieldValue[K]; confidence: number } }>;

const isWrapped = (v: unknown): v is { value: unknown; confidence: number } => !!v && typeof v === 'object' && 'confidence' in v && 'value' in v;

/** A valid record of an article: fields at confidence 0.8 unless given `{ value, confidence }`. */
export function recordOf(id: string, fields: Given, source: IncidentRecord['source'] = {}): IncidentRecord {
  const out = { victim: null, date: null, location: null, serverCount: null, ransom: null, origin: null } as IncidentRecord['fields'];
  for (const [name, given] of Object.entries(fields) as [FieldName, unknown][]) {
    if (given == null) continue;
    const { value, confidence } = isWrapped(given) ? given : { value: given, confidence: 0.8 };
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    (out as Record<string, unknown>)[name] = { value, confidence, evidence: [{ start: 0, end: text.length, text }], rule: `${name}/test` };
  }
  return { schema: 'incident-record/1', id, source, ruleset: '0.1.0+test', extractedAt: '2024-01-01T00:00:00.000Z', fields: out, warnings: [] };
}
