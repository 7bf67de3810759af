// The record contract v1 (shared/DESIGN.md). This zod schema is the single source of truth:
// the TypeScript types are inferred from it and src/core/contract/record.schema.json is generated from it.
import { z } from 'zod';
import { FIELD_NAMES, SCHEMA_ID } from './field-names.ts';

export { FIELD_NAMES, SCHEMA_ID };

export const Span = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    text: z.string().min(1),
  })
  .refine((s) => s.end > s.start, { message: 'evidence span must have end > start' });
export type Span = z.infer<typeof Span>;

const Alpha2 = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code');

export const VictimValue = z.string().min(1);
export type VictimValue = z.infer<typeof VictimValue>;

export const DateValue = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'ISO 8601 date at YYYY, YYYY-MM or YYYY-MM-DD precision');
export type DateValue = z.infer<typeof DateValue>;

export const LocationValue = z.object({
  country: Alpha2.nullable(),
  region: z.string().min(1).nullable(),
  city: z.string().min(1).nullable(),
});
export type LocationValue = z.infer<typeof LocationValue>;

export const ServerCountValue = z.number().int().positive();
export type ServerCountValue = z.infer<typeof ServerCountValue>;

export const RansomValue = z.object({
  demanded: z.boolean(),
  amount: z.number().positive().nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3,4}$/, 'ISO 4217 code or crypto ticker')
    .nullable(),
});
export type RansomValue = z.infer<typeof RansomValue>;

export const OriginValue = z.object({
  country: Alpha2.nullable(),
  actor: z.string().min(1).nullable(),
});
export type OriginValue = z.infer<typeof OriginValue>;

const Confidence = z.number().min(0).max(1);

function fieldOf<V extends z.ZodType>(value: V) {
  const alternative = z.object({ value, confidence: Confidence, evidence: z.array(Span).min(1), rule: z.string().min(1) });
  return alternative.extend({ alternatives: z.array(alternative).optional() }).nullable();
}

/**
 * Which event of the story a date is the date of. The record's date is the incident's (when it happened, began);
 * a rule falls back on the day it was discovered, disclosed (notified, announced) or reported (the statement or article
 * date: "said on Tuesday") only when nothing better is stated; a background date ("first seen in 2015", another attack
 * "last year") never stands for the incident.
 */
export const DateRole = z.enum(['incident', 'discovery', 'disclosure', 'report', 'background']);
export type DateRole = z.infer<typeof DateRole>;

export const VictimField = fieldOf(VictimValue);
// the date, and each of its alternatives, says which event it is the date of (optional: records of contract v1 made
// before roles existed stay valid; the pipeline always sets it)
const DateAlternative = z.object({
  value: DateValue,
  confidence: Confidence,
  evidence: z.array(Span).min(1),
  rule: z.string().min(1),
  role: DateRole.optional(),
});
export const DateField = DateAlternative.extend({ alternatives: z.array(DateAlternative).optional() }).nullable();
export const LocationField = fieldOf(LocationValue);
export const ServerCountField = fieldOf(ServerCountValue);
export const RansomField = fieldOf(RansomValue);
export const OriginField = fieldOf(OriginValue);

export const Fields = z.object({
  victim: VictimField,
  date: DateField,
  location: LocationField,
  serverCount: ServerCountField,
  ransom: RansomField,
  origin: OriginField,
});
export type Fields = z.infer<typeof Fields>;
export type FieldName = keyof Fields;

/** The value type of each field, e.g. FieldValue['ransom'] = RansomValue. */
export type FieldValue = { [K in FieldName]: NonNullable<Fields[K]>['value'] };
export const FIELD_VALUE: { [K in FieldName]: z.ZodType<FieldValue[K]> } = {
  victim: VictimValue,
  date: DateValue,
  location: LocationValue,
  serverCount: ServerCountValue,
  ransom: RansomValue,
  origin: OriginValue,
};

export const Source = z.object({
  uri: z.string().optional(),
  title: z.string().optional(),
  publishedAt: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export const IncidentRecord = z.object({
  schema: z.literal(SCHEMA_ID),
  id: z.string().min(1),
  source: Source,
  ruleset: z.string().min(1),
  extractedAt: z.iso.datetime(),
  fields: Fields,
  warnings: z.array(z.string()),
});
export type IncidentRecord = z.infer<typeof IncidentRecord>;

/** Why an input did not become a record. Every input ends as one or the other. */
export const DeadLetterReason = z.enum([
  'empty-text',
  'binary',
  'invalid-utf8',
  'too-large',
  'broken-json',
  'missing-text',
  'unreadable',
  'schema-violation',
  'internal-error',
  // the same id as an earlier document of the run, with another text: the first one keeps the id
  'duplicate-id',
  // extraction passed the per-document deadline (a worker is never held by one document)
  'timeout',
]);
export type DeadLetterReason = z.infer<typeof DeadLetterReason>;

export const DeadLetter = z.object({
  deadLetter: z.literal(true),
  id: z.string().nullable(),
  input: z.string(),
  stage: z.enum(['read', 'ingest', 'extract', 'validate']),
  reason: DeadLetterReason,
  message: z.string(),
  at: z.iso.datetime(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;
