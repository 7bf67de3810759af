// Assembles and validates a record. Evidence must quote the stored text exactly, so a record whose
// evidence does not match its text cannot be built.
import { checkRecord } from './contract/check-record.ts';
import { FIELD_NAMES, SCHEMA_ID } from './contract/field-names.ts';
import type { Fields, IncidentRecord, Source, Span } from './contract/record.ts';

export class RecordError extends Error {}

export interface RecordParts {
  id: string;
  text: string;
  source: Source;
  ruleset: string;
  fields: Fields;
  warnings?: string[];
  extractedAt?: Date;
}

// (indexed loops, no spread or for-of: the evidence of every record is checked, so this is optimised in every run, and
// the iterator code those inline took TurboFan several times as long to compile)
function checkEvidence(text: string, fields: Fields): string[] {
  const problems: string[] = [];
  for (let i = 0; i < FIELD_NAMES.length; i++) {
    const name = FIELD_NAMES[i]!;
    const f = fields[name];
    if (!f) continue;
    checkSpans(text, name, f.evidence, problems);
    const alternatives = f.alternatives;
    if (alternatives) for (let j = 0; j < alternatives.length; j++) checkSpans(text, name, alternatives[j]!.evidence, problems);
  }
  return problems;
}

/** Each span of `evidence` that does not quote `text`, as a problem of field `name`. */
function checkSpans(text: string, name: string, evidence: readonly Span[], problems: string[]): void {
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    if (e.end > text.length || text.slice(e.start, e.end) !== e.text) {
      problems.push(`${name}: evidence [${e.start}, ${e.end}) ${JSON.stringify(e.text)} does not match the text`);
    }
  }
}

export function buildRecord(parts: RecordParts): IncidentRecord {
  const problems = checkEvidence(parts.text, parts.fields);
  if (problems.length) throw new RecordError(problems.join('; '));
  // the record schema's check without zod (contract/check-record.ts: the same answer, the same issues)
  const result = checkRecord({
    schema: SCHEMA_ID,
    id: parts.id,
    source: parts.source,
    ruleset: parts.ruleset,
    extractedAt: (parts.extractedAt ?? new Date()).toISOString(),
    fields: parts.fields,
    warnings: parts.warnings ?? [],
  });
  if (!result.success) {
    throw new RecordError(result.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return result.data;
}
