// Assembles and validates a record. Evidence must quote the stored text exactly, so a record whose
// evidence does not match its text cannot be built.
import { FIELD_NAMES, IncidentRecord, SCHEMA_ID, type Fields, type Source } from './contract/record.ts';

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
  const result = IncidentRecord.safeParse({
    schema: SCHEMA_ID,
    id: parts.id,
    source: parts.source,
    ruleset: parts.ruleset,
    extractedAt: (parts.extractedAt ?? new Date()).toISOString(),
    fields: parts.fields,
    warnings: parts.warnings ?? [],
  });
  if (!result.success) {
    throw new RecordError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return result.data;
}
