// Assembles and validates a record. Evidence must quote the stored text exactly, so a record whose
// evidence does not match its text cannot be built.
import { z } from 'zod';
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

// The record schema compiled ahead by zod (z.compile: one generated function checks the whole record, the same checks
// as the runtime parser, which it falls back on for a record that fails, so errors read the same); about half the CPU
// of the runtime parser per record. Compiled on the first record, not at load.
let compiled: typeof IncidentRecord | undefined;

export function buildRecord(parts: RecordParts): IncidentRecord {
  const problems = checkEvidence(parts.text, parts.fields);
  if (problems.length) throw new RecordError(problems.join('; '));
  const result = (compiled ??= z.compile(IncidentRecord)).safeParse({
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
