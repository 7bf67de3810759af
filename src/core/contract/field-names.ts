// The record's schema id and field names, apart from the zod schema (record.ts), so that the engine, which checks
// its records with check-record.ts, loads no zod (half of its bundle's code). record.ts re-exports both;
// test/check-record.test.ts holds FIELD_NAMES equal to the schema's own field order.
import type { FieldName } from './record.ts';

export const SCHEMA_ID = 'incident-record/1';

/** The six fields, in the record's order. */
export const FIELD_NAMES: FieldName[] = ['victim', 'date', 'location', 'serverCount', 'ransom', 'origin'];
