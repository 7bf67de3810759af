// Writes src/core/contract/record.schema.json from the zod contract, so downstream validators can load the
// record shape without TypeScript. zod stays the single source of truth: never edit the JSON by hand.
//   tsx scripts/write-schema.ts          (npm run schema)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../src/config.ts';
import { z } from 'zod';
import {
  DateField,
  DateRole,
  DateValue,
  Fields,
  IncidentRecord,
  LocationField,
  LocationValue,
  OriginField,
  OriginValue,
  RansomField,
  RansomValue,
  SCHEMA_ID,
  ServerCountField,
  ServerCountValue,
  Source,
  Span,
  VictimField,
  VictimValue,
} from '../src/core/contract/record.ts';

export const SCHEMA_PATH = path.join(REPO_ROOT, 'src/core/contract/record.schema.json');
export const SCHEMA_URI = 'https://incident-extract.dev/schema/incident-record-1.json';

type Meta = { id?: string; title?: string; description?: string };

// A private registry rather than zod's global one: names for $defs without touching the contract module.
function namedParts(): z.core.$ZodRegistry<Meta> {
  const reg = z.registry<Meta>();
  // JSON Schema cannot say "end > start"; the refinement is dropped by the export, so it is stated here.
  reg.add(Span, {
    id: 'Span',
    description: 'Evidence: text[start, end) of the stored document, UTF-16 offsets; end > start (checked by the producer, not expressible in JSON Schema).',
  });
  reg.add(Source, { id: 'Source', description: 'Where the document came from, as far as known.' });
  reg.add(VictimValue, { id: 'VictimValue', description: 'Name of the victim organisation as the text states it.' });
  reg.add(DateValue, { id: 'DateValue', description: 'When the incident happened, ISO 8601 at the precision known.' });
  reg.add(DateRole, {
    id: 'DateRole',
    description:
      'Which event the date is the date of: the incident (happened, began), its discovery, its disclosure (notice, announcement),' +
      ' a report or statement about it, or a background event. Absent only in records made before roles existed.',
  });
  reg.add(LocationValue, { id: 'LocationValue', description: 'Where the victim / incident is; country is ISO 3166-1 alpha-2.' });
  reg.add(ServerCountValue, { id: 'ServerCountValue', description: 'Number of servers affected.' });
  reg.add(RansomValue, { id: 'RansomValue', description: 'Ransom demand; amount in the stated unit, currency ISO 4217 or a crypto ticker.' });
  reg.add(OriginValue, { id: 'OriginValue', description: "Attackers' attributed origin as the text states it." });
  const fields = { VictimField, DateField, LocationField, ServerCountField, RansomField, OriginField };
  for (const [id, f] of Object.entries(fields)) {
    reg.add(f, { id, description: 'null when the text does not support the field; otherwise value, confidence in [0, 1], evidence and winning rule.' });
  }
  reg.add(Fields, { id: 'Fields' });
  return reg;
}

/** The JSON Schema of a record, as an object. Deterministic: same contract, same output. */
export function recordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(IncidentRecord, {
    target: 'draft-2020-12',
    // records are what we emit: describe the output side (objects are closed, no input coercions)
    io: 'output',
    metadata: namedParts(),
    // anonymous reuse stays inline; only the named parts above become $defs
    reused: 'inline',
    cycles: 'throw',
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_URI,
    title: 'Incident record (contract v1)',
    description:
      `One structured record per narrative cyber-incident report ("schema": "${SCHEMA_ID}"). Generated from` +
      ` the zod contract in src/core/contract/record.ts by scripts/write-schema.ts; do not edit by hand.`,
    ...rest,
  };
}

/** The committed file's exact text: 2-space JSON and a final newline. */
export function recordJsonSchemaText(): string {
  return JSON.stringify(recordJsonSchema(), null, 2) + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SCHEMA_PATH, recordJsonSchemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
}
