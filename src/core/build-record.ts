// Assembles and validates a record. Evidence must quote the stored text exactly, so a record whose
// evidence does not match its text cannot be built.
import { checkRecord } from './contract/check-record.ts';
import { FIELD_NAMES, SCHEMA_ID } from './contract/field-names.ts';
import type { Fields, IncidentRecord, Source } from './contract/record.ts';

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

function checkEvidence(text: string, fields: Fields): string[] {
  const problems: string[] = [];
  for (const name of FIELD_NAMES) {
    const f = fields[name];
    if (!f) continue;
    const all = [f, ...(f.alternatives ?? [])];
    for (const c of all) {
      for (const e of c.evidence) {
        if (e.end > text.length || text.slice(e.start, e.end) !== e.text) {
          problems.push(`${name}: evidence [${e.start}, ${e.end}) ${JSON.stringify(e.text)} does not match the text`);
        }
      }
    }
  }
  return problems;
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
